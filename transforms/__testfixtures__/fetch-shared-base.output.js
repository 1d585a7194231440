const BC_API_BASE = 'https://api.bigcommerce.com/stores/abc123/v2';

function bcHeaders() {
  return {
    'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN,
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
}

export async function listOrders(page) {
  const res = await fetch(`${BC_API_BASE}/orders?page=${page}`, { headers: bcHeaders() });
  return res.json();
}

export async function orderProducts(id) {
  const res = await fetch(BC_API_BASE + '/orders/' + id + '/products', { headers: bcHeaders() });
  return res.json();
}

export async function shipOrder(id) {
  return fetch(`${BC_API_BASE}/orders/${id}`, {
    method: 'PUT',
    headers: bcHeaders(),
    body: JSON.stringify({ status_id: 2 }),
  });
}
