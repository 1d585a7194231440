import got from 'got';

const bc = got.extend({
  prefixUrl: 'https://api.bigcommerce.com/stores/z9y8x7/v2',
  headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
  responseType: 'json',
});

export async function shipments(orderId) {
  return bc.get(`orders/${orderId}/shipments`).json();
}

export async function updateOrderStatus(id, status) {
  return got(`https://api.bigcommerce.com/stores/z9y8x7/v2/orders/${id}`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
    json: { status_id: status },
  });
}
