const STORE_HASH = process.env.BC_STORE_HASH;

export async function getProduct(id: number) {
  const res = await fetch(`https://store-${STORE_HASH}.mybigcommerce.com/api/v2/products/${id}.json`, {
    headers: { Authorization: `Basic ${btoa(`${process.env.BC_USER}:${process.env.BC_KEY}`)}`, Accept: 'application/json' },
  });
  return res.json();
}
