import { describe, expect, it } from 'vitest';
import { checkScopeBudget, counterpartOf } from '../../src/check/budget.ts';
import { legacyCall, reportOf } from './helpers.ts';

const readOrders = () => reportOf([legacyCall({ line: 7, method: 'GET', endpoint: '/v2/orders' })]).scopes;
const writeOrders = () => reportOf([legacyCall({ line: 12, method: 'PUT', endpoint: '/v2/orders/{id}' })]).scopes;

describe('checkScopeBudget', () => {
  it('finds nothing when every needed scope is allowed by name', () => {
    expect(readOrders().map((s) => s.scope)).toEqual(['store_v2_orders_read_only']);
    expect(checkScopeBudget(readOrders(), ['store_v2_orders_read_only'])).toEqual([]);
  });

  it('a read-only scope fits a budget that allows its modify variant', () => {
    expect(checkScopeBudget(readOrders(), ['store_v2_orders'])).toEqual([]);
  });

  it('a modify scope is beyond a budget that allows only its read-only variant', () => {
    const [violation, ...rest] = checkScopeBudget(writeOrders(), ['store_v2_orders_read_only']);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ scope: 'store_v2_orders', access: 'modify', label: 'Orders: modify' });
    expect(violation.endpoints).toEqual([{ method: 'PUT', endpoint: '/v2/orders/{id}', locations: ['src/sync.js:12'] }]);
    expect(violation.message).toContain('store_v2_orders (Orders: modify)');
    expect(violation.message).toContain('allows only store_v2_orders_read_only');
    expect(violation.message).toContain('PUT /v2/orders/{id} at src/sync.js:12');
  });

  it('a scope of another resource is beyond the budget', () => {
    const scopes = reportOf([legacyCall({ line: 3, method: 'GET', endpoint: '/v2/products' })]).scopes;
    expect(checkScopeBudget(scopes, ['store_v2_orders']).map((v) => v.scope)).toEqual(['store_v2_products_read_only']);
  });

  it('an empty budget lets nothing through', () => {
    expect(checkScopeBudget(readOrders(), []).map((v) => v.scope)).toEqual(['store_v2_orders_read_only']);
  });
});

describe('counterpartOf', () => {
  it('reads irregular pairs from the catalogue', () => {
    expect(counterpartOf('store_themes_manage')).toBe('store_themes_read_only');
    expect(counterpartOf('store_v2_orders_read_only')).toBe('store_v2_orders');
    expect(counterpartOf('store_v2_default')).toBeNull();
    expect(counterpartOf('no_such_scope')).toBeNull();
  });
});
