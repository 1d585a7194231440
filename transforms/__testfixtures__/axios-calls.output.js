const axios = require('axios');

const STORE = 'https://api.bigcommerce.com';

async function customers() {
  return axios.get(`${STORE}/stores/q1w2e3/v2/customers`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
}

async function validate(id, password) {
  return axios.post(`${STORE}/stores/q1w2e3/v2/customers/${id}/validate`, { password }, {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
  });
}

async function banners() {
  return axios({ url: `${STORE}/stores/q1w2e3/v2/banners`, method: 'get', headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
}

module.exports = { customers, validate, banners };
