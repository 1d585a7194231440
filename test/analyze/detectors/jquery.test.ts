import { describe, expect, it } from 'vitest';
import { jqueryDetector } from '../../../src/analyze/detectors/jquery.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner } from './helpers.ts';

const scanFixture = fixtureScanner('jquery');
const detect = (text: string) => detectWith(jqueryDetector, text);

describe('jquery detector', () => {
  it('reports every legacy call in the fixture, none of them fixable', () => {
    expect(scanFixture('admin-panel.js').findings.map(brief)).toEqual([
      ['hardcoded-credential', 4, null, null, null, false],
      ['legacy-api-call', 7, 'GET', '/v2/orders', 'store_v2_orders_read_only', false],
      ['legacy-api-call', 18, 'PUT', '/v2/products/{id}', 'store_v2_products', false],
      ['legacy-api-call', 27, 'POST', '/v2/coupons', 'store_v2_marketing', false],
      ['legacy-api-call', 38, 'GET', '/v2/brands', 'store_v2_products_read_only', false],
      ['legacy-api-call', 42, 'POST', '/v2/pages', 'store_v2_content', false],
      ['legacy-api-call', 46, 'GET', '/v2/customer_groups', 'store_v2_customers_read_only', false],
    ]);
  });

  it('notes on every call that it runs in a browser and needs a server-side proxy', () => {
    const calls = scanFixture('admin-panel.js').findings.filter((f) => f.rule === 'legacy-api-call');
    for (const call of calls) {
      expect(call.notes.find((n) => n.kind === 'browser-side')?.message).toMatch(/browser.*server-side proxy/);
    }
  });

  it('flags nothing for storefront calls, other services or the gateway', () => {
    expect(scanFixture('negatives.js').findings).toEqual([]);
  });

  it('returns the hard-coded key in secrets and in no finding field', () => {
    const result = scanFixture('admin-panel.js');
    expect(result.secrets).toContain('c0ffee11d00d4e5f8a9b7c6d5e4f3a2b');
    expectNoSecretInFindings(result);
  });

  it('reads username/password, a Basic header and a beforeSend setRequestHeader as basic auth', () => {
    const matches = detect(
      [
        "$.ajax({ url: 'https://h/api/v2/a', username: U, password: K });",
        "$.ajax('https://h/api/v2/b', { headers: { Authorization: 'Basic ' + btoa(U + ':' + K) } });",
        "$.ajax({ url: 'https://h/api/v2/c', beforeSend(xhr) { xhr.setRequestHeader('Authorization', 'Basic ' + btoa(U + ':' + K)); } });",
      ].join('\n'),
    );
    expect(matches.map((m) => m.auth.map((a) => [a.kind, m.src(a.user), m.src(a.password)]))).toEqual([
      [['auth-option', 'U', 'K']],
      [['basic-header', 'U', 'K']],
      [['set-request-header', 'U', 'K']],
    ]);
  });

  it('marks every jQuery request browser-side', () => {
    const matches = detect("import $ from 'jquery';\n$.get('https://h/api/v2/a');\njQuery.post('https://h/api/v2/b', data);\nwindow.$.getJSON('https://h/api/v2/c');");
    expect(matches.map((m) => [m.method, m.browserSide])).toEqual([['GET', true], ['POST', true], ['GET', true]]);
  });

  it('reads the method from type or method, defaulting $.ajax to GET', () => {
    const matches = detect("$.ajax({ url: 'https://h/api/v2/a', type: 'DELETE' });\n$.ajax({ url: 'https://h/api/v2/b' });\n$.ajax('https://h/api/v2/c', settings);");
    expect(matches.map((m) => [m.method, m.methodSource])).toEqual([['DELETE', 'option'], ['GET', 'default'], [null, 'option']]);
  });

  it("takes dataType 'xml' as an XML request", () => {
    const matches = detect("$.ajax({ url: 'https://h/api/v2/a', dataType: 'xml' });\n$.get('https://h/api/v2/b', function () {}, 'xml');\n$.get('https://h/api/v2/c', {}, function () {}, 'json');");
    expect(matches.map((m) => m.xml)).toEqual([true, true, false]);
  });

  it('gives calls the auth of $.ajaxSetup when they have none of their own', () => {
    const [match] = detect("$.ajaxSetup({ username: U, password: K });\n$.getJSON('https://store-abc123.mybigcommerce.com/api/v2/orders');");
    expect([match.config?.kind, match.auth.map((a) => a.kind)]).toEqual(['defaults', ['auth-option']]);
  });

  it('ignores a local $ such as cheerio', () => {
    expect(detect("const $ = cheerio.load(html);\n$.get('https://store-abc123.mybigcommerce.com/api/v2/orders');")).toEqual([]);
  });

  it('finds the same calls on the estree-shaped AST of jscodeshift\'s babel parser', () => {
    expect(babelAstFindings('fixtures/scan/jquery/admin-panel.js')).toEqual(scanFixture('admin-panel.js').findings.map(brief));
  });
});
