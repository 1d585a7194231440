// The HTTP method a request sends, read through spreads, enums and wrappers passed around: a method
// the analysis cannot see is unknown (a write assumed), never a silent GET.
import { describe, expect, it } from 'vitest';
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
