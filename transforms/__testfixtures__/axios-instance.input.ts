import axios from 'axios';

const bigcommerce = axios.create({
  baseURL: 'https://store-abc123.mybigcommerce.com/api/v2/',
  auth: {
    username: process.env.BC_API_USER as string,
    password: process.env.BC_API_KEY as string,
  },
  headers: { Accept: 'application/json' },
});

export async function findProductBySku(sku: string) {
  const res = await bigcommerce.get(`/products.json?sku=${encodeURIComponent(sku)}`);
  return res.data[0];
}

export async function updateProduct(id: number, fields: object) {
  const res = await bigcommerce.put(`/products/${id}.json`, fields);
  return res.data;
}
