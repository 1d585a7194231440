import { describe, expect, it } from 'vitest';
import { unknownClientDetector } from '../../../src/analyze/detectors/unknown-client.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner, scanText } from './helpers.ts';

const scanFixture = fixtureScanner('unknown-client');

describe('unknown-client detector', () => {
  it('reports legacy calls through clients no other detector knows, with what their arguments show, never as fixable', () => {
    expect(scanFixture('clients.js').findings.map((f) => [...brief(f), f.client])).toEqual([
      ['legacy-api-call', 10, 'GET', '/v2/orders', 'store_v2_orders_read_only', false, 'ky.get'],
      ['legacy-api-call', 12, 'PUT', '/v2/products/{id}', 'store_v2_products', false, 'request'],
      ['legacy-api-call', 14, 'GET', '/v2/customers', 'store_v2_customers_read_only', false, 'needle'],
      ['hardcoded-credential', 14, null, null, null, false, 'needle'],
      ['legacy-api-call', 16, null, '/v2/store', 'store_v2_information', false, 'sdk.call'],
      ['legacy-request-wrapper', 19, 'GET', null, null, false, 'ky.get'],
      ['legacy-api-call', 23, 'GET', '/v2/brands', 'store_v2_products_read_only', false, 'ky.get'],
    ]);
  });

  it('reads a Google Apps Script file (.gs): UrlFetchApp with its method option and a base64Encode Basic header', () => {
    const gs = [
      'function syncOrders() {',
      "  var response = UrlFetchApp.fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json', {",
      "    method: 'get',",
      "    headers: { Authorization: 'Basic ' + Utilities.base64Encode(user + ':' + key) },",
      '  });',
      '}',
      '',
    ].join('\n');
    const [finding] = scanText(gs, 'apps-script/Code.gs').findings;
    expect([...brief(finding), finding.client, finding.confidence]).toEqual(['legacy-api-call', 2, 'GET', '/v2/orders', 'store_v2_orders_read_only', false, 'UrlFetchApp.fetch', 'high']);
  });

  it('reports an unknown client constructed with a legacy base URL and credentials, as a factory call is, and not a class of the project, a URL, a Request or an error', () => {
    const store = "'https://store-abc123.mybigcommerce.com/api/v2'";
    const made = (code: string) => scanText(`${code}\n`).findings.map((f) => [f.rule, f.client, f.endpoint, f.fixable]);
    const options = `({ baseUrl: ${store}, username: 'admin', apiKey: process.env.BC_KEY })`;
    expect(made(`const { InHouseSdk } = require('./sdk');\nconst sdk = new InHouseSdk${options};`)).toEqual([['legacy-api-call', 'InHouseSdk', null, false]]);
    expect(made(`const { makeSdk } = require('./sdk');\nconst sdk = makeSdk${options};`)).toEqual([['legacy-api-call', 'makeSdk', null, false]]);
    expect(made(`class OwnClient { constructor(options) { this.options = options; } }\nconst own = new OwnClient${options};`)).toEqual([]);
    expect(made(`const u = new URL('/orders', ${store});\nconst r = new Request(${store});\nthrow new ApiError(${store});`)).toEqual([]);
  });

  it('says the client is unknown and the call must be moved by hand', () => {
    const [finding] = scanFixture('clients.js').findings;
    expect(finding.message).toContain('via ky.get (not an HTTP client this tool knows)');
    expect(finding.notes.map((n) => n.kind)).toContain('not-rewritable');
  });

  it('adds nothing where a legacy URL is only logged, formatted, asserted or navigated to, or a known client sends it', () => {
    expect(scanFixture('negatives.js').findings.map((f) => [f.line, f.client])).toEqual([[23, 'fetch']]);
  });

  it('keeps a key written into such a call out of every finding', () => {
    const result = scanFixture('clients.js');
    expect(result.secrets).toContain('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
    expectNoSecretInFindings(result);
  });

  it('leaves the call to a client config to that client: axios.create is a config, not a request', () => {
    const result = scanText("import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2', auth: { username: 'u', password: process.env.BC_API_KEY } });\n");
    expect(result.findings.map((f) => f.rule)).toEqual(['legacy-client-config']);
  });

  it('reads the method from a method argument, the callee name or a method option', () => {
    const methods = detectWith(
      unknownClientDetector,
      [
        "const B = 'https://store-abc123.mybigcommerce.com/api/v2';",
        "needle('delete', B + '/coupons/1');",
        "http.post(B + '/orders');",
        "call({ url: B + '/store', method: 'PATCH' });",
        "send(B + '/store');",
      ].join('\n'),
    ).map((m) => m.method);
    expect(methods).toEqual(['DELETE', 'POST', 'PATCH', null]);
  });

  it('finds the same through jscodeshift\'s babel AST', () => {
    expect(babelAstFindings('fixtures/scan/unknown-client/clients.js')).toEqual(scanFixture('clients.js').findings.map(brief));
  });
});
