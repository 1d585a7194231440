// Harness self-test app: one read and one write on the legacy API.
const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
const AUTH = 'Basic ' + Buffer.from(`${process.env.BC_API_USER}:${process.env.BC_API_KEY}`).toString('base64');

export async function markShipped(orderId) {
  const order = await fetch(`${BASE}/orders/${orderId}.json`, { headers: { Authorization: AUTH } });
  if (!order.ok) throw new Error(`GET failed: ${order.status}`);
  const res = await fetch(`${BASE}/orders/${orderId}`, {
    method: 'PUT',
    headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status_id: 2 }),
  });
  if (!res.ok) throw new Error(`PUT failed: ${res.status}`);
  return (await res.json()).status_id;
}
