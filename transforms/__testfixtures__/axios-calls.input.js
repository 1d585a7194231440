const axios = require('axios');

const STORE = 'https://store-q1w2e3.mybigcommerce.com';
const auth = { username: process.env.BC_USER, password: process.env.BC_KEY };

async function customers() {
  return axios.get(`${STORE}/api/v2/customers.json`, { auth });
}

async function validate(id, password) {
  return axios.post(`${STORE}/api/v2/customers/${id}/validate`, { password }, {
    auth: { username: process.env.BC_USER, password: process.env.BC_KEY },
  });
}

async function banners() {
  return axios({ url: `${STORE}/api/v2/banners`, method: 'get', auth: { username: process.env.BC_USER, password: process.env.BC_KEY } });
}

module.exports = { customers, validate, banners };
