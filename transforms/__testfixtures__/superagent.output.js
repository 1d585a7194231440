const superagent = require('superagent');

const STORE = 'https://api.bigcommerce.com/stores/abc123/v2';

async function listOrders() {
  const res = await superagent.get(`${STORE}/orders?status_id=11`).set('Accept', 'application/json').set('X-Auth-Token', process.env.BIGCOMMERCE_ACCESS_TOKEN);
  return res.body;
}

async function createCustomer(customer) {
  return superagent
    .post(`${STORE}/customers`).set('Accept', 'application/json')
    .set('X-Auth-Token', process.env.BIGCOMMERCE_ACCESS_TOKEN)
    .send(customer);
}

module.exports = { listOrders, createCustomer };
