import axios from 'axios';

axios.defaults.baseURL = 'https://store-q1w2e3.mybigcommerce.com/api/v2';
axios.defaults.auth = { username: process.env.BC_USER, password: process.env.BC_KEY };

export const listPages = () => axios.get('/pages');
export const createWebhook = (hook) => axios.post('/hooks', hook);
