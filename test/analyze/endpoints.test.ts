import { describe, expect, it } from 'vitest';
import { HOLE, isKnownV2Resource, isV2ApiPath, normalizeEndpoint } from '../../src/analyze/endpoints.ts';

describe('normalizeEndpoint', () => {
  it('drops the .json suffix and the query string and turns numeric ids into {id}', () => {
    expect(normalizeEndpoint('/api/v2/orders/5.json?x=1')).toEqual({ endpoint: '/v2/orders/{id}', version: 'v2', suffix: 'json' });
  });

  it('records an .xml suffix', () => {
    expect(normalizeEndpoint('/api/v2/customers.xml').suffix).toBe('xml');
  });

  it('drops a trailing slash and a fragment', () => {
    expect(normalizeEndpoint('/api/v2/products/#top').endpoint).toBe('/v2/products');
    expect(normalizeEndpoint('/api/v2/products/').endpoint).toBe('/v2/products');
  });

  it('reads OAuth gateway paths and bare /v2 paths', () => {
    expect(normalizeEndpoint('/stores/abc/v2/orders').endpoint).toBe('/v2/orders');
    expect(normalizeEndpoint('/v2/orders/{id}').endpoint).toBe('/v2/orders/{id}');
    expect(normalizeEndpoint('/stores/abc/v3/catalog/products').endpoint).toBe('/v3/catalog/products');
  });

  it('turns a hole in an id position into {id}', () => {
    expect(normalizeEndpoint(`/api/v2/orders/${HOLE}/products/${HOLE}.json`).endpoint).toBe('/v2/orders/{id}/products/{id}');
  });

  it('maps the legacy alias spellings to the underscore forms', () => {
    expect(normalizeEndpoint('/api/v2/optionsets').endpoint).toBe('/v2/option_sets');
    expect(normalizeEndpoint('/api/v2/orders/1/shippingaddresses').endpoint).toBe('/v2/orders/{id}/shipping_addresses');
    expect(normalizeEndpoint('/api/v2/orderstatuses').endpoint).toBe('/v2/order_statuses');
    expect(normalizeEndpoint('/api/v2/products/3/customfields').endpoint).toBe('/v2/products/{id}/custom_fields');
    expect(normalizeEndpoint('/api/v2/taxclasses').endpoint).toBe('/v2/tax_classes');
  });

  it('keeps multi-segment resource names and count', () => {
    expect(normalizeEndpoint('/api/v2/blog/posts/count').endpoint).toBe('/v2/blog/posts/count');
    expect(normalizeEndpoint('/api/v2/shipping/carrier/connection').endpoint).toBe('/v2/shipping/carrier/connection');
    expect(normalizeEndpoint('/api/v2/countries/states').endpoint).toBe('/v2/countries/states');
    expect(normalizeEndpoint('/api/v2/payments/methods').endpoint).toBe('/v2/payments/methods');
  });

  it('gives no endpoint, with a reason, when a resource name is a hole', () => {
    const result = normalizeEndpoint(`/api/v2/${HOLE}`);
    expect(result.endpoint).toBeNull();
    expect(result.reason).toMatch(/resource name/);
  });

  it('gives no endpoint when a hole is glued to text', () => {
    expect(normalizeEndpoint(`/api/v2/orders${HOLE}`).endpoint).toBeNull();
    expect(normalizeEndpoint(`/api/v2${HOLE}`)).toMatchObject({ endpoint: null, version: 'v2' });
  });

  it('keeps percent-encoded and raw control characters encoded, so an endpoint is always one printable line', () => {
    expect(normalizeEndpoint('/api/v2/orders/%0A::warning file=x::pwn%1b[31m').endpoint).toBe('/v2/orders/%0A::warning file=x::pwn%1B[31m');
    expect(normalizeEndpoint('/api/v2/orders/\n::add-mask::x\u0007').endpoint).toBe('/v2/orders/%0A::add-mask::x%07');
    expect(normalizeEndpoint('/api/v2/orders/a%E2%80%AEb').endpoint).toBe('/v2/orders/a%E2%80%AEb');
    expect(normalizeEndpoint('/api/v2/products%20list').endpoint).toBe('/v2/products list');
  });

  it('gives no endpoint for a path without an API root', () => {
    expect(normalizeEndpoint('/cart.php').endpoint).toBeNull();
    expect(normalizeEndpoint('/api/v2').endpoint).toBeNull();
  });
});

describe('isV2ApiPath', () => {
  it('accepts /api/v2 followed by a slash, a hole or nothing', () => {
    expect(isV2ApiPath('/api/v2/orders')).toBe(true);
    expect(isV2ApiPath(`/api/v2${HOLE}`)).toBe(true);
    expect(isV2ApiPath('/api/v2')).toBe(true);
  });

  it('rejects storefront and other store paths', () => {
    expect(isV2ApiPath('/api/storefront/cart')).toBe(false);
    expect(isV2ApiPath('/graphql')).toBe(false);
    expect(isV2ApiPath('/api/v21/orders')).toBe(false);
  });
});

describe('isKnownV2Resource', () => {
  it('knows the V2 resources a legacy account can call and nothing else', () => {
    expect(isKnownV2Resource('/v2/orders/{id}')).toBe(true);
    expect(isKnownV2Resource('/v2/widgets')).toBe(false);
    expect(isKnownV2Resource('/v3/catalog/products')).toBe(false);
    expect(isKnownV2Resource(null)).toBe(false);
  });

  it('reads the resource right after /v2/ only', () => {
    expect(['/v2/store', '/v2/orders', 'x/v2/orders', '/v2', '/v2/', 'v2/orders', '/api/v2/orders', '/v2/orders.json'].map(isKnownV2Resource)).toEqual([true, true, true, false, false, false, false, false]);
  });
});

describe('normalizeEndpoint, asked again', () => {
  it('hands out an endpoint of its own each time, so a caller changing one changes no other', () => {
    const first = normalizeEndpoint('/api/v2/orders/12/products.json');
    first.endpoint = 'changed by a caller';
    expect(normalizeEndpoint('/api/v2/orders/12/products.json')).toEqual({ endpoint: '/v2/orders/{id}/products', version: 'v2', suffix: 'json' });
  });
});
