// PHP request wrappers (fixtures/wrappers/php): a cURL function, a cURL method and a Guzzle method
// whose callers decide the endpoint and method, each call read with its arguments bound.
import { describe, expect, it } from 'vitest';
import { rows, scanFixture } from './helpers.ts';

const FIXTURE = '../wrappers/php/bc-api.php';

describe('PHP wrappers', () => {
  it('reports each wrapper once and each of its calls in the file with the endpoint and method its arguments give', async () => {
    const result = await scanFixture(FIXTURE);
    expect(rows(result.findings)).toEqual([
      ['legacy-request-wrapper', 6, null, null, null],
      ['legacy-api-call', 17, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 18, 'PUT', '/v2/products/{id}', 'store_v2_products'],
      // PHP function names are case-insensitive: BC_API is bc_api.
      ['legacy-api-call', 19, 'DELETE', '/v2/customers/{id}', 'store_v2_customers'],
      ['legacy-request-wrapper', 32, null, null, null],
      ['legacy-request-wrapper', 39, null, null, null],
      ['legacy-api-call', 44, 'GET', '/v2/coupons', 'store_v2_marketing_read_only'],
      ['legacy-api-call', 45, 'GET', '/v2/coupons', 'store_v2_marketing_read_only'],
      ['legacy-api-call', 50, 'DELETE', '/v2/brands/{id}', 'store_v2_products'],
    ]);
  });

  it('says that calls from other files are not followed, for a function and a public method, not a private one', async () => {
    const result = await scanFixture(FIXTURE);
    expect(result.findings.filter((f) => f.notes.some((n) => n.kind === 'untraced-requests')).map((f) => f.line)).toEqual([6, 32]);
  });

  it('traces a call to the request inside the wrapper', async () => {
    const call = (await scanFixture(FIXTURE)).findings.find((f) => f.line === 18)!;
    expect(call.trace.map((t) => `${t.role}:${t.line}`)).toEqual(['call:18', 'path:6', 'auth:7', 'method:8']);
  });
});
