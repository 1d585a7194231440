import { describe, expect, it } from 'vitest';
import { superagentDetector } from '../../../src/analyze/detectors/superagent.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner, scanText } from './helpers.ts';

const scanFixture = fixtureScanner('superagent');
const detect = (text: string) => detectWith(superagentDetector, text);

describe('superagent detector', () => {
  it('reports every legacy call in the fixture with its method, endpoint and scope', () => {
    expect(scanFixture('sync-orders.js').findings.map(brief)).toEqual([
      ['legacy-api-call', 9, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
      ['legacy-api-call', 14, 'POST', '/v2/customers', 'store_v2_customers', true],
      ['legacy-api-call', 21, 'PUT', '/v2/products/{id}', 'store_v2_products', true],
      ['legacy-api-call', 25, 'DELETE', '/v2/coupons/{id}', 'store_v2_marketing', true],
      ['legacy-api-call', 31, 'DELETE', '/v2/redirects/{id}', 'store_v2_content', true],
      ['legacy-api-call', 35, 'PATCH', '/v2/orders/{id}', 'store_v2_orders', true],
      ['legacy-api-call', 39, 'GET', '/v2/brands/count', 'store_v2_products_read_only', true],
      ['legacy-api-call', 43, 'GET', '/v2/store', 'store_v2_information_read_only', true],
      ['hardcoded-credential', 43, null, null, null, true],
      ['legacy-client-config', 46, null, null, null, true],
      ['legacy-api-call', 49, 'GET', '/v2/categories', 'store_v2_products_read_only', true],
    ]);
  });

  it('flags nothing for other services, the gateway, storefront paths or other hosts', () => {
    expect(scanFixture('negatives.js').findings).toEqual([]);
  });

  it('returns the hard-coded API key in secrets and in no finding field', () => {
    const result = scanFixture('sync-orders.js');
    expect(result.secrets).toContain('f3a9c2d17b604e58a1c0d9e2b7f4a6c5');
    expectNoSecretInFindings(result);
  });

  it('reads .auth(u, k) as separate user and password', () => {
    const [match] = detect(`import sa from 'superagent';\nsa.get('https://store-abc123.mybigcommerce.com/api/v2/orders').auth(process.env.U, process.env.K);`);
    expect(match.auth.map((a) => [a.kind, match.src(a.user), match.src(a.password)])).toEqual([['superagent-auth', 'process.env.U', 'process.env.K']]);
  });

  it('finds .set("Authorization", "Basic …") and a .auth() call made later on the stored request', () => {
    const [match] = detect(
      `const superagent = require('superagent');\nconst req = superagent.post('https://store-abc123.mybigcommerce.com/api/v2/orders');\nreq.set('Authorization', 'Basic ' + btoa(U + ':' + K));\nreq.auth(U, K);`,
    );
    expect(match.auth.map((a) => a.kind).sort()).toEqual(['basic-header', 'superagent-auth']);
  });

  it('does not count a bearer token passed to .auth() as basic auth', () => {
    const [match] = detect(`import sa from 'superagent';\nsa.get('https://store-abc123.mybigcommerce.com/api/v2/orders').auth(token, { type: 'bearer' });`);
    expect(match.auth).toEqual([]);
  });

  it('reads the method of superagent(method, url) and defaults superagent(url) to GET', () => {
    const matches = detect(`import sa from 'superagent';\nsa('PUT', 'https://h/api/v2/a');\nsa('https://h/api/v2/b', () => {});`);
    expect(matches.map((m) => [m.method, m.methodSource])).toEqual([['PUT', 'option'], ['GET', 'default']]);
  });

  it('ignores a local object with the same method names', () => {
    expect(detect(`const superagent = makeClient();\nsuperagent.get('https://store-abc123.mybigcommerce.com/api/v2/orders').auth(U, K);`)).toEqual([]);
  });

  it('reports a wrapper and each of its literal calls with their own method and endpoint', () => {
    const result = scanText(
      [
        "import superagent from 'superagent';",
        "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
        'export function bc(method, path) {',
        '  return superagent(method, BASE + path).auth(process.env.BC_USER, process.env.BC_KEY);',
        '}',
        "bc('GET', '/orders');",
        "bc('POST', '/customers');",
      ].join('\n'),
    );
    expect(result.findings.map(brief)).toEqual([
      ['legacy-request-wrapper', 3, null, null, null, true],
      ['legacy-api-call', 6, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
      ['legacy-api-call', 7, 'POST', '/v2/customers', 'store_v2_customers', true],
    ]);
  });

  it('finds the same calls on the estree-shaped AST of jscodeshift\'s babel parser', () => {
    expect(babelAstFindings('fixtures/scan/superagent/sync-orders.js')).toEqual(scanFixture('sync-orders.js').findings.map(brief));
  });
});
