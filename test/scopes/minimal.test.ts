import { describe, expect, it } from 'vitest';
import { minimalScopes, type ScopeUse } from '../../src/scopes/resolve.ts';

const use = (method: ScopeUse['method'], endpoint: string | null, location: string): ScopeUse => ({ method, endpoint, location });

describe('minimalScopes', () => {
  it('lets a modify scope subsume its read-only variant and moves the reads under it', () => {
    const { scopes } = minimalScopes([
      use('GET', '/v2/orders', 'src/sync.ts:4'),
      use('PUT', '/v2/orders/{id}', 'src/sync.ts:9'),
      use('GET', '/v2/orders/{id}/shipments', 'src/sync.ts:12'),
    ]);
    expect(scopes).toEqual([
      {
        scope: 'store_v2_orders',
        access: 'modify',
        label: 'Orders: modify',
        endpoints: [
          { method: 'GET', endpoint: '/v2/orders', locations: ['src/sync.ts:4'] },
          { method: 'PUT', endpoint: '/v2/orders/{id}', locations: ['src/sync.ts:9'] },
          { method: 'GET', endpoint: '/v2/orders/{id}/shipments', locations: ['src/sync.ts:12'] },
        ],
      },
    ]);
  });

  it('keeps read-only when every call reads', () => {
    const { scopes } = minimalScopes([use('GET', '/v2/products', 'a.ts:1'), use('HEAD', '/v2/products/count', 'a.ts:2')]);
    expect(scopes.map((s) => [s.scope, s.label])).toEqual([['store_v2_products_read_only', 'Products: read-only']]);
  });

  it('deduplicates locations and sorts them by file then line number', () => {
    const { scopes } = minimalScopes([
      use('GET', '/v2/orders', 'b.ts:10'),
      use('GET', '/v2/orders', 'b.ts:9'),
      use('GET', '/v2/orders', 'a.ts:30'),
      use('GET', '/v2/orders', 'b.ts:10'),
    ]);
    expect(scopes[0]?.endpoints).toEqual([{ method: 'GET', endpoint: '/v2/orders', locations: ['a.ts:30', 'b.ts:9', 'b.ts:10'] }]);
  });

  it('keeps one endpoint entry per method', () => {
    const { scopes } = minimalScopes([use('POST', '/v2/orders', 'a.ts:2'), use('GET', '/v2/orders', 'a.ts:1'), use(null, '/v2/orders', 'a.ts:3')]);
    expect(scopes[0]?.endpoints.map((e) => e.method)).toEqual(['GET', 'POST', null]);
  });

  it('orders entries by label and endpoints by path, whatever the input order', () => {
    const uses = [
      use('GET', '/v2/store', 'x.ts:1'),
      use('POST', '/v2/products', 'x.ts:2'),
      use('GET', '/v2/customers', 'x.ts:3'),
      use('GET', '/v2/orders/{id}/shipments', 'x.ts:4'),
      use('GET', '/v2/orders', 'x.ts:5'),
      use('GET', '/v2/coupons', 'x.ts:6'),
    ];
    const forward = minimalScopes(uses);
    const backward = minimalScopes([...uses].reverse());
    expect(backward).toEqual(forward);
    expect(forward.scopes.map((s) => s.label)).toEqual([
      'Customers: read-only',
      'Information & Settings: read-only',
      'Marketing: read-only',
      'Orders: read-only',
      'Products: modify',
    ]);
    expect(forward.scopes[3]?.endpoints.map((e) => e.endpoint)).toEqual(['/v2/orders', '/v2/orders/{id}/shipments']);
  });

  it('creates no entry for endpoints that need only the default scope', () => {
    const result = minimalScopes([use('POST', '/v2/hooks', 'hooks.ts:3'), use('GET', '/v3/hooks', 'hooks.ts:4')]);
    expect(result).toEqual({ scopes: [], unmapped: [] });
  });

  it('ignores null endpoints', () => {
    expect(minimalScopes([use('GET', null, 'a.ts:1')])).toEqual({ scopes: [], unmapped: [] });
  });

  it('lists unknown and undocumented endpoints as unmapped, with their locations and reason', () => {
    const { scopes, unmapped } = minimalScopes([
      use('GET', '/v2/widgets', 'w.ts:2'),
      use('GET', '/v2/widgets', 'w.ts:1'),
      use('GET', '/v2/requestlogs', 'logs.ts:7'),
    ]);
    expect(scopes).toEqual([]);
    expect(unmapped).toEqual([
      { method: 'GET', endpoint: '/v2/requestlogs', locations: ['logs.ts:7'], reason: expect.stringMatching(/Undocumented/) },
      { method: 'GET', endpoint: '/v2/widgets', locations: ['w.ts:1', 'w.ts:2'], reason: expect.stringMatching(/Not in the scope catalogue/) },
    ]);
  });

  it('notes when modify was assumed for an unknown method', () => {
    const { scopes } = minimalScopes([use(null, '/v2/orders/{id}', 'a.ts:1'), use('GET', '/v2/orders', 'a.ts:2')]);
    expect(scopes).toHaveLength(1);
    expect(scopes[0]).toMatchObject({ scope: 'store_v2_orders', access: 'modify' });
    expect(scopes[0]?.note).toMatch(/Modify was assumed for 1 call/);
  });

  it('satisfies an any-of endpoint with a scope the code already needs', () => {
    const { scopes } = minimalScopes([
      use('PUT', '/v2/orders/{id}', 'a.ts:1'),
      use('POST', '/v3/orders/{id}/payment_actions/capture', 'a.ts:2'),
    ]);
    expect(scopes.map((s) => s.scope)).toEqual(['store_v2_orders']);
    expect(scopes[0]?.endpoints.map((e) => e.endpoint)).toContain('/v3/orders/{id}/payment_actions/capture');
  });

  it('uses the first accepted scope of an any-of endpoint when none is needed yet', () => {
    const { scopes } = minimalScopes([use('POST', '/v3/orders/{id}/payment_actions/capture', 'a.ts:2')]);
    expect(scopes.map((s) => s.scope)).toEqual(['store_v2_transactions']);
  });

  it('requests both scopes for the disputed /v2/payments/methods', () => {
    const { scopes } = minimalScopes([use('GET', '/v2/payments/methods', 'pay.ts:5')]);
    expect(scopes.map((s) => s.scope)).toEqual(['store_v2_information_read_only', 'store_payments_methods_read']);
    expect(scopes[1]?.note).toMatch(/sources disagree/);
  });
});
