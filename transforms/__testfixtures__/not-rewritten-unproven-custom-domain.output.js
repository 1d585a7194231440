// Basic auth and an /api/v2 path on a domain that nothing here ties to a store: not rewritten without a `stores:` mapping.
const axios = require('axios');

const desk = axios.create({ baseURL: 'https://support.acme-tools.io/api/v2', auth: { username: process.env.DESK_USER, password: process.env.DESK_KEY } });

export async function products() {
  return desk.get('/products');
}
