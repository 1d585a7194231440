import { describe, expect, it } from 'vitest';
import { findScopeRule, readOnlyVariant, scopeNeed, scopesPermit } from './scope-rules.ts';

const permits = (method: string, path: string, granted: string[]) => scopesPermit(scopeNeed(method, path), granted);

describe('scope rules of the stand-in', () => {
  it('lets a read-only scope GET and HEAD but not write', () => {
    expect(permits('GET', '/v2/orders/5', ['store_v2_orders_read_only'])).toBe(true);
    expect(permits('HEAD', '/v2/orders', ['store_v2_orders_read_only'])).toBe(true);
    expect(permits('PUT', '/v2/orders/5', ['store_v2_orders_read_only'])).toBe(false);
    expect(permits('POST', '/v2/orders', ['store_v2_orders_read_only'])).toBe(false);
  });

  it('lets a modify scope do everything, reads included', () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      expect(permits(method, '/v2/products/77', ['store_v2_products'])).toBe(true);
    }
  });

  it('does not let one resource scope reach another resource', () => {
    expect(permits('GET', '/v2/customers', ['store_v2_orders'])).toBe(false);
  });

  it('needs no selectable scope for webhooks', () => {
    expect(scopeNeed('POST', '/v2/hooks')).toEqual({ kind: 'default' });
    expect(permits('POST', '/v3/hooks/12', [])).toBe(true);
  });

  it('prefers the most specific rule, literal segments over ids', () => {
    expect(findScopeRule('/v3/orders/pickups')?.modify).toBe('store_order_fulfillment_manage');
    expect(findScopeRule('/v3/orders/5/transactions')?.modify).toBe('store_v2_transactions');
    expect(findScopeRule('/v3/orders/5')?.modify).toBe('store_v2_orders');
    expect(findScopeRule('/v3/channels/1/listings')?.modify).toBe('store_channel_listings');
    expect(findScopeRule('/v3/storefront/api-token-private')?.modify).toBe('store_storefront_api');
  });

  it('accepts the read-only scope for POSTs that only read', () => {
    expect(permits('POST', '/v3/pricing/products', ['store_v2_products_read_only'])).toBe(true);
    expect(permits('POST', '/v3/catalog/products', ['store_v2_products_read_only'])).toBe(false);
  });

  it('accepts any listed scope where the docs say "at least one of"', () => {
    expect(permits('POST', '/v3/orders/5/payment_actions/capture', ['store_v2_transactions'])).toBe(true);
    expect(permits('POST', '/v3/orders/5/payment_actions/capture', ['store_v2_orders_read_only'])).toBe(false);
  });

  it('has no read-only shortcut for scopes without a read-only variant', () => {
    expect(scopeNeed('GET', '/v3/storefront/api-token')).toEqual({ kind: 'any-of', scopes: ['store_storefront_api'] });
    expect(permits('POST', '/v3/payments/methods', ['store_payments_methods_read'])).toBe(false);
  });

  it('knows nothing about paths outside the documented resources', () => {
    expect(scopeNeed('GET', '/v2/requestlogs')).toEqual({ kind: 'unknown' });
    expect(permits('GET', '/v2/requestlogs', ['store_v2_information'])).toBe(false);
  });
});

describe('readOnlyVariant', () => {
  it('names the read-only scope, irregular names included, and null where there is none', () => {
    expect(readOnlyVariant('store_v2_orders')).toBe('store_v2_orders_read_only');
    expect(readOnlyVariant('store_themes_manage')).toBe('store_themes_read_only');
    expect(readOnlyVariant('store_storefront_api')).toBeNull();
  });
});
