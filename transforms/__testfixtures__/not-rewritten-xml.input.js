const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
const AUTH = 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64');

export async function exportOrdersXml() {
  const res = await fetch(`${BASE}/orders.xml`, { headers: { Authorization: AUTH } });
  return res.text();
}

export async function countOrders() {
  const res = await fetch(`${BASE}/orders/count`, { headers: { Authorization: AUTH } });
  return res.json();
}
