// A client loaded in place, `require('axios').delete(url)`, is the client as surely as a named import:
// CommonJS scripts write it that way, and a miss there left the scope list short while calling it complete.
import { describe, expect, it } from 'vitest';
import { brief, scanText } from './helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const BASIC = "'Basic ' + Buffer.from('admin:' + process.env.BC_KEY).toString('base64')";

describe('clients loaded in place with require or import()', () => {
  it('reads axios, got and node-fetch required in place as those clients', () => {
    const text = [
      'const auth = { username: "admin", password: process.env.BC_KEY };',
      `exports.cancel = (id) => require('axios').delete(\`${STORE}/orders/\${id}\`, { auth });`,
      `exports.create = (body) => require('node-fetch')('${STORE}/customers', { method: 'POST', headers: { Authorization: ${BASIC} }, body });`,
      `exports.brands = () => require('got').get('${STORE}/brands', { username: 'admin', password: process.env.BC_KEY });`,
      `exports.store = async () => (await import('node-fetch')).default('${STORE}/store', { headers: { Authorization: ${BASIC} } });`,
      '',
    ].join('\n');
    expect(scanText(text).findings.map((f) => [...brief(f), f.client])).toEqual([
      ['legacy-api-call', 2, 'DELETE', '/v2/orders/{id}', 'store_v2_orders', true, 'axios'],
      ['legacy-api-call', 3, 'POST', '/v2/customers', 'store_v2_customers', true, 'fetch'],
      ['legacy-api-call', 4, 'GET', '/v2/brands', 'store_v2_products_read_only', true, 'got'],
      ['legacy-api-call', 5, 'GET', '/v2/store', 'store_v2_information_read_only', true, 'fetch'],
    ]);
  });

  it('names a client it does not know by its module, not as a call of require', () => {
    const text = `const auth = ${BASIC};\nexports.drop = () => require('undici').request('${STORE}/orders/1', { method: 'DELETE', headers: { authorization: auth } });\n`;
    expect(scanText(text).findings.map((f) => [...brief(f), f.client])).toEqual([['legacy-api-call', 2, 'DELETE', '/v2/orders/{id}', 'store_v2_orders', false, 'undici.request']]);
  });
});
