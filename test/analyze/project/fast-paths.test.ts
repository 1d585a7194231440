// The cross-file pass's fast paths must give exactly what the whole analysis gives: importers are
// analyzed on the top-level statements that can matter (narrow.ts), and a name a module exports
// plainly is answered from its Babel tree instead of the TypeScript checker (plain-exports.ts).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AstNode } from '../../../src/analyze/ast.ts';
// @ts-expect-error plain-JS benchmark module without type declarations
import { generateRepo } from '../../../bench/generate.js';
import { scanProject } from '../../../src/analyze/index.ts';
import { parseJs } from '../../../src/analyze/parse.ts';
import { projectEditsOf } from '../../../src/analyze/project/edits.ts';
import { runProjectPass, type ProjectPassResult } from '../../../src/analyze/project/index.ts';
import { readHints } from '../../../src/analyze/project/involved.ts';
import { narrowProgram } from '../../../src/analyze/project/narrow.ts';
import { discoverFiles } from '../../../src/discover/discover.ts';
import { testConfig } from '../helpers.ts';
import { DEEP_FIXTURES } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'deep-fast-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function writeTree(name: string, files: Record<string, string>): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * The pass over a root with its fast paths (importers parsed from skeletons, and parsed whole then
 * narrowed) and without, from the same fast scan and with the same hints (the files the fast scan
 * found clean included, so that isolated ones may be skipped).
 */
async function bothWays(root: string): Promise<{ fast: ProjectPassResult; narrowed: ProjectPassResult; slow: ProjectPassResult }> {
  const { files } = await discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: testConfig.maxFileSize, useGit: false });
  const scan = await scanProject({ root, paths: [], config: testConfig, projectPass: false, useGit: false });
  const hints = readHints(files, testConfig.maxFileSize);
  const unclean = new Set([...scan.report.findings.map((f) => f.file), ...scan.report.errors.map((e) => e.file)]);
  const cleanJs = new Set([...hints.sources.keys()].filter((path) => /\.[cm]?[jt]sx?$/.test(path) && !unclean.has(path)));
  const input = { files, findings: scan.report.findings, analyzed: scan.files, config: testConfig, hints: { ...hints, cleanJs } };
  return {
    fast: await runProjectPass({ ...input, skeletons: true }),
    narrowed: await runProjectPass({ ...input, skeletons: false }),
    slow: await runProjectPass({ ...input, fastPaths: false }),
  };
}

/** Everything the pass hands on: findings (ids, traces, notes), their fix edits, secrets, files, errors. */
function observable(result: ProjectPassResult) {
  return {
    findings: result.findings.map((f) => ({ ...f, edits: projectEditsOf(f) })),
    secrets: [...result.secrets].sort(),
    analyzed: result.analyzed.map((a) => a.source.file.path),
    errors: result.errors,
  };
}

const PROVIDER = [
  "export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
  "export const AUTH = 'Basic ' + btoa(process.env.BC_USER + ':' + process.env.BC_KEY);",
  'export async function bcRequest(method, path, body) {',
  '  const res = await fetch(BASE + path, { method, headers: { Authorization: AUTH }, body: JSON.stringify(body) });',
  '  return res.json();',
  '}',
  '',
].join('\n');

const FILLER = [
  'export class Cache {',
  '  store = new Map();',
  "  get(key) { return this.store.get(key) ?? 'none'; }",
  '}',
  '',
  'export function pairs(input, limit = 8) {',
  '  return Object.entries(input).slice(0, limit).map(([key, value]) => `${key}=${value}`).join("&");',
  '}',
  '',
  'export async function status(id) {',
  "  const res = await fetch(`https://status.internal.example.com/v1/${id}`, { headers: { Accept: 'application/json' } });",
  '  return res.json();',
  '}',
  '',
].join('\n');

/** Importers that lean on each way a kept statement can depend on the rest of its file. */
const IMPORTERS: Record<string, string> = {
  'src/lib/bc.js': PROVIDER,
  // A literal call among unrelated code.
  'src/routes/plain.js': `import { bcRequest } from '../lib/bc.js';\n${FILLER}export const orders = () => bcRequest('GET', '/orders');\n`,
  // Requests written in the importer with the provider's values, and parts declared in other statements:
  // a constant, a \`var\` inside a top-level block, a hoisted same-file wrapper, a mutated object.
  'src/routes/constant.ts': `import { BASE, AUTH } from '../lib/bc.js';\n${FILLER}const PRODUCTS = '/products.json';\nexport const products = () => fetch(BASE + PRODUCTS, { headers: { Authorization: AUTH } });\n`,
  'src/routes/hoisted.js': `import { BASE, AUTH } from '../lib/bc.js';\n${FILLER}if (true) { var COUPONS = '/coupons'; }\nexport const coupons = () => send(COUPONS);\nfunction send(path) { return fetch(BASE + path, { method: 'POST', headers: { Authorization: AUTH } }); }\n`,
  'src/routes/mutated.js': `import { BASE, AUTH } from '../lib/bc.js';\n${FILLER}const paths = { list: '/customers' };\npaths.list = '/customer_groups';\nexport const groups = () => fetch(BASE + paths.list, { headers: { Authorization: AUTH } });\n`,
  // A request written in the importer with the provider's values.
  'src/routes/direct.ts': `import { BASE, AUTH } from '../lib/bc.js';\n${FILLER}export const brands = () => fetch(BASE + '/brands.json', { headers: { Authorization: AUTH } });\n`,
  // Browser-side: the verdict reads \`window\` anywhere in the file.
  'src/routes/browser.js': `import { BASE, AUTH } from '../lib/bc.js';\n${FILLER}window.addEventListener('load', () => {});\nexport const pages = () => fetch(BASE + '/pages', { headers: { Authorization: AUTH } });\n`,
  // Imports the provider and never calls it.
  'src/routes/unused.js': `import { bcRequest } from '../lib/bc.js';\n${FILLER}export const nothing = () => null;\n`,
  // Imported by another importer: analyzed whole.
  'src/routes/shared.js': `import { bcRequest } from '../lib/bc.js';\n${FILLER}export const blog = () => bcRequest('GET', '/blog/posts');\n`,
  'src/routes/uses-shared.js': `import { blog } from './shared.js';\nexport const again = () => blog();\n`,
  // A wrapper the fast scan finds clean (no auth of its own) that a caller makes legacy.
  'src/lib/unauthenticated.js': "export function storeGet(path, headers) { return fetch('https://store-abc123.mybigcommerce.com/api/v2' + path, { headers }); }\n",
  'src/routes/authenticated.js': "import { storeGet } from '../lib/unauthenticated.js';\nexport const store = () => storeGet('/store', { Authorization: 'Basic ' + btoa('u:k') });\n",
  // Two files the fast scan finds clean (each holds a needle, neither a request it can judge): a
  // wrapper taking its base URL from its caller, and the caller.
  'src/lib/send.js': "// Sends to whichever store (and /api/v2 base) the caller names.\nexport function send(base, path, headers) { return fetch(base + path, { headers }); }\n",
  'src/routes/caller.js': "import { send } from '../lib/send.js';\nexport const store = () => send('https://store-abc123.mybigcommerce.com/api/v2', '/store', { Authorization: 'Basic ' + btoa('u:k') });\n",
  // A client instance reached through a re-export: the importer's call is the axios detector's.
  'src/lib/client.js': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2', auth: { username: 'u', password: process.env.BC_KEY } });\n",
  'src/lib/clients.js': "export { api } from './client.js';\n",
  'src/routes/instance.js': `import { api } from '../lib/clients.js';\n${FILLER}export const brands = () => api.get('/brands');\n`,
  // A barrel and a default export: the checker answers these.
  'src/lib/index.ts': "export { bcRequest as request } from './bc.js';\nexport { default as settings } from './settings.ts';\n",
  'src/lib/settings.ts': "export default { url: 'https://store-abc123.mybigcommerce.com/api/v2' };\n",
  'src/routes/barrel.ts': `import { request, settings } from '../lib/index.ts';\n${FILLER}export const tax = () => request('GET', '/tax_classes');\nexport const raw = () => fetch(settings.url + '/countries', { headers: { Authorization: 'Basic ' + btoa('u:k') } });\n`,
};

/**
 * Wrapper calls whose auth and headers are read once for all calls (they read no argument: the
 * `basicAuth()` helper, shared by two wrappers) or at each call (a token argument, an Accept header
 * argument, an instance's constructor argument): a value remembered across calls must be one that
 * is the same for all of them.
 */
const REMEMBERED: Record<string, string> = {
  'src/lib/bc.js': [
    "export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
    "function basicAuth() { return 'Basic ' + btoa(process.env.BC_USER + ':' + process.env.BC_KEY); }",
    'export async function bcRequest(method, path) { return fetch(BASE + path, { method, headers: { Authorization: basicAuth() } }); }',
    "export async function bcToken(path, token) { return fetch(BASE + path, { headers: { Authorization: 'Basic ' + token } }); }",
    'export async function bcAccept(path, accept) { return fetch(BASE + path, { headers: { Authorization: basicAuth(), Accept: accept } }); }',
    'export class Client {',
    '  constructor(token) { this.token = token; }',
    "  get(path) { return fetch(BASE + path, { headers: { Authorization: 'Basic ' + this.token } }); }",
    '}',
    '',
  ].join('\n'),
  'src/routes/calls.js': [
    "import { bcRequest, bcToken, bcAccept, Client } from '../lib/bc.js';",
    "export const one = () => bcToken('/orders', 'YWxpY2U6c2VjcmV0LW9uZQ==');",
    "export const two = () => bcToken('/brands', 'Ym9iOnNlY3JldC10d28=');",
    "export const plain = () => bcRequest('GET', '/store');",
    "export const xml = () => bcAccept('/products', 'application/xml');",
    "export const json = () => bcAccept('/customers', 'application/json');",
    "const carol = new Client('Y2Fyb2w6c2VjcmV0LXRocmVl');",
    "const dave = new Client('ZGF2ZTpzZWNyZXQtZm91cg==');",
    "export const three = () => carol.get('/coupons');",
    "export const four = () => dave.get('/pages');",
    '',
  ].join('\n'),
  // The same calls from a second file, so each wrapper is called from more than one caller.
  'src/routes/again.ts': [
    "import { bcRequest, bcAccept } from '../lib/bc.js';",
    "export const again = () => bcRequest('POST', '/orders');",
    "export const xml = () => bcAccept('/brands', 'text/xml');",
    '',
  ].join('\n'),
};

describe('the fast paths of the cross-file pass', () => {
  const roots = [
    ...readdirSync(DEEP_FIXTURES).map((name) => join(DEEP_FIXTURES, name)),
    join(DEEP_FIXTURES, '../example-app'),
    writeTree('importers', IMPORTERS),
    writeTree('remembered', REMEMBERED),
    // The benchmark's shape: legacy files, decoys, and a tenth of the files importing a shared wrapper.
    generateRepo({ dir: join(temp, 'generated'), files: 1500, seed: 7, importerShare: 0.1 }).dir,
  ];

  it.each(roots)('give the same findings, ids, traces, notes, edits and secrets as the whole analysis in %s', async (root) => {
    const { fast, narrowed, slow } = await bothWays(root);
    expect(observable(fast)).toEqual(observable(slow));
    expect(observable(narrowed)).toEqual(observable(slow));
  });

  it('read an importer from the statements it keeps, so a syntax error in one it leaves out does not hide its calls', async () => {
    const root = writeTree('broken', {
      'src/lib/bc.js': PROVIDER,
      'src/routes/broken.js': `import { bcRequest } from '../lib/bc.js';\nexport const broken = ;\nexport const orders = () => bcRequest('GET', '/orders');\n`,
    });
    const { fast, narrowed, slow } = await bothWays(root);
    // Parsed whole, the file does not parse and lends nothing (as before the fast paths).
    expect(narrowed.findings.map((f) => f.file)).not.toContain('src/routes/broken.js');
    expect(slow.findings.map((f) => f.file)).not.toContain('src/routes/broken.js');
    expect(fast.findings.filter((f) => f.file === 'src/routes/broken.js').map((f) => `${f.line} ${f.method} ${f.endpoint}`)).toEqual(['3 GET /v2/orders']);
  });

  it('find every call the importers make, and nothing in an importer that never calls', async () => {
    const { fast } = await bothWays(join(temp, 'importers'));
    const calls = fast.findings.filter((f) => f.rule === 'legacy-api-call').map((f) => `${f.file} ${f.method} ${f.endpoint} ${f.host?.storeHash}`);
    // (The evaluator reads an object as written: the later mutation of \`paths\` is not followed, either way.)
    expect(calls.sort()).toEqual([
      'src/routes/authenticated.js GET /v2/store abc123',
      'src/routes/caller.js GET /v2/store abc123',
      'src/routes/barrel.ts GET /v2/countries abc123',
      'src/routes/barrel.ts GET /v2/tax_classes abc123',
      'src/routes/browser.js GET /v2/pages abc123',
      'src/routes/constant.ts GET /v2/products abc123',
      'src/routes/direct.ts GET /v2/brands abc123',
      'src/routes/hoisted.js POST /v2/coupons abc123',
      'src/routes/mutated.js GET /v2/customers abc123',
      'src/routes/plain.js GET /v2/orders abc123',
      'src/routes/instance.js GET /v2/brands abc123',
      'src/routes/shared.js GET /v2/blog/posts abc123',
    ].sort());
    expect(fast.findings.filter((f) => f.file === 'src/routes/unused.js')).toEqual([]);
    expect(fast.reanalyzed).toContain('src/routes/unused.js');
  });

  it('read again at each call what its arguments or its instance give, and once what they do not', async () => {
    const { fast } = await bothWays(join(temp, 'remembered'));
    const byLine = (rule: string) => fast.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}${f.notes.some((n) => n.kind === 'xml-format') ? ' xml' : ''}`).sort();
    expect(byLine('hardcoded-credential')).toEqual(['src/routes/calls.js:2', 'src/routes/calls.js:3', 'src/routes/calls.js:7', 'src/routes/calls.js:8']);
    expect(byLine('legacy-api-call')).toEqual([
      'src/routes/again.ts:2',
      'src/routes/again.ts:3 xml',
      'src/routes/calls.js:10',
      'src/routes/calls.js:2',
      'src/routes/calls.js:3',
      'src/routes/calls.js:4',
      'src/routes/calls.js:5 xml',
      'src/routes/calls.js:6',
      'src/routes/calls.js:9',
    ]);
    expect([...fast.secrets].filter((s) => s.startsWith('secret-')).sort()).toEqual(['secret-four', 'secret-one', 'secret-three', 'secret-two']);
  });

  it('load the TypeScript checker only for what plain exports cannot answer', async () => {
    const plainOnly = writeTree('plain-only', { 'src/lib/bc.js': PROVIDER, 'src/routes/a.js': IMPORTERS['src/routes/plain.js'] });
    expect((await bothWays(plainOnly)).fast.usedChecker).toBe(false);
    const { fast, slow } = await bothWays(join(temp, 'importers'));
    expect(fast.usedChecker).toBe(true);
    expect(slow.usedChecker).toBe(true);
  });
});

describe('narrowProgram', () => {
  const narrowed = (text: string, file: string) => {
    const parsed = parseJs(text, file);
    return { program: parsed.program, narrow: narrowProgram(parsed.program, text, parsed.comments) };
  };
  const statements = (program: AstNode, text: string) => (program.body as AstNode[]).map((s) => text.slice(s.start!, s.end!).split('\n')[0]);

  it('keeps the imports, the statements naming what they bind, and what those name in turn', () => {
    const text = IMPORTERS['src/routes/hoisted.js'];
    expect(statements(narrowed(text, 'hoisted.js').narrow, text)).toEqual([
      "import { BASE, AUTH } from '../lib/bc.js';",
      "if (true) { var COUPONS = '/coupons'; }",
      'export const coupons = () => send(COUPONS);',
      "function send(path) { return fetch(BASE + path, { method: 'POST', headers: { Authorization: AUTH } }); }",
    ]);
  });

  it('keeps a statement that names a global through which requests or configs are made', () => {
    const text = IMPORTERS['src/routes/browser.js'];
    const kept = statements(narrowed(text, 'browser.js').narrow, text);
    expect(kept).toContain("window.addEventListener('load', () => {});");
    expect(kept).not.toContain('export class Cache {');
  });

  it('reads no names in comments', () => {
    const text = `import { bcRequest } from './bc.js';\n// reads window and process\nexport const a = 1; /* bcRequest */\nexport const b = () => bcRequest('GET', '/orders');\n`;
    expect(statements(narrowed(text, 'comments.js').narrow, text)).toEqual(["import { bcRequest } from './bc.js';", "export const b = () => bcRequest('GET', '/orders');"]);
  });

  it('leaves a file with OAuth evidence whole', () => {
    const text = `import { bcRequest } from './bc.js';\nconst other = 'https://api.bigcommerce.com/stores/x';\nexport const a = () => bcRequest('GET', '/orders');\n`;
    const { program, narrow } = narrowed(text, 'oauth.js');
    expect(narrow).toBe(program);
  });

  it('cuts an importer from the fixtures down to its import and its call', () => {
    const text = readFileSync(join(temp, 'importers/src/routes/plain.js'), 'utf8');
    expect(statements(narrowed(text, 'plain.js').narrow, text)).toEqual([
      "import { bcRequest } from '../lib/bc.js';",
      "export const orders = () => bcRequest('GET', '/orders');",
    ]);
  });
});
