import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../src/types.ts';
import { findResource, isMappedEndpoint, resolveScope, scopeNotes } from '../../src/scopes/resolve.ts';

// Each V2 family: endpoints (already normalized by the analyzer), its modify scope, read-only scope, GUI name.
const V2_FAMILIES: Array<{ family: string; endpoints: string[]; modify: string; readOnly: string; gui: string }> = [
  {
    family: 'products',
    endpoints: [
      '/v2/products', '/v2/products/count', '/v2/products/{id}', '/v2/products/{id}/images', '/v2/products/{id}/images/{id}',
      '/v2/products/{id}/videos', '/v2/products/{id}/skus', '/v2/products/{id}/rules', '/v2/products/{id}/options',
      '/v2/products/{id}/custom_fields', '/v2/products/{id}/configurable_fields', '/v2/products/{id}/discount_rules',
      '/v2/products/{id}/reviews', '/v2/products/{id}/googleproductsearch', '/v2/products/images/count', '/v2/products/skus/count',
    ],
    modify: 'store_v2_products', readOnly: 'store_v2_products_read_only', gui: 'Products',
  },
  { family: 'categories', endpoints: ['/v2/categories', '/v2/categories/count', '/v2/categories/{id}'], modify: 'store_v2_products', readOnly: 'store_v2_products_read_only', gui: 'Products' },
  { family: 'brands', endpoints: ['/v2/brands', '/v2/brands/count', '/v2/brands/{id}'], modify: 'store_v2_products', readOnly: 'store_v2_products_read_only', gui: 'Products' },
  { family: 'options', endpoints: ['/v2/options', '/v2/options/count', '/v2/options/{id}', '/v2/options/{id}/values', '/v2/options/{id}/values/{id}'], modify: 'store_v2_products', readOnly: 'store_v2_products_read_only', gui: 'Products' },
  { family: 'option_sets', endpoints: ['/v2/option_sets', '/v2/option_sets/count', '/v2/option_sets/{id}', '/v2/option_sets/{id}/options', '/v2/option_sets/{id}/options/{id}'], modify: 'store_v2_products', readOnly: 'store_v2_products_read_only', gui: 'Products' },
  { family: 'customers', endpoints: ['/v2/customers', '/v2/customers/count', '/v2/customers/{id}', '/v2/customers/{id}/addresses', '/v2/customers/{id}/addresses/count', '/v2/customers/{id}/addresses/{id}', '/v2/customers/{id}/validate'], modify: 'store_v2_customers', readOnly: 'store_v2_customers_read_only', gui: 'Customers' },
  { family: 'customer_groups', endpoints: ['/v2/customer_groups', '/v2/customer_groups/count', '/v2/customer_groups/{id}'], modify: 'store_v2_customers', readOnly: 'store_v2_customers_read_only', gui: 'Customers' },
  {
    family: 'orders',
    endpoints: [
      '/v2/orders', '/v2/orders/count', '/v2/orders/{id}', '/v2/orders/{id}/products', '/v2/orders/{id}/products/{id}',
      '/v2/orders/{id}/shipments', '/v2/orders/{id}/shipments/count', '/v2/orders/{id}/shipments/{id}',
      '/v2/orders/{id}/shipping_addresses', '/v2/orders/{id}/shipping_addresses/{id}', '/v2/orders/{id}/shipping_addresses/{id}/shipping_quotes',
      '/v2/orders/{id}/coupons', '/v2/orders/{id}/taxes', '/v2/orders/{id}/messages', '/v2/orders/{id}/consignments',
      '/v2/orders/{id}/consignments/shipping/{id}/shipping_quotes', '/v2/orders/{id}/fees', '/v2/orders/products/count',
    ],
    modify: 'store_v2_orders', readOnly: 'store_v2_orders_read_only', gui: 'Orders',
  },
  { family: 'order_statuses', endpoints: ['/v2/order_statuses', '/v2/order_statuses/{id}'], modify: 'store_v2_orders', readOnly: 'store_v2_orders_read_only', gui: 'Orders' },
  { family: 'coupons', endpoints: ['/v2/coupons', '/v2/coupons/count', '/v2/coupons/{id}'], modify: 'store_v2_marketing', readOnly: 'store_v2_marketing_read_only', gui: 'Marketing' },
  { family: 'gift_certificates', endpoints: ['/v2/gift_certificates', '/v2/gift_certificates/{id}'], modify: 'store_v2_marketing', readOnly: 'store_v2_marketing_read_only', gui: 'Marketing' },
  { family: 'banners', endpoints: ['/v2/banners', '/v2/banners/count', '/v2/banners/{id}'], modify: 'store_v2_marketing', readOnly: 'store_v2_marketing_read_only', gui: 'Marketing' },
  { family: 'blog', endpoints: ['/v2/blog/posts', '/v2/blog/posts/count', '/v2/blog/posts/{id}', '/v2/blog/tags'], modify: 'store_v2_content', readOnly: 'store_v2_content_read_only', gui: 'Content' },
  { family: 'pages', endpoints: ['/v2/pages', '/v2/pages/{id}'], modify: 'store_v2_content', readOnly: 'store_v2_content_read_only', gui: 'Content' },
  { family: 'redirects', endpoints: ['/v2/redirects', '/v2/redirects/count', '/v2/redirects/{id}'], modify: 'store_v2_content', readOnly: 'store_v2_content_read_only', gui: 'Content' },
  {
    family: 'information',
    endpoints: [
      '/v2/store', '/v2/time', '/v2/countries', '/v2/countries/count', '/v2/countries/{id}', '/v2/countries/{id}/states',
      '/v2/countries/{id}/states/count', '/v2/countries/{id}/states/{id}', '/v2/countries/states', '/v2/countries/states/count',
      '/v2/currencies', '/v2/currencies/{id}', '/v2/shipping/zones', '/v2/shipping/zones/{id}', '/v2/shipping/zones/{id}/methods',
      '/v2/shipping/zones/{id}/methods/{id}', '/v2/shipping/carrier/connection', '/v2/shipping/methods', '/v2/shipping/methods/{id}',
      '/v2/tax_classes', '/v2/tax_classes/{id}', '/v2/payments/methods',
    ],
    modify: 'store_v2_information', readOnly: 'store_v2_information_read_only', gui: 'Information & Settings',
  },
];

const WRITES: HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

describe('resolveScope, asked again', () => {
  it('hands out a resolution of its own each time, so a caller changing one changes no other', () => {
    const first = resolveScope('GET', '/v2/orders');
    first.scope = 'changed by a caller';
    expect(resolveScope('GET', '/v2/orders').scope).toBe('store_v2_orders_read_only');
    expect(resolveScope(null, '/v2/orders')).toMatchObject({ scope: 'store_v2_orders', assumedWrite: true });
  });
});

describe('resolveScope on V2 resources', () => {
  for (const { family, endpoints, modify, readOnly, gui } of V2_FAMILIES) {
    it(`gives ${family} reads the read-only scope`, () => {
      for (const endpoint of endpoints) {
        for (const method of ['GET', 'HEAD'] as HttpMethod[]) {
          expect(resolveScope(method, endpoint), `${method} ${endpoint}`).toMatchObject({
            scope: readOnly,
            access: 'read_only',
            label: `${gui}: read-only`,
          });
        }
      }
    });

    it(`gives ${family} writes the modify scope`, () => {
      for (const endpoint of endpoints) {
        for (const method of WRITES) {
          expect(resolveScope(method, endpoint), `${method} ${endpoint}`).toMatchObject({
            scope: modify,
            access: 'modify',
            label: `${gui}: modify`,
          });
        }
      }
    });
  }

  it('labels scopes in the control panel words', () => {
    expect(resolveScope('GET', '/v2/orders').label).toBe('Orders: read-only');
    expect(resolveScope('PUT', '/v2/orders/{id}').label).toBe('Orders: modify');
    expect(resolveScope('GET', '/v2/products').label).toBe('Products: read-only');
  });

  it('treats OPTIONS like any other non-read method', () => {
    expect(resolveScope('OPTIONS', '/v2/orders')).toMatchObject({ scope: 'store_v2_orders', access: 'modify' });
  });

  it('does not treat a POST as a read on V2', () => {
    expect(resolveScope('POST', '/v2/customers/{id}/validate').scope).toBe('store_v2_customers');
  });
});

describe('resolveScope with an unknown method', () => {
  it('assumes a write and says so', () => {
    const resolution = resolveScope(null, '/v2/orders/{id}/shipments');
    expect(resolution).toMatchObject({ scope: 'store_v2_orders', access: 'modify', label: 'Orders: modify', assumedWrite: true });
    expect(resolution.note).toMatch(/write was assumed/);
  });

  it('does not mark a known method as assumed', () => {
    expect(resolveScope('GET', '/v2/orders').assumedWrite).toBeUndefined();
    expect(resolveScope('PUT', '/v2/orders').assumedWrite).toBeUndefined();
  });
});

describe('resolveScope on irregular scope names', () => {
  it('maps themes reads to store_themes_read_only and writes to store_themes_manage', () => {
    expect(resolveScope('GET', '/v3/themes/{id}')).toMatchObject({ scope: 'store_themes_read_only', label: 'Themes: read-only' });
    expect(resolveScope('DELETE', '/v3/themes/{id}')).toMatchObject({ scope: 'store_themes_manage', access: 'modify', label: 'Themes: modify' });
  });

  it('maps pickup methods and order pickups to their manage / read-only pairs', () => {
    expect(resolveScope('GET', '/v3/pickup/methods').scope).toBe('store_fulfillment_methods_read_only');
    expect(resolveScope('PUT', '/v3/pickup/methods').scope).toBe('store_fulfillment_methods_manage');
    expect(resolveScope('GET', '/v3/orders/pickups').scope).toBe('store_order_fulfillment_read_only');
    expect(resolveScope('POST', '/v3/orders/pickups').scope).toBe('store_order_fulfillment_manage');
  });

  it('maps infrastructure projects to their manage / read-only pair', () => {
    expect(resolveScope('GET', '/v3/infrastructure/projects').scope).toBe('store_infrastructure_projects_read_only');
    expect(resolveScope('POST', '/v3/infrastructure/projects').scope).toBe('store_infrastructure_projects_manage');
  });
});

describe('resolveScope on scopes without a read-only or modify variant', () => {
  it('keeps the modify-only scope for reads', () => {
    expect(resolveScope('GET', '/v3/storefront/api-token')).toMatchObject({ scope: 'store_storefront_api', access: 'modify' });
    expect(resolveScope('POST', '/v3/payments/access_tokens')).toMatchObject({ scope: 'store_payments_access_token_create', access: 'modify' });
  });

  it('keeps the read-only-only scope for writes and says it cannot be modified', () => {
    const resolution = resolveScope('POST', '/v3/payments/methods');
    expect(resolution).toMatchObject({ scope: 'store_payments_methods_read', access: 'read_only' });
    expect(resolution.note).toMatch(/no modify variant/);
    expect(resolveScope('GET', '/v3/store/systemlogs')).toMatchObject({ scope: 'store_logs_read_only', access: 'read_only' });
  });
});

describe('resolveScope on read-style POSTs', () => {
  it('gives the listed POSTs the read-only scope', () => {
    expect(resolveScope('POST', '/v3/pricing/products')).toMatchObject({ scope: 'store_v2_products_read_only', access: 'read_only' });
    expect(resolveScope('POST', '/v3/tax/zonecheck')).toMatchObject({ scope: 'store_v2_information_read_only' });
    expect(resolveScope('POST', '/v3/pickup/options')).toMatchObject({ scope: 'store_fulfillment_methods_read_only' });
  });

  it('still treats other methods on those paths as writes', () => {
    expect(resolveScope('PUT', '/v3/pricing/products').scope).toBe('store_v2_products');
    expect(resolveScope(null, '/v3/tax/zonecheck').scope).toBe('store_v2_information');
  });
});

describe('resolveScope on webhooks', () => {
  it('needs only the default scope, with a note', () => {
    for (const endpoint of ['/v2/hooks', '/v2/hooks/{id}', '/v3/hooks', '/v3/hooks/{id}']) {
      const resolution = resolveScope('POST', endpoint);
      expect(resolution).toMatchObject({ scope: null, access: null, label: null, defaultScope: true });
      expect(resolution.note).toMatch(/default scope/);
      expect(isMappedEndpoint(endpoint)).toBe(true);
    }
  });
});

describe('resolveScope on endpoints the catalogue does not know', () => {
  it('returns nulls and isMappedEndpoint says false', () => {
    for (const endpoint of ['/v2/widgets', '/v2/payments', '/v2', '/v1/orders', '/v2/optionsets', 'orders']) {
      expect(resolveScope('GET', endpoint), endpoint).toEqual({ scope: null, access: null, label: null });
      expect(isMappedEndpoint(endpoint), endpoint).toBe(false);
    }
  });

  it('returns no scope for the undocumented request logs and says why', () => {
    const resolution = resolveScope('GET', '/v2/requestlogs');
    expect(resolution).toMatchObject({ scope: null, access: null, label: null });
    expect(resolution.defaultScope).toBeUndefined();
    expect(resolution.note).toMatch(/Undocumented/);
    expect(isMappedEndpoint('/v2/requestlogs')).toBe(false);
  });

  it('maps a known endpoint', () => {
    expect(isMappedEndpoint('/v2/orders/{id}/shipments')).toBe(true);
  });
});

describe('resolveScope on disputed and any-of entries', () => {
  it('asks for Information & Settings read-only on /v2/payments/methods and names the second scope', () => {
    const resolution = resolveScope('GET', '/v2/payments/methods');
    expect(resolution.scope).toBe('store_v2_information_read_only');
    expect(resolution.note).toMatch(/store_payments_methods_read/);
    expect(resolution.note).toMatch(/Sources disagree/);
  });

  it('names both accepted scopes for payment actions', () => {
    const resolution = resolveScope('POST', '/v3/orders/{id}/payment_actions/capture');
    expect(resolution.scope).toBe('store_v2_transactions');
    expect(resolution.note).toMatch(/store_v2_orders/);
  });
});

describe('findResource', () => {
  it('prefers the pattern with more literal segments', () => {
    expect(findResource('/v3/customers/{id}/stored-instruments')?.id).toBe('v3-stored-instruments');
    expect(findResource('/v3/customers/{id}/addresses')?.id).toBe('v3-customers');
    expect(findResource('/v3/channels/{id}/listings')?.id).toBe('v3-channel-listings');
    expect(findResource('/v3/channels/{id}')?.id).toBe('v3-channels');
    expect(findResource('/v3/carts/settings')?.id).toBe('v3-information');
    expect(findResource('/v3/carts/{id}/items')?.id).toBe('v3-carts');
    expect(findResource('/v3/inventory/locations/{id}/items')?.id).toBe('v3-inventory');
    expect(findResource('/v3/inventory/locations/{id}/metafields')?.id).toBe('v3-locations');
    expect(findResource('/v3/content/scripts/{id}')?.id).toBe('v3-scripts');
  });

  it('maps a V2 resource by its root', () => {
    expect(findResource('/v2/orders')?.id).toBe('v2-orders');
  });

  it('leaves unmapped the sub-paths V2 never had, which exist in V3 only', () => {
    for (const endpoint of ['/v2/orders/{id}/transactions', '/v2/products/{id}/variants', '/v2/customers/{id}/attribute_values', '/v2/orders/{id}/payment_actions/refunds', '/v2/products/{id}/modifiers']) {
      expect(isMappedEndpoint(endpoint), endpoint).toBe(false);
      expect(scopeNotes('GET', endpoint).map((n) => n.kind), endpoint).toEqual(['unmapped-endpoint']);
    }
  });

  it('gives no scope to an Orders V3 path that does not exist', () => {
    expect(findResource('/v3/orders/{id}')).toBeNull();
    expect(findResource('/v3/orders/{id}/metafields')?.id).toBe('v3-orders');
    expect(findResource('/v3/orders/{id}/transactions')?.id).toBe('v3-order-transactions');
  });
});

describe('scopeNotes', () => {
  it('reports an unmapped endpoint', () => {
    expect(scopeNotes('GET', '/v2/widgets').map((n) => n.kind)).toEqual(['unmapped-endpoint']);
  });

  it('reports an undocumented endpoint', () => {
    expect(scopeNotes('GET', '/v2/requestlogs').map((n) => n.kind)).toEqual(['undocumented-endpoint']);
  });

  it('reports an assumed write', () => {
    expect(scopeNotes(null, '/v2/orders').map((n) => n.kind)).toEqual(['unknown-method-assumed-write']);
  });

  it('reports a dispute that needs review, and not one whose answer is safe', () => {
    expect(scopeNotes('GET', '/v2/payments/methods').map((n) => n.kind)).toEqual(['disputed-scope']);
    expect(scopeNotes('GET', '/v2/time')).toEqual([]);
  });

  it('has nothing to say about a plain mapped read', () => {
    expect(scopeNotes('GET', '/v2/orders')).toEqual([]);
  });
});
