// fixtures/deep/integration: a config module, a JSON config, .env.example, a client class used from
// several route files, and an exported axios instance used by jobs. Only .env.example has anything
// the fast scan can see; everything else comes from the project pass.
import { describe, expect, it } from 'vitest';
import { findingAt, scanDeep, summarize, traceLines } from './helpers.ts';

const HOST = 'store-k7x2m9.mybigcommerce.com';

describe('the integration fixture', async () => {
  const scan = await scanDeep('integration');
  const { findings, scopes, unmapped, summary } = scan.report;

  it('reports every call site with its own method, endpoint and scope', () => {
    expect(summarize(findings)).toEqual([
      `src/jobs/coupon-seeder.ts:5 legacy-api-call POST /v2/coupons store_v2_marketing ${HOST}`,
      `src/jobs/customer-report.ts:5 legacy-api-call GET /v2/customers store_v2_customers_read_only ${HOST}`,
      `src/jobs/customer-report.ts:6 legacy-api-call GET /v2/customer_groups store_v2_customers_read_only ${HOST}`,
      `src/routes/orders.js:11 legacy-api-call GET /v2/orders/{id} store_v2_orders_read_only ${HOST}`,
      `src/routes/orders.js:12 legacy-api-call GET /v2/orders/{id}/products store_v2_orders_read_only ${HOST}`,
      `src/routes/orders.js:17 legacy-api-call PUT /v2/orders/{id} store_v2_orders ${HOST}`,
      `src/routes/orders.js:7 legacy-api-call GET /v2/orders store_v2_orders_read_only ${HOST}`,
      `src/routes/products.js:13 legacy-api-call PUT /v2/products/{id} store_v2_products ${HOST}`,
      `src/routes/products.js:18 legacy-api-call DELETE /v2/products/{id}/images/{id} store_v2_products ${HOST}`,
      `src/routes/products.js:9 legacy-api-call GET /v2/products store_v2_products_read_only ${HOST}`,
      `src/routes/proxy.js:8 legacy-api-call - - - ${HOST}`,
    ]);
  });

  it('reports the client class wrapper and the shared axios instance where they are defined', () => {
    expect(summarize(findings, ['legacy-request-wrapper', 'legacy-client-config']).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'src/lib/bigcommerce-client.js:11 legacy-request-wrapper',
      'src/lib/bigcommerce-client.js:21 legacy-request-wrapper',
      'src/lib/bigcommerce-client.js:29 legacy-request-wrapper',
      'src/lib/bigcommerce-client.js:33 legacy-request-wrapper',
      'src/lib/store-api.ts:5 legacy-client-config',
    ]);
  });

  it('gives a scope list that covers every static call, with nothing unmapped', () => {
    expect(scopes.map((s) => `${s.scope} ${s.access}`)).toEqual([
      'store_v2_customers_read_only read_only',
      'store_v2_marketing modify',
      'store_v2_orders modify',
      'store_v2_products modify',
    ]);
    expect(unmapped).toEqual([]);
  });

  it('calls the scope list incomplete only because of the proxy call whose path is dynamic', () => {
    expect(summary.complete).toBe(false);
    const dynamic = findings.filter((f) => f.rule === 'legacy-api-call' && f.endpoint === null).map((f) => `${f.file}:${f.line}`);
    expect(dynamic).toEqual(['src/routes/proxy.js:8']);
  });

  it('marks the call whose method and path come from the incoming request as dynamic', () => {
    const proxy = findingAt(findings, 'src/routes/proxy.js:8');
    expect(proxy.notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['dynamic-endpoint', 'dynamic-method']));
  });

  it('traces a route call to the JSON host, the client auth, the route path, the call and the wrapper', () => {
    expect(traceLines(findingAt(findings, 'src/routes/orders.js:11'))).toEqual([
      'host config/default.json:3',
      'auth src/lib/bigcommerce-client.js:15',
      'path config/default.json:4',
      'path src/routes/orders.js:11',
      'method src/lib/bigcommerce-client.js:22',
      'call src/routes/orders.js:11',
      'definition src/lib/bigcommerce-client.js:21',
    ]);
  });

  it('traces a call through the imported axios instance to the instance and the JSON host', () => {
    expect(traceLines(findingAt(findings, 'src/jobs/coupon-seeder.ts:5'))).toEqual([
      'host config/default.json:3',
      'auth src/lib/store-api.ts:7',
      'path config/default.json:4',
      'path src/jobs/coupon-seeder.ts:5',
    ]);
  });

  it('keeps the fast scan findings of the files it did not re-analyze', () => {
    expect(summarize(findings, ['legacy-credentials-config'])).toEqual([`.env.example:2 legacy-credentials-config - - - ${HOST}`]);
  });

  it('keeps a re-analyzed file available to fix, with the findings it holds', () => {
    const orders = scan.files.find((f) => f.source.file.path === 'src/routes/orders.js');
    expect(orders?.findings.map((f) => f.line)).toEqual([7, 11, 12, 17]);
  });
});
