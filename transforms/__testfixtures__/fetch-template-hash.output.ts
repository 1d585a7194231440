const STORE_HASH = process.env.BC_STORE_HASH;

export async function getProduct(id: number) {
  const res = await fetch(`https://api.bigcommerce.com/stores/${STORE_HASH}/v2/products/${id}`, {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
  });
  return res.json();
}
