import axios from 'axios';

axios.defaults.baseURL = 'https://api.bigcommerce.com/stores/q1w2e3/v2';
axios.defaults.headers.common['X-Auth-Token'] = process.env.BIGCOMMERCE_ACCESS_TOKEN;
axios.defaults.headers.common.Accept = 'application/json';

export const listPages = () => axios.get('/pages');
export const createWebhook = (hook) => axios.post('/hooks', hook);
