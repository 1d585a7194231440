import got from 'got';

const bc = got.extend({
  prefixUrl: 'https://store-z9y8x7.mybigcommerce.com/api/v2',
  username: process.env.BC_USER,
  password: process.env.BC_KEY,
  responseType: 'json',
});

export async function shipments(orderId) {
  return bc.get(`orders/${orderId}/shipments`).json();
}

export async function updateOrderStatus(id, status) {
  return got(`https://store-z9y8x7.mybigcommerce.com/api/v2/orders/${id}.json`, {
    method: 'PUT',
    username: process.env.BC_USER,
    password: process.env.BC_KEY,
    json: { status_id: status },
  });
}
