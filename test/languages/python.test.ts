import { describe, expect, it } from 'vitest';
import { analyzeOtherLanguage } from '../../src/analyze/languages/index.ts';
import { readFixture, rows, scanFixture, shownText, testConfig } from './helpers.ts';

describe('Python', () => {
  it('reports BigcommerceApi with basic_auth, its literal key, and resource and instance calls with endpoints and scopes', async () => {
    const result = await scanFixture('python/legacy_client.py');
    expect(rows(result.findings)).toEqual([
      ['hardcoded-credential', 4, null, null, null],
      ['legacy-library-config', 4, null, null, null],
      ['legacy-api-call', 6, 'GET', '/v2/products', 'store_v2_products_read_only'],
      ['legacy-api-call', 7, 'PUT', '/v2/products/{id}', 'store_v2_products'],
      ['legacy-api-call', 9, 'GET', '/v2/orders/{id}', 'store_v2_orders_read_only'],
      ['legacy-api-call', 10, 'GET', '/v2/orders/{id}/shipments', 'store_v2_orders_read_only'],
      ['legacy-api-call', 11, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders'],
      ['legacy-api-call', 12, 'POST', '/v2/gift_certificates', 'store_v2_marketing'],
      ['legacy-api-call', 13, 'GET', '/v2/customers/count', 'store_v2_customers_read_only'],
    ]);
    expect(result.secrets).toEqual(['c2VjcmV0LWFwaS1rZXktMTIz']);
    expect(shownText(result.findings)).not.toContain('c2VjcmV0LWFwaS1rZXktMTIz');
  });

  it('reports a literal key that two requests share once, where it is written', async () => {
    const result = await scanFixture('python/shared_auth.py');
    expect(rows(result.findings)).toEqual([
      ['hardcoded-credential', 4, null, null, null],
      ['legacy-api-call', 6, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 7, 'DELETE', '/v2/customers/{id}', 'store_v2_customers'],
    ]);
  });

  it('reads a same-file wrapper again at each of its calls, with its parameters bound to their arguments', async () => {
    const result = await scanFixture('python/wrappers.py');
    expect(rows(result.findings)).toEqual([
      ['legacy-request-wrapper', 9, 'GET', null, null],
      ['legacy-request-wrapper', 13, null, null, null],
      ['legacy-api-call', 16, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 17, 'GET', '/v2/brands', 'store_v2_products_read_only'],
      ['legacy-api-call', 18, 'PUT', '/v2/products/{id}', 'store_v2_products'],
      // The method comes from the environment: not known, so a write is assumed.
      ['legacy-api-call', 19, null, '/v2/customers', 'store_v2_customers'],
      ['legacy-request-wrapper', 28, null, null, null],
      ['legacy-api-call', 31, 'GET', '/v2/coupons', 'store_v2_marketing_read_only'],
      ['legacy-api-call', 35, 'DELETE', '/v2/customers/{id}', 'store_v2_customers'],
    ]);
  });

  it('says that calls of a public wrapper from other files are not followed, and not for a private one', async () => {
    const text = readFixture('python/wrappers.py').replace(/_bc_get/g, 'bc_get');
    const result = await analyzeOtherLanguage({ path: 'wrappers.py', text, kind: 'python' }, { config: testConfig() });
    const untraced = (r: typeof result) => r.findings.filter((f) => f.notes.some((n) => n.kind === 'untraced-requests')).map((f) => f.line);
    expect(untraced(result)).toEqual([9]);
    expect(untraced(await scanFixture('python/wrappers.py'))).toEqual([]);
  });

  it('reports nothing for a client created with OAuth', async () => {
    expect((await scanFixture('python/oauth_client.py')).findings).toEqual([]);
  });

  it('reports only the legacy branch of a dual-mode client', async () => {
    const result = await scanFixture('python/dual_mode.py');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 7, null, null, null],
      ['legacy-api-call', 9, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
    ]);
    expect(result.findings.every((f) => f.notes.some((n) => n.kind === 'dual-mode'))).toBe(true);
  });

  it('reports requests and httpx calls with basic auth against a store /api/v2 URL, not Stripe or the gateway', async () => {
    const result = await scanFixture('python/raw_requests.py');
    expect(rows(result.findings)).toEqual([
      ['legacy-api-call', 11, 'GET', '/v2/orders/{id}', 'store_v2_orders_read_only'],
      ['hardcoded-credential', 15, null, null, null],
      ['legacy-api-call', 15, 'POST', '/v2/coupons', 'store_v2_marketing'],
      ['legacy-api-call', 20, 'GET', '/v2/customers', 'store_v2_customers_read_only'],
      ['legacy-api-call', 25, 'PUT', '/v2/products/{id}', 'store_v2_products'],
    ]);
    expect(result.findings.find((f) => f.line === 20)?.client).toBe('httpx');
    expect(result.secrets).toEqual(['0123456789abcdef0123']);
  });

  it('reports a store API URL that no Python detector reads (urllib), and not another service\'s /api/v2', async () => {
    const result = await scanFixture('python/urllib_call.py');
    expect(rows(result.findings)).toEqual([['legacy-api-call', 5, null, '/v2/customers', 'store_v2_customers']]);
    expect(result.findings[0]).toMatchObject({ client: 'unknown-client', fixable: false });
  });
});
