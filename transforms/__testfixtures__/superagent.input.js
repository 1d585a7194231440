const superagent = require('superagent');

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const USER = process.env.BC_API_USER;
const KEY = process.env.BC_API_KEY;

async function listOrders() {
  const res = await superagent.get(`${STORE}/orders.json?status_id=11`).auth(USER, KEY);
  return res.body;
}

async function createCustomer(customer) {
  return superagent
    .post(`${STORE}/customers`)
    .set('Authorization', 'Basic ' + Buffer.from(`${USER}:${KEY}`).toString('base64'))
    .send(customer);
}

module.exports = { listOrders, createCustomer };
