// STORE_URL also builds a storefront link: it must stay the store host.
const STORE_URL = 'https://store-abc123.mybigcommerce.com';
const AUTH = 'Basic ' + Buffer.from(process.env.U + ':' + process.env.K).toString('base64');

export async function getOrders() {
  const res = await fetch(`${STORE_URL}/api/v2/orders`, { headers: { Authorization: AUTH } });
  return res.json();
}

export function cartLink(id) {
  return `${STORE_URL}/cart.php?action=add&product_id=${id}`;
}
