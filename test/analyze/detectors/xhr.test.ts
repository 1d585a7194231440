import { describe, expect, it } from 'vitest';
import { xhrDetector } from '../../../src/analyze/detectors/xhr.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner } from './helpers.ts';

const scanFixture = fixtureScanner('xhr');
const detect = (text: string) => detectWith(xhrDetector, text);

describe('xhr detector', () => {
  it('reports every legacy call in the fixture, none of them fixable', () => {
    expect(scanFixture('inventory-widget.js').findings.map(brief)).toEqual([
      ['legacy-api-call', 6, 'GET', '/v2/products/{id}/skus', 'store_v2_products_read_only', false],
      ['legacy-api-call', 13, 'PUT', '/v2/products/{id}/skus/{id}', 'store_v2_products', false],
      ['legacy-api-call', 21, 'GET', '/v2/orders', 'store_v2_orders_read_only', false],
      ['hardcoded-credential', 21, null, null, null, false],
      ['legacy-api-call', 29, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders', false],
      ['hardcoded-credential', 30, null, null, null, false],
    ]);
  });

  it('notes on every call that it runs in a browser, and that the .xml export is XML', () => {
    const calls = scanFixture('inventory-widget.js').findings.filter((f) => f.rule === 'legacy-api-call');
    expect(calls.map((f) => f.notes.map((n) => n.kind).filter((k) => k === 'browser-side' || k === 'xml-format'))).toEqual([
      ['browser-side'],
      ['browser-side'],
      ['browser-side', 'xml-format'],
      ['browser-side'],
    ]);
  });

  it('flags nothing for storefront calls, other services, the gateway or window.open', () => {
    expect(scanFixture('negatives.js').findings).toEqual([]);
  });

  it('returns the hard-coded password and the pre-encoded token in secrets and in no finding field', () => {
    const result = scanFixture('inventory-widget.js');
    expect(result.secrets).toEqual(expect.arrayContaining(['e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0', 'ZXhwb3J0ZXI6YjFhMmMzZDRlNWY2YTdiOGM5ZDBlMWYy']));
    expectNoSecretInFindings(result);
  });

  it('reads the user and password of open() and a setRequestHeader Basic header', () => {
    const matches = detect(
      "const a = new XMLHttpRequest();\na.open('GET', 'https://h/api/v2/a', true, U, K);\nconst b = new XMLHttpRequest();\nb.open('POST', 'https://h/api/v2/b');\nb.setRequestHeader('Authorization', 'Basic ' + btoa(U + ':' + K));",
    );
    expect(matches.map((m) => [m.method, m.browserSide, m.auth.map((a) => [a.kind, m.src(a.user), m.src(a.password)])])).toEqual([
      ['GET', true, [['xhr-credentials', 'U', 'K']]],
      ['POST', true, [['set-request-header', 'U', 'K']]],
    ]);
  });

  it('does not count open() with null credentials as basic auth', () => {
    const [match] = detect("const x = new XMLHttpRequest();\nx.open('GET', 'https://h/api/v2/a', true, null, null);");
    expect(match.auth).toEqual([]);
  });

  it('gives a method built from an expression as unknown', () => {
    const [match] = detect("function send(verb) {\n  const x = new XMLHttpRequest();\n  x.open(verb, 'https://h/api/v2/a');\n}");
    expect([match.method, match.src(match.methodNode)]).toEqual([null, 'verb']);
  });

  it('ignores open() on anything but a browser XMLHttpRequest', () => {
    expect(detect("class XMLHttpRequest {}\nconst x = new XMLHttpRequest();\nx.open('GET', 'https://store-abc123.mybigcommerce.com/api/v2/orders', true, U, K);")).toEqual([]);
  });

  it('finds the same calls on the estree-shaped AST of jscodeshift\'s babel parser', () => {
    expect(babelAstFindings('fixtures/scan/xhr/inventory-widget.js')).toEqual(scanFixture('inventory-widget.js').findings.map(brief));
  });
});
