import axios from 'axios';

const bigcommerce = axios.create({
  baseURL: 'https://api.bigcommerce.com/stores/abc123/v2/',
  headers: { Accept: 'application/json', 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string },
});

export async function findProductBySku(sku: string) {
  const res = await bigcommerce.get(`/products?sku=${encodeURIComponent(sku)}`);
  return res.data[0];
}

export async function updateProduct(id: number, fields: object) {
  const res = await bigcommerce.put(`/products/${id}`, fields);
  return res.data;
}
