// A small helper every job in this repo goes through.
const STORE_URL = 'https://api.bigcommerce.com';

async function bcRequest(method, path, body) {
  const res = await fetch(`${STORE_URL}/stores/w4r5p6/v2${path}`, {
    method,
    headers: {
      'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

const getOrders = () => bcRequest('GET', '/orders?status_id=11');
const setStatus = (id) => bcRequest('PUT', '/orders/' + id, { status_id: 2 });

module.exports = { getOrders, setStatus };
