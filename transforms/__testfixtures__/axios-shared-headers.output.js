// JSON_HEADERS is also sent to analytics: the token must not go into it.
const axios = require('axios');
const JSON_HEADERS = { Accept: 'application/json' };

export const products = () => axios.get('https://store-abc123.mybigcommerce.com/api/v2/products', { headers: JSON_HEADERS, auth: { username: 'u', password: process.env.BC_KEY } });
export const brands = () => axios.get('https://api.bigcommerce.com/stores/abc123/v2/brands', { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
export const track = () => axios.get('https://analytics.example.com/track', { headers: JSON_HEADERS });
