import axios from 'axios';

// Half migrated: the catalog already goes through the OAuth gateway, orders do not yet.
const legacy = axios.create({
  baseURL: 'https://api.bigcommerce.com/stores/abc123/v2',
  headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
});
const oauth = axios.create({
  baseURL: 'https://api.bigcommerce.com/stores/abc123/v3',
  headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! },
});

export const orders = () => legacy.get('/orders');
export const products = () => oauth.get('/catalog/products');
export const brands = () => fetch('https://api.bigcommerce.com/stores/abc123/v3/catalog/brands', { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! } });
