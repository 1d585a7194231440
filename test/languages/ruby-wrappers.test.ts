// Ruby request wrappers (fixtures/wrappers/ruby): HTTParty and Faraday requests whose path or verb
// come from the caller, each call read with its arguments (keywords, defaults) bound.
import { describe, expect, it } from 'vitest';
import { analyzeOtherLanguage } from '../../src/analyze/languages/index.ts';
import { rows, scanFixture, testConfig } from './helpers.ts';

const FIXTURE = '../wrappers/ruby/store_client.rb';

describe('Ruby wrappers', () => {
  it('reports each wrapper once and each of its calls in the file with its endpoint and method', async () => {
    const result = await scanFixture(FIXTURE);
    expect(rows(result.findings)).toEqual([
      ['legacy-api-call', 11, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      // A wrapper calling a wrapper: `brand(id)` calls `remove(path)`.
      ['legacy-api-call', 15, 'DELETE', '/v2/brands/{id}', 'store_v2_products'],
      ['legacy-request-wrapper', 19, 'DELETE', null, null],
      ['legacy-request-wrapper', 25, 'GET', null, null],
      ['legacy-request-wrapper', 34, null, null, null],
      // The verb keyword's default, then the one passed.
      ['legacy-api-call', 37, 'GET', '/v2/products', 'store_v2_products_read_only'],
      ['legacy-api-call', 38, 'PUT', '/v2/coupons/{id}', 'store_v2_marketing'],
      ['legacy-api-call', 39, 'DELETE', '/v2/customers/{id}', 'store_v2_customers'],
    ]);
  });

  it('says that calls from other files are not followed, except for a method under `private`', async () => {
    const result = await scanFixture(FIXTURE);
    expect(result.findings.filter((f) => f.notes.some((n) => n.kind === 'untraced-requests')).map((f) => f.line)).toEqual([19, 34]);
  });

  it('reads a Faraday run_request verb written as a symbol', async () => {
    const text = [
      "conn = Faraday.new(url: 'https://store-abc123.mybigcommerce.com/api/v2/')",
      "conn.basic_auth(ENV['BC_USER'], ENV['BC_KEY'])",
      "conn.run_request(:put, 'products/5', '{}', nil)",
    ].join('\n');
    const result = await analyzeOtherLanguage({ path: 'sync.rb', text, kind: 'ruby' }, { config: testConfig() });
    expect(rows(result.findings)).toEqual([['legacy-api-call', 3, 'PUT', '/v2/products/{id}', 'store_v2_products']]);
  });
});
