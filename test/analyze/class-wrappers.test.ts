// Calls of a legacy wrapper method made through its class's other shapes: a subclass's `this.send`,
// a parameter or property declared to hold an instance (`c: BcClient`, `private bc: BcClient`).
import { describe, expect, it } from 'vitest';
import { brief, scanText } from './detectors/helpers.ts';
import { scanDeep, summarize } from './project/helpers.ts';

const CLIENT = [
  'class BcClient {',
  "  private base = 'https://store-abc123.mybigcommerce.com/api/v2';",
  "  private auth = 'Basic ' + Buffer.from(`admin:${process.env.BC_KEY}`).toString('base64');",
  '  async send(method: string, path: string, body?: unknown) {',
  '    return fetch(this.base + path, { method, headers: { Authorization: this.auth }, body: JSON.stringify(body) });',
  '  }',
  '}',
].join('\n');

const calls = (code: string) => scanText(`${CLIENT}\n${code}\n`, 'src/api.ts').findings.filter((f) => f.rule === 'legacy-api-call').map(brief);

describe('class wrappers in one file', () => {
  it("reads this.send in a subclass as a call of the base class's wrapper method", () => {
    expect(calls('class OrdersApi extends BcClient {\n  purge(id: number) { return this.send(\'DELETE\', `/orders/${id}`); }\n}')).toEqual([
      ['legacy-api-call', 9, 'DELETE', '/v2/orders/{id}', 'store_v2_orders', true],
    ]);
  });

  it('notes an instance of the wrapper class handed to a function whose parameter has no class type, and calls the list incomplete', () => {
    const findings = scanText(`${CLIENT}\nconst bc = new BcClient();\nfunction useIt(c) { return c.send('POST', '/customers'); }\nuseIt(bc);\nbc.send('GET', '/orders');\n`, 'src/api.ts').findings;
    const wrapper = findings.find((f) => f.rule === 'legacy-request-wrapper')!;
    expect(wrapper.notes.filter((n) => n.kind === 'untraced-requests').map((n) => n.message)).toEqual([expect.stringContaining('(line 10)')]);
  });

  it('reads a call on a parameter or a parameter property declared as the wrapper class as a call of its method', () => {
    const code = [
      'class OrderService {',
      '  constructor(private readonly bc: BcClient) {}',
      "  cancel(id: number) { return this.bc.send('PUT', `/orders/${id}`, { status_id: 5 }); }",
      '}',
      "export function useIt(c: BcClient) { return c.send('POST', '/customers', {}); }",
    ].join('\n');
    expect(calls(code)).toEqual([
      ['legacy-api-call', 10, 'PUT', '/v2/orders/{id}', 'store_v2_orders', true],
      ['legacy-api-call', 12, 'POST', '/v2/customers', 'store_v2_customers', true],
    ]);
  });
});

describe('class wrappers across files', () => {
  it('reads calls through an imported wrapper class: a subclass, a field it makes, a parameter and a parameter property declared as it', async () => {
    const { report } = await scanDeep('class-wrapper');
    expect(summarize(report.findings.filter((f) => f.rule === 'legacy-api-call'))).toEqual([
      'catalog.ts:3 legacy-api-call GET /v2/products store_v2_products_read_only store-abc123.mybigcommerce.com',
      'catalog.ts:7 legacy-api-call DELETE /v2/brands/{id} store_v2_products store-abc123.mybigcommerce.com',
      'orders.ts:4 legacy-api-call PUT /v2/orders/{id} store_v2_orders store-abc123.mybigcommerce.com',
      'orders.ts:5 legacy-api-call DELETE /v2/orders store_v2_orders store-abc123.mybigcommerce.com',
      'orders.ts:8 legacy-api-call POST /v2/customers store_v2_customers store-abc123.mybigcommerce.com',
    ]);
  });
});

describe('class wrapper instances handed on across files', () => {
  it('notes an imported instance, or one made in place, handed to a constructor whose parameter has no class type', async () => {
    const { report } = await scanDeep('class-wrapper-handed-on');
    const wrapper = report.findings.find((f) => f.rule === 'legacy-request-wrapper')!;
    expect(wrapper.notes.find((n) => n.kind === 'untraced-requests')?.message).toContain('(orders.js:6, orders.js:7)');
    expect(report.summary.complete).toBe(false);
  });

  it('adds no note where the constructor declares the parameter as the class, whose calls are followed', async () => {
    const { report } = await scanDeep('class-wrapper');
    expect(report.findings.flatMap((f) => f.notes).filter((n) => n.kind === 'untraced-requests')).toEqual([]);
  });
});
