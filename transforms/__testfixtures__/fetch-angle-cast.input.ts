// `<T>x` casts only parse with the plain TypeScript parser, not with tsx.
const key = <string>process.env.BC_API_KEY;

export async function coupons() {
  const res = await fetch('https://store-abc123.mybigcommerce.com/api/v2/coupons', {
    headers: { Authorization: 'Basic ' + btoa(`jobs:${key}`) },
  });
  return <Promise<unknown[]>>res.json();
}
