// First half of the example app's equivalence proof: what it sends to the legacy API.
// The second half (after `fix`, the same scenarios on the gateway) uses proveEquivalence in harness.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type RecordedRequest } from '../standin/standin.ts';
import {
  TEST_ACCOUNT,
  TEST_STORE_HASH,
  copyFixture,
  methodAndPath,
  recordScenarios,
  type FixtureCopy,
  type ScenarioRecording,
} from './harness.ts';
import {
  EXAMPLE_APP_DIR,
  EXAMPLE_LEGACY_ENV,
  EXAMPLE_MODULES,
  EXAMPLE_SCENARIOS,
  EXAMPLE_SHARED_ENV,
} from './example-app.scenarios.ts';

const standin = startStandin({ account: TEST_ACCOUNT, storeHash: TEST_STORE_HASH });
let copy: FixtureCopy;
let recordings: ScenarioRecording[];

beforeAll(async () => {
  copy = await copyFixture(EXAMPLE_APP_DIR);
  recordings = await recordScenarios({
    appDir: copy.dir,
    modules: EXAMPLE_MODULES,
    scenarios: EXAMPLE_SCENARIOS,
    standin,
    env: { ...EXAMPLE_SHARED_ENV, ...EXAMPLE_LEGACY_ENV },
  });
});

afterAll(async () => {
  standin.close();
  await copy?.remove();
});

function scenario(name: string): ScenarioRecording {
  const found = recordings.find((r) => r.name === name);
  if (!found) throw new Error(`no recording for ${name}`);
  return found;
}

const query = (request: RecordedRequest | undefined) => Object.fromEntries(request?.query ?? []);

describe('example app on the legacy API', () => {
  it('sends every request to the legacy API with the test account and nothing elsewhere', () => {
    const all = recordings.flatMap((r) => r.requests);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.api === 'legacy' && r.outcome !== 'unauthenticated')).toBe(true);
    expect(standin.unhandled).toEqual([]);
  });

  it('syncs orders: pages through awaiting-fulfillment orders, then reads products and ships each', () => {
    const sync = scenario('sync orders');
    expect(sync.error).toBeUndefined();
    expect(sync.requests.map(methodAndPath)).toEqual([
      'GET /v2/orders',
      'GET /v2/orders',
      'GET /v2/orders/101/products',
      'PUT /v2/orders/101',
      'GET /v2/orders/102/products',
      'PUT /v2/orders/102',
      'GET /v2/orders/104/products',
      'PUT /v2/orders/104',
    ]);
    expect(sync.requests.slice(0, 2).map(query)).toEqual([
      { status_id: '11', page: '1', limit: '2' },
      { status_id: '11', page: '2', limit: '2' },
    ]);
    expect(sync.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { status_id: 2 },
      { status_id: 2 },
      { status_id: 2 },
    ]);
    expect(sync.result).toEqual({ shipped: [101, 102, 104] });
  });

  it('updates products found by SKU and skips an unknown SKU', () => {
    const products = scenario('apply product changes');
    expect(products.error).toBeUndefined();
    expect(products.requests.map(methodAndPath)).toEqual([
      'GET /v2/products',
      'PUT /v2/products/77',
      'GET /v2/products',
      'PUT /v2/products/80',
      'GET /v2/products',
    ]);
    expect(products.requests.filter((r) => r.method === 'GET').map((r) => query(r).sku)).toEqual([
      'MUG-BLK',
      'TEE-L',
      'DISCONTINUED-1',
    ]);
    expect(products.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { price: '14.0000' },
      { inventory_level: 9 },
    ]);
    expect(products.result).toEqual({ updated: ['MUG-BLK', 'TEE-L'], unknownSkus: ['DISCONTINUED-1'] });
  });

  it('seeds webhooks: reads the store, then every hook is refused because basic auth never had webhooks', () => {
    const seed = scenario('seed webhooks');
    expect(seed.requests.map(methodAndPath)).toEqual([
      'GET /v2/store',
      'POST /v2/hooks',
      'POST /v2/hooks',
      'POST /v2/hooks',
    ]);
    expect(seed.requests.slice(1).every((r) => r.outcome === 'not-available-on-legacy')).toBe(true);
    expect(seed.requests[1]?.body).toEqual({
      scope: 'store/order/created',
      destination: 'https://jobs.acme.example/webhooks/abc123',
      is_active: true,
    });
    expect(seed.result).toMatchObject({ storeId: 'abc123', created: [] });
    expect((seed.result as { failed: { event: string }[] }).failed.map((f) => f.event)).toEqual([
      'store/order/created',
      'store/order/statusUpdated',
      'store/product/updated',
    ]);
  });

  it('builds the customers report from two reads through its wrapper', () => {
    const report = scenario('customers report');
    expect(report.error).toBeUndefined();
    expect(report.requests.map(methodAndPath)).toEqual(['GET /v2/customers', 'GET /v2/customer_groups/count']);
    expect(query(report.requests[0])).toEqual({ limit: '250' });
    expect(report.result).toEqual({ customers: 3, customerGroups: 2, customersByGroup: { '1': 2, '2': 1 } });
  });
});
