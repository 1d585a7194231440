// Harness self-test app, migrated by hand: the same calls on the gateway.
const BASE = `https://api.bigcommerce.com/stores/${process.env.BIGCOMMERCE_STORE_HASH}/v2`;
const TOKEN = process.env.BIGCOMMERCE_ACCESS_TOKEN;

export async function markShipped(orderId) {
  const order = await fetch(`${BASE}/orders/${orderId}`, { headers: { 'X-Auth-Token': TOKEN, Accept: 'application/json' } });
  if (!order.ok) throw new Error(`GET failed: ${order.status}`);
  const res = await fetch(`${BASE}/orders/${orderId}`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': TOKEN, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ status_id: 2 }),
  });
  if (!res.ok) throw new Error(`PUT failed: ${res.status}`);
  return (await res.json()).status_id;
}
