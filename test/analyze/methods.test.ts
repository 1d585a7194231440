// The HTTP method a request sends, read through spreads, enums and wrappers passed around: a method
// the analysis cannot see is unknown (a write assumed), never a silent GET.
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/analyze/assemble.ts';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import type { Finding } from '../../src/types.ts';
import { testConfig } from './helpers.ts';
import { scanDeep, summarize } from './project/helpers.ts';

function scan(text: string, path = 'bc.ts'): Finding[] {
  return analyzeJsSource({ path, text }, { config: testConfig }).findings;
}

const calls = (findings: Finding[]) =>
  findings.filter((f) => f.rule === 'legacy-api-call').map((f) => `${f.line} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.scope ?? '-'}`);

const SPREAD_WRAPPER = `
const STORE = 'https://store-abc123.mybigcommerce.com';
const AUTH = 'Basic ' + Buffer.from('u:' + process.env.BC_KEY).toString('base64');
export function bcFetch(path: string, init: RequestInit = {}) {
  return fetch(\`\${STORE}/api/v2\${path}.json\`, { ...init, headers: { Authorization: AUTH } });
}
`;

describe("a wrapper that spreads its caller's options", () => {
  it("takes each call's method from the options it spreads", () => {
    const findings = scan(`${SPREAD_WRAPPER}
bcFetch('/orders');
bcFetch('/orders/1', { method: 'PUT', body: '{}' });
bcFetch('/products', { method: 'POST' });
`);
    expect(calls(findings)).toEqual([
      '8 GET /v2/orders store_v2_orders_read_only',
      '9 PUT /v2/orders/{id} store_v2_orders',
      '10 POST /v2/products store_v2_products',
    ]);
  });

  it('calls the method unknown, and assumes a write, where the spread options cannot be seen', () => {
    const findings = scan(`${SPREAD_WRAPPER}
bcFetch('/orders/1', JSON.parse(process.env.OPTS ?? '{}'));
`);
    expect(calls(findings)).toEqual(['8 - /v2/orders/{id} store_v2_orders']);
    expect(findings.find((f) => f.line === 8)!.notes.map((n) => n.kind)).toContain('unknown-method-assumed-write');
  });

  it('takes the method from the options a call in another file spreads', async () => {
    const { report } = await scanDeep('wrapper-spread-init');
    expect(summarize(report.findings)).toEqual([
      'src/o.ts:2 legacy-api-call GET /v2/orders store_v2_orders_read_only store-abc123.mybigcommerce.com',
      'src/o.ts:3 legacy-api-call PUT /v2/orders/{id} store_v2_orders store-abc123.mybigcommerce.com',
      'src/p.ts:2 legacy-api-call POST /v2/products store_v2_products store-abc123.mybigcommerce.com',
    ]);
  });
});

describe('a TypeScript enum member as the method', () => {
  const BASE = `
const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
const AUTH = { Authorization: 'Basic ' + Buffer.from('u:' + process.env.BC_KEY).toString('base64') };
`;

  it('reads a string enum member as its value, as it reads an `as const` object', () => {
    const findings = scan(`${BASE}
enum HttpMethod { GET = 'GET', POST = 'POST' }
export const enum Verb { Put = 'PUT' }
fetch(\`\${BASE}/orders\`, { method: HttpMethod.GET, headers: AUTH });
fetch(\`\${BASE}/products\`, { method: HttpMethod['POST'], headers: AUTH });
fetch(\`\${BASE}/coupons/1\`, { method: Verb.Put, headers: AUTH });
`);
    expect(calls(findings)).toEqual([
      '7 GET /v2/orders store_v2_orders_read_only',
      '8 POST /v2/products store_v2_products',
      '9 PUT /v2/coupons/{id} store_v2_marketing',
    ]);
  });

  it('leaves a numeric enum member unknown as a method', () => {
    const findings = scan(`${BASE}
enum Method { GET, POST }
enum Coded { GET = 0 }
fetch(\`\${BASE}/orders\`, { method: Method.GET as any, headers: AUTH });
fetch(\`\${BASE}/orders\`, { method: Coded.GET as any, headers: AUTH });
`);
    expect(calls(findings)).toEqual(['7 - /v2/orders store_v2_orders', '8 - /v2/orders store_v2_orders']);
  });
});

describe('a string enum imported from another module as the method', () => {
  it('reads the member as its value', async () => {
    const { report } = await scanDeep('enum-method');
    expect(summarize(report.findings)).toEqual([
      'a.ts:4 legacy-api-call GET /v2/orders store_v2_orders_read_only store-abc123.mybigcommerce.com',
      'a.ts:5 legacy-api-call POST /v2/products store_v2_products store-abc123.mybigcommerce.com',
    ]);
  });
});

describe('a wrapper used as a value', () => {
  const WRAPPER = `const axios = require('axios');
const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
function bcRequest(method, path, data) {
  return axios({ method, url: BASE + path, data, auth: { username: 'admin', password: process.env.BC_API_KEY } });
}
`;
  const untraced = (findings: Finding[]) =>
    findings.find((f) => f.rule === 'legacy-request-wrapper')?.notes.find((n) => n.kind === 'untraced-requests')?.message ?? null;
  const complete = (findings: Finding[]) => assembleReport({ root: '/r', filesScanned: 1, findings, errors: [], skipped: [] }).summary.complete;

  it('reads `.call(thisArg, ...args)` and `.apply(thisArg, [args])` as calls of the wrapper', () => {
    const findings = scan(`${WRAPPER}
bcRequest.call(null, 'post', '/coupons', {});
bcRequest.apply(this, ['delete', '/brands/1']);
`, 'bc.js');
    expect(calls(findings)).toEqual(['7 POST /v2/coupons store_v2_marketing', '8 DELETE /v2/brands/{id} store_v2_products']);
    expect(untraced(findings)).toBeNull();
    expect(complete(findings)).toBe(true);
  });

  it.each([
    ['passed to a function', 'const bc = withRetry(bcRequest);\nbc("delete", "/customers/3");\n', 7],
    ['bound', 'const del = bcRequest.bind(null, "delete");\ndel("/categories/9");\n', 7],
    ['stored in an object', 'export const api = { send: bcRequest };\n', 7],
    ['applied to arguments out of sight', 'export function again() { return bcRequest.apply(null, arguments); }\n', 7],
  ])('notes that its requests are not all traced when %s, and the scope list is incomplete', (_what, rest, line) => {
    const findings = scan(WRAPPER + '\n' + rest, 'bc.js');
    expect(untraced(findings)).toContain(`(line ${line})`);
    expect(complete(findings)).toBe(false);
  });

  it('reads `.call` / `.apply` in another file, and notes a `.bind` there', async () => {
    const { report } = await scanDeep('wrapper-as-value');
    expect(summarize(report.findings)).toEqual([
      'b.js:3 legacy-api-call POST /v2/coupons store_v2_marketing store-abc123.mybigcommerce.com',
      'b.js:4 legacy-api-call DELETE /v2/brands/{id} store_v2_products store-abc123.mybigcommerce.com',
    ]);
    expect(untraced(report.findings)).toContain('b.js:5');
    expect(report.summary.complete).toBe(false);
  });
});
