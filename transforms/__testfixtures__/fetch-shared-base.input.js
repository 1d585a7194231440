const BC_API_BASE = 'https://store-abc123.mybigcommerce.com/api/v2';

function bcHeaders() {
  const user = process.env.BC_API_USER;
  const key = process.env.BC_API_KEY;
  return {
    Authorization: 'Basic ' + Buffer.from(user + ':' + key).toString('base64'),
    'Content-Type': 'application/json',
  };
}

export async function listOrders(page) {
  const res = await fetch(`${BC_API_BASE}/orders.json?page=${page}`, { headers: bcHeaders() });
  return res.json();
}

export async function orderProducts(id) {
  const res = await fetch(BC_API_BASE + '/orders/' + id + '/products.json', { headers: bcHeaders() });
  return res.json();
}

export async function shipOrder(id) {
  return fetch(`${BC_API_BASE}/orders/${id}`, {
    method: 'PUT',
    headers: bcHeaders(),
    body: JSON.stringify({ status_id: 2 }),
  });
}
