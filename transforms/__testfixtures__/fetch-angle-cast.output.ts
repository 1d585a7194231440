// `<T>x` casts only parse with the plain TypeScript parser, not with tsx.

export async function coupons() {
  const res = await fetch('https://api.bigcommerce.com/stores/abc123/v2/coupons', {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
  });
  return <Promise<unknown[]>>res.json();
}
