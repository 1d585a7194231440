// A legacy client instance handed on or stored where its requests are not followed leaves the scope
// list short: the config finding says so, and the report is not called complete.
import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/analyze/assemble.ts';
import { scanProject } from '../../src/analyze/index.ts';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { makeTree, removeTree } from '../discover/tree.ts';
import { testConfig } from './helpers.ts';

const CREATE = "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2/', auth: { username: process.env.U, password: process.env.K } });\n";

function scan(rest: string, file = 'client.ts') {
  const { findings } = analyzeJsSource({ path: file, text: CREATE + rest }, { config: testConfig });
  const config = findings.find((f) => f.rule === 'legacy-client-config');
  const note = config?.notes.find((n) => n.kind === 'untraced-requests') ?? null;
  const report = assembleReport({ root: '/r', filesScanned: 1, findings, errors: [], skipped: [] });
  return { findings, note, complete: report.summary.complete };
}

describe('a legacy client instance whose requests are not all traced', () => {
  it.each([
    ['kept as a default parameter', 'export class Api {\n  constructor(private http = api) {}\n  list() { return this.http.get("customers"); }\n}\n', 4],
    ['handed to a constructor', 'export const service = new OrderService(api);\n', 3],
    ['stored in a property', 'export class Holder { client = api; }\n', 3],
    ['put in an object that is not an export', 'export const deps = { http: api };\n', 3],
    ['a method taken off it', 'const get = api.get;\nexport const list = () => get("orders");\n', 3],
  ])('is noted when %s, and the scope list is incomplete', (_what, rest, line) => {
    const { note, complete } = scan(rest);
    expect(note?.message).toContain(`(line ${line})`);
    expect(complete).toBe(false);
  });

  it.each([
    ['requests made on it', 'export const list = () => api.get("orders");\nexport const drop = (id) => api!.delete(`coupons/${id}`);\n'],
    ['its configuration', 'api.defaults.headers.common.Accept = "application/json";\napi.interceptors.request.use((c) => c);\nexport const list = () => api.get("orders");\n'],
    ['an ES export', 'export { api };\nexport default api;\n'],
    ['a CommonJS export', 'module.exports = { api };\nexports.client = api;\n'],
    ['names that only look like it', 'const opts = { api: 1 };\nexport const n = opts.api;\nlabel: for (;;) break label;\n'],
  ])('is not noted for %s', (_what, rest) => {
    const { findings, note, complete } = scan(rest);
    expect(findings.some((f) => f.rule === 'legacy-client-config')).toBe(true);
    expect(note).toBeNull();
    expect(complete).toBe(true);
  });
});

describe('a legacy client instance created straight into a property', () => {
  const PROPERTY = (rest: string) =>
    "import axios from 'axios';\nexport class StoreApi {\n  constructor() {\n    this.http = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2/', auth: { username: process.env.U, password: process.env.K } });\n" + rest + '}\n';
  const scanProperty = (rest: string) => {
    const { findings } = analyzeJsSource({ path: 'api.ts', text: PROPERTY(rest) }, { config: testConfig });
    return findings.find((f) => f.rule === 'legacy-client-config')?.notes.find((n) => n.kind === 'untraced-requests')?.message ?? null;
  };

  it('is noted where the class hands `this.http` on, in its methods and in arrow functions', () => {
    expect(scanProperty('    this.orders = new OrderService(this.http);\n  }\n  later() { return () => keep(this.http); }\n')).toContain('(line 5, line 7)');
  });

  it('is not noted for requests and configuration through `this.http`, nor for another `this` (an ordinary function, a nested class)', () => {
    const rest = [
      '    this.http.defaults.headers.common.Accept = "application/json";',
      '  }',
      '  brands() { return this.http.get("brands"); }',
      '  other() { return function () { return keep(this.http); }; }',
      '  nested() { return class { constructor() { keep(this.http); } }; }',
      '',
    ].join('\n');
    expect(scanProperty(rest)).toBeNull();
  });
});

describe('a legacy client instance imported by other files', () => {
  let root: string;
  afterEach(async () => {
    await removeTree(root);
  });
  const CLIENT = "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2/', auth: { username: process.env.U, password: process.env.K } });\n";

  it('is noted where an importer hands it on, while the importer\'s own requests are reported', async () => {
    root = await makeTree({
      'src/client.ts': CLIENT,
      'src/service.ts': "import { api } from './client';\nexport const list = () => api.get('orders');\nexport const service = new OrderService(api);\n",
    });
    const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.endpoint}`)).toEqual([
      'src/client.ts:2 legacy-client-config null',
      'src/service.ts:2 legacy-api-call /v2/orders',
    ]);
    expect(report.findings[0].notes.find((n) => n.kind === 'untraced-requests')?.message).toContain('src/service.ts:3');
    expect(report.summary.complete).toBe(false);
  });

  it('is not noted when importers only make requests on it or export it again', async () => {
    root = await makeTree({
      'src/client.ts': CLIENT,
      'src/service.ts': "import { api } from './client';\nexport const list = () => api.get('orders');\nexport { api };\n",
    });
    const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
    expect(report.findings.flatMap((f) => f.notes.map((n) => n.kind))).not.toContain('untraced-requests');
    expect(report.summary.complete).toBe(true);
  });
});
