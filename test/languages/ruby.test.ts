import { describe, expect, it } from 'vitest';
import { rows, scanFixture, shownText } from './helpers.ts';

describe('Ruby', () => {
  it("reports Bigcommerce.configure with auth = 'legacy', its literal key, and resource calls with endpoints and scopes", async () => {
    const result = await scanFixture('ruby/legacy_configure.rb');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 3, null, null, null],
      ['hardcoded-credential', 7, null, null, null],
      ['legacy-api-call', 10, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 11, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders'],
      ['legacy-api-call', 13, 'POST', '/v2/gift_certificates', 'store_v2_marketing'],
      ['legacy-api-call', 14, 'GET', '/v2/products/count', 'store_v2_products_read_only'],
      ['legacy-api-call', 15, 'GET', '/v2/store', 'store_v2_information_read_only'],
    ]);
    expect(shownText(result.findings)).not.toContain('f00dfeedf00dfeedf00dfeedf00dfeed');
  });

  it('reports the 0.x Bigcommerce::Api.new with store_url, username and api_key, and its instance calls', async () => {
    const result = await scanFixture('ruby/old_api.rb');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 3, null, null, null],
      ['legacy-api-call', 8, 'GET', '/v2/orders/count', 'store_v2_orders_read_only'],
      ['legacy-api-call', 9, 'PUT', '/v2/products/{id}', 'store_v2_products'],
    ]);
    expect(result.findings[0].client).toBe('bigcommerce-api-ruby-0.x');
  });

  it('reports nothing for an OAuth configuration', async () => {
    expect((await scanFixture('ruby/oauth_configure.rb')).findings).toEqual([]);
  });

  it('reports only the legacy branch of a dual-mode configuration', async () => {
    const result = await scanFixture('ruby/dual_mode.rb');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 9, null, null, null],
      ['legacy-api-call', 22, 'GET', '/v2/customers', 'store_v2_customers_read_only'],
    ]);
    expect(result.findings[0].fixable).toBe(false);
  });

  it('reports HTTParty classes and calls and Faraday connections with basic auth, not GitHub', async () => {
    const result = await scanFixture('ruby/http_clients.rb');
    expect(rows(result.findings)).toEqual([
      ['legacy-api-call', 10, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 14, 'DELETE', '/v2/coupons/{id}', 'store_v2_marketing'],
      ['hardcoded-credential', 18, null, null, null],
      ['legacy-api-call', 18, 'PUT', '/v2/products/{id}', 'store_v2_products'],
      ['legacy-api-call', 23, 'GET', '/v2/customers', 'store_v2_customers_read_only'],
      ['legacy-api-call', 24, 'POST', '/v2/customers', 'store_v2_customers'],
    ]);
    expect(result.findings.filter((f) => f.line >= 23).every((f) => f.client === 'faraday')).toBe(true);
  });

  it('reports a store API URL that no Ruby detector reads (Net::HTTP), never as fixable, credentials in the URL redacted', async () => {
    const result = await scanFixture('ruby/net_http.rb');
    expect(rows(result.findings)).toEqual([
      ['legacy-api-call', 5, null, '/v2/orders', 'store_v2_orders'],
      ['legacy-api-call', 12, null, '/v2/products', 'store_v2_products'],
    ]);
    expect(result.findings.every((f) => f.client === 'unknown-client' && !f.fixable)).toBe(true);
    expect(result.secrets).toContain('0badc0de0badc0de0badc0de0badc0de');
    expect(shownText(result.findings)).not.toContain('0badc0de0badc0de0badc0de0badc0de');
  });
});
