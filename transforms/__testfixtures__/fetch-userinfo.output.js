export async function storeInfo() {
  const res = await fetch('https://api.bigcommerce.com/stores/abc123/v2/store', { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
  return res.json();
}
