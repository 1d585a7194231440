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
