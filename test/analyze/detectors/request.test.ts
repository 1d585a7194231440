import { describe, expect, it } from 'vitest';
import { requestDetector } from '../../../src/analyze/detectors/request.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner } from './helpers.ts';

const scanFixture = fixtureScanner('request');
const detect = (text: string) => detectWith(requestDetector, text);

describe('request detector', () => {
  it('reports every legacy call in the fixture with its method, endpoint and scope', () => {
    expect(scanFixture('product-updater.js').findings.map(brief)).toEqual([
      ['legacy-api-call', 10, 'GET', '/v2/products', 'store_v2_products_read_only', true],
      ['legacy-api-call', 14, 'PUT', '/v2/products/{id}', 'store_v2_products', true],
      ['legacy-api-call', 18, 'GET', '/v2/categories/{id}', 'store_v2_products_read_only', true],
      ['legacy-api-call', 22, 'POST', '/v2/brands', 'store_v2_products', true],
      ['legacy-api-call', 26, 'PUT', '/v2/option_sets/{id}', 'store_v2_products', true],
      ['legacy-api-call', 30, 'PATCH', '/v2/categories/{id}', 'store_v2_products', true],
      ['legacy-api-call', 34, 'DELETE', '/v2/brands/{id}', 'store_v2_products', true],
      ['legacy-api-call', 38, 'GET', '/v2/orders/count', 'store_v2_orders_read_only', true],
      ['legacy-api-call', 42, 'GET', '/v2/store', 'store_v2_information_read_only', true],
      ['hardcoded-credential', 42, null, null, null, true],
      ['legacy-api-call', 46, 'GET', '/v2/customers', 'store_v2_customers_read_only', true],
      ['legacy-client-config', 53, null, null, null, true],
      ['legacy-api-call', 56, 'GET', '/v2/order_statuses', 'store_v2_orders_read_only', true],
    ]);
  });

  it('flags nothing for other services, the gateway, storefront paths or the login page', () => {
    expect(scanFixture('negatives.js').findings).toEqual([]);
  });

  it('returns the API key written into a URL in secrets and in no finding field', () => {
    const result = scanFixture('product-updater.js');
    expect(result.secrets).toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    expectNoSecretInFindings(result);
  });

  it('reads auth: { user, pass } and { username, password } as separate user and password', () => {
    const matches = detect(
      "const request = require('request');\nrequest({ url: 'https://h/api/v2/a', auth: { user: U, pass: K } });\nrequest('https://h/api/v2/b', { auth: { username: U2, password: K2 } }, cb);",
    );
    expect(matches.map((m) => m.auth.map((a) => [a.kind, m.src(a.user), m.src(a.password)]))).toEqual([
      [['auth-option', 'U', 'K']],
      [['auth-option', 'U2', 'K2']],
    ]);
  });

  it('does not count auth: { bearer } as basic auth', () => {
    const [match] = detect("import rp from 'request-promise';\nrp({ uri: 'https://store-abc123.mybigcommerce.com/api/v2/orders', auth: { bearer: token } });");
    expect(match.auth).toEqual([]);
  });

  it('finds .auth(user, pass) chained on the request', () => {
    const [match] = detect("const request = require('request');\nrequest.get('https://store-abc123.mybigcommerce.com/api/v2/orders').auth(U, K, true);");
    expect(match.auth.map((a) => [a.kind, match.src(a.user), match.src(a.password)])).toEqual([['auth-option', 'U', 'K']]);
  });

  it('takes the method from a helper over the options, from options otherwise, and null when the options are opaque', () => {
    const matches = detect(
      "const request = require('request-promise-native');\nrequest.del({ uri: 'https://h/api/v2/a', method: 'POST' });\nrequest({ uri: 'https://h/api/v2/b', method: 'PATCH' });\nrequest('https://h/api/v2/c', opts);",
    );
    expect(matches.map((m) => [m.method, m.methodSource])).toEqual([['DELETE', 'helper'], ['PATCH', 'option'], [null, 'option']]);
  });

  it('gives calls through a request.defaults instance its base URL and auth', () => {
    const [match] = detect(
      "const request = require('request');\nconst api = request.defaults({ baseUrl: 'https://store-abc123.mybigcommerce.com/api/v2', auth: { user: U, pass: K } });\napi.post('/customers', { json: body });",
    );
    expect([match.src(match.baseUrl?.node), match.src(match.url?.node), match.config?.instanceName, match.auth.map((a) => a.kind)]).toEqual([
      "'https://store-abc123.mybigcommerce.com/api/v2'",
      "'/customers'",
      'api',
      ['auth-option'],
    ]);
  });

  it('ignores a request function that does not come from the request modules', () => {
    expect(detect("import request from 'supertest';\nrequest('https://store-abc123.mybigcommerce.com/api/v2/orders', { auth: { user: U, pass: K } });")).toEqual([]);
  });

  it('finds the same calls on the estree-shaped AST of jscodeshift\'s babel parser', () => {
    expect(babelAstFindings('fixtures/scan/request/product-updater.js')).toEqual(scanFixture('product-updater.js').findings.map(brief));
  });
});
