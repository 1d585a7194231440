import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource, matchProgram } from '../../src/analyze/js-file.ts';
import { ParseError } from '../../src/analyze/parse.ts';
import type { Finding } from '../../src/types.ts';
import { testConfig } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scan');

function analyze(relPath: string, path = relPath) {
  return analyzeJsSource({ path, text: readFileSync(join(FIXTURES, relPath), 'utf8') }, { config: testConfig });
}

function at(findings: Finding[], line: number, rule: Finding['rule'] = 'legacy-api-call'): Finding {
  const found = findings.find((f) => f.line === line && f.rule === rule);
  if (!found) throw new Error(`no ${rule} at line ${line}`);
  return found;
}

const kinds = (f: Finding) => f.notes.map((n) => n.kind);

describe('analyzeJsSource', () => {
  it('returns a hard-coded URL password as a secret and redacts it in the snippet', () => {
    const result = analyze('fetch/custom-domain.cjs');
    expect(result.secrets).toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    const credential = at(result.findings, 14, 'hardcoded-credential');
    expect(credential.snippet).toContain('9f8e…(redacted)');
    expect(JSON.stringify(result.findings)).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  });

  it('returns the decoded form of a pre-encoded Basic token as secrets too', () => {
    const result = analyze('fetch/headers.ts');
    expect(result.secrets).toEqual(expect.arrayContaining(['YXBpdXNlcjpmMDBkYmFiZTEyMzQ1Njc4OTA=', 'apiuser:f00dbabe1234567890']));
  });

  it('reports a V2 resource on a host named after BigCommerce with low confidence when its auth is added out of sight', () => {
    const findings = analyze('axios/auth-elsewhere.js').findings.filter((f) => f.rule === 'legacy-api-call');
    expect(findings.map((f) => [f.line, f.endpoint, f.confidence, f.fixable])).toEqual([
      [9, '/v2/orders', 'low', false],
      [10, '/v2/products', 'low', false],
    ]);
  });

  it('reports basic auth to a URL not known statically, in a file naming a store\'s /api/v2, with low confidence and no endpoint', () => {
    const findings = analyze('fetch/opaque-url.js').findings;
    expect(findings.map((f) => [f.line, f.confidence, f.endpoint, f.fixable])).toEqual([[7, 'low', null, false]]);
    expect(kinds(findings[0])).toContain('dynamic-endpoint');
    // A static path that is no V2 resource (`/health`) after the unknown part is left alone.
  });

  it('says a custom domain carries no store hash', () => {
    const finding = at(analyze('fetch/custom-domain.cjs').findings, 7);
    expect(finding.host).toEqual({ kind: 'custom-domain', name: 'shop.example-outfitters.com', storeHash: null });
    expect(kinds(finding)).toContain('custom-domain-no-hash');
  });

  it('keeps the expression a store hash comes from, and the channel', () => {
    const finding = at(analyze('fetch/template-concat.ts').findings, 22);
    expect(finding.host).toMatchObject({ kind: 'store-hostname', storeHash: null, storeHashExpression: 'process.env.BC_STORE_HASH', channelId: '1' });
  });

  it('resolves a hash held in a same-file constant', () => {
    expect(at(analyze('fetch/template-concat.ts').findings, 8).host).toMatchObject({ storeHash: 'k2x9q7', storeHashSource: 'hostname' });
  });

  it('notes an XML request and does not offer to fix it', () => {
    const finding = at(analyze('fetch/constants.mjs').findings, 14);
    expect(kinds(finding)).toContain('xml-format');
    expect(finding.fixable).toBe(false);
  });

  it('notes a browser-side call and does not offer to fix it', () => {
    const finding = at(analyze('browser/public/js/store.js', 'public/js/store.js').findings, 5);
    expect(kinds(finding)).toContain('browser-side');
    expect(finding.fixable).toBe(false);
  });

  it('treats a legacy branch beside an OAuth branch as fixable and a mixed call as not', () => {
    const { findings } = analyze('dual-mode/client.ts');
    expect(at(findings, 8)).toMatchObject({ fixable: true });
    expect(kinds(at(findings, 8))).toContain('dual-mode');
    expect(at(findings, 17)).toMatchObject({ fixable: false });
  });

  it('reports a dynamic method as null with a note, and assumes a write for the scope', () => {
    const finding = at(analyze('wrappers/dynamic.js').findings, 20);
    expect(finding).toMatchObject({ method: null, endpoint: '/v2/customers', scope: 'store_v2_customers' });
    expect(kinds(finding)).toEqual(expect.arrayContaining(['dynamic-method', 'unknown-method-assumed-write']));
  });

  it('traces a wrapper call back to the wrapper definition', () => {
    const finding = at(analyze('wrappers/function.js').findings, 17);
    expect(finding.trace).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'call', line: 17 }),
      expect.objectContaining({ role: 'definition', line: 7 }),
    ]));
  });

  it('says in a wrapper finding that its callers decide the endpoint and method', () => {
    const finding = at(analyze('wrappers/function.js').findings, 7, 'legacy-request-wrapper');
    expect(finding.message).toContain('`bcRequest`');
    expect(finding.message).toMatch(/endpoint and the method are decided by its callers/);
  });

  it('gives 1-based columns and the first source line as the snippet', () => {
    const finding = at(analyze('fetch/literal.js').findings, 7);
    expect(finding.column).toBe(21);
    expect(finding.snippet?.split('\n')[0]).toBe("  const res = await fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json?status_id=11&limit=250', {");
  });

  it('collects comments with their lines', () => {
    const { comments } = analyze('negatives/comments.js');
    expect(comments[0]).toEqual({ text: ' Old code, kept for reference:', line: 1, block: false });
    expect(comments.some((c) => c.block)).toBe(true);
  });

  it('throws a ParseError with a 1-based position on a syntax error', () => {
    let error: unknown;
    try {
      analyzeJsSource({ path: 'broken.js', text: 'const a = 1;\nfetch("x", {\n' }, { config: testConfig });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(3);
  });

  it('parses decorators in TypeScript and Flow annotations in .js', () => {
    expect(() => analyzeJsSource({ path: 'svc.ts', text: '@Injectable()\nexport class S { constructor(@Inject(X) private x: X) {} }' }, { config: testConfig })).not.toThrow();
    expect(() => analyzeJsSource({ path: 'f.js', text: '// @flow\nfunction f(a: number): string { return String(a); }' }, { config: testConfig })).not.toThrow();
  });

  it('parses TypeScript 5 accessor fields and the import assertions Node 16-20 code wrote', () => {
    expect(() => analyzeJsSource({ path: 'svc.ts', text: '@Injectable()\nexport class S { accessor n = 1; }' }, { config: testConfig })).not.toThrow();
    expect(() => analyzeJsSource({ path: 'cfg.mjs', text: "import stores from './stores.json' assert { type: 'json' };" }, { config: testConfig })).not.toThrow();
  });
});

describe('matchProgram on jscodeshift ASTs', () => {
  const cases: Array<[string, 'tsx' | 'ts' | 'babel']> = [
    ['axios/instance.ts', 'ts'],
    ['wrappers/class.ts', 'tsx'],
    ['fetch/headers.ts', 'ts'],
    ['fetch/literal.js', 'babel'],
    ['wrappers/function.js', 'babel'],
    ['got/got.mjs', 'babel'],
  ];
  for (const [file, parser] of cases) {
    it(`finds the same as the scanner in ${file} with the ${parser} parser`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const expected = analyze(file).findings.map((f) => [f.rule, f.line, f.method, f.endpoint, f.fixable]);
      const file_ = jscodeshift.withParser(parser)(text).get().node;
      const actual = matchProgram(file_.program, text, file, testConfig).findings.map((f) => [f.rule, f.line, f.method, f.endpoint, f.fixable]);
      expect(actual).toEqual(expected);
    });
  }

  it('hands the transforms the nodes to rewrite', () => {
    const text = readFileSync(join(FIXTURES, 'axios/instance.ts'), 'utf8');
    const { matches } = matchProgram(jscodeshift.withParser('ts')(text).get().node.program, text, 'instance.ts', testConfig);
    expect(matches.configs).toHaveLength(1);
    expect(matches.configs[0].config.baseUrl?.node.type).toBe('StringLiteral');
    expect(matches.configs[0].config.auth[0].kind).toBe('auth-option');
    expect(matches.requests.map((r) => r.match.config)).toEqual(Array(4).fill(matches.configs[0].config));
  });
});
