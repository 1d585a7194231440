import { describe, expect, it } from 'vitest';
import { brief, scanText } from './helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const HEADERS = "const headers = { Authorization: 'Basic ' + Buffer.from('u:' + process.env.BC_KEY).toString('base64') };";

describe('fetch detector', () => {
  it('reads a Request held in a variable like one written inline, its method and headers included', () => {
    const text =
      `const BASE = '${STORE}';\n${HEADERS}\n` +
      "async function create(body) {\n  const req = new Request(BASE + '/customers', { method: 'POST', headers, body: JSON.stringify(body) });\n  return fetch(req);\n}\n" +
      'async function list() {\n  return fetch(new Request(`${BASE}/orders`, { headers }));\n}\n';
    expect(scanText(text).findings.map(brief)).toEqual([
      ['legacy-api-call', 5, 'POST', '/v2/customers', 'store_v2_customers', true],
      ['legacy-api-call', 8, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
    ]);
  });
});
