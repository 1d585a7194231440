import axios from 'axios';

// Half migrated: the catalog already goes through the OAuth gateway, orders do not yet.
const legacy = axios.create({
  baseURL: 'https://store-abc123.mybigcommerce.com/api/v2',
  auth: { username: process.env.BC_USER!, password: process.env.BC_KEY! },
});
const oauth = axios.create({
  baseURL: 'https://api.bigcommerce.com/stores/abc123/v3',
  headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! },
});

export const orders = () => legacy.get('/orders');
export const products = () => oauth.get('/catalog/products');
export const brands = () => fetch('https://api.bigcommerce.com/stores/abc123/v3/catalog/brands', { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! } });
