// BASE is shared with a(), whose auth the codemod cannot see: d() alone must not move BASE to the gateway.
const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
const basic = 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64');

export async function a() {
  return fetch(`${BASE}/orders`, { headers: new Headers([['Authorization', basic]]) });
}
export async function d() {
  const h = { Authorization: basic };
  return fetch(`${BASE}/coupons`, { headers: h, method: 'DELETE' });
}
