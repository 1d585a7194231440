import { readFileSync } from 'node:fs';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../../src/analyze/ast.ts';
import type { DetectContext } from '../../../src/analyze/detectors/detector.ts';
import { jqueryDetector } from '../../../src/analyze/detectors/jquery.ts';
import { createEvaluator } from '../../../src/analyze/evaluate.ts';
import { buildImportMap } from '../../../src/analyze/imports.ts';
import { analyzeJsSource, matchProgram } from '../../../src/analyze/js-file.ts';
import { parseJs } from '../../../src/analyze/parse.ts';
import { indexFile } from '../../../src/analyze/scope.ts';
import type { Config, Finding } from '../../../src/types.ts';

const config: Config = {
  stores: {},
  tokenEnv: 'BIGCOMMERCE_ACCESS_TOKEN',
  storeHashEnv: 'BIGCOMMERCE_STORE_HASH',
  include: [],
  exclude: [],
  allowedScopes: null,
  maxFileSize: 1048576,
  path: null,
};

function scanFixture(name: string) {
  const path = `fixtures/scan/jquery/${name}`;
  return analyzeJsSource({ path, text: readFileSync(path, 'utf8') }, { config });
}

const brief = (f: Finding) => [f.rule, f.line, f.method, f.endpoint, f.scope, f.fixable];

function detect(text: string) {
  const { program } = parseJs(text, 'src/job.js');
  const index = indexFile(program, text);
  const ctx: DetectContext = { file: 'src/job.js', text, ast: program, index, evaluator: createEvaluator(index), imports: buildImportMap(index), cache: new Map() };
  return jqueryDetector.detect(ctx).map((m) => ({ ...m, src: (n: unknown) => (n ? sourceOf(n as never, text) : null) }));
}

describe('jquery detector', () => {
  it('reports every legacy call in the fixture, none of them fixable', () => {
    expect(scanFixture('admin-panel.js').findings.map(brief)).toEqual([
      ['hardcoded-credential', 4, null, null, null, true],
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
    const output = JSON.stringify(result.findings);
    for (const secret of result.secrets) expect(output).not.toContain(secret);
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
    const path = 'fixtures/scan/jquery/admin-panel.js';
    const text = readFileSync(path, 'utf8');
    const program = jscodeshift.withParser('babel')(text).get().node.program;
    expect(matchProgram(program, text, path, config).findings.map(brief)).toEqual(scanFixture('admin-panel.js').findings.map(brief));
  });
});
