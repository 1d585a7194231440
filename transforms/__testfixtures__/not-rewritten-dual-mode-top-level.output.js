import axios from 'axios';

const useOAuth = !!process.env.BIGCOMMERCE_ACCESS_TOKEN;
const headers = useOAuth ? { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN } : {};
export const client = axios.create({
  baseURL: 'https://store-abc123.mybigcommerce.com/api/v2',
  auth: { username: process.env.BC_USER, password: process.env.BC_KEY },
  headers,
});

export const orders = () => client.get('/orders');
