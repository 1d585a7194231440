const OPS_USER = 'ops';

export async function brands() {
  const res = await fetch(`https://api.bigcommerce.com/stores/abc123/v2/brands`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
  return res.json();
}

export async function coupons() {
  const res = await fetch(`https://api.bigcommerce.com/stores/abc123/v2/coupons`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
  return res.json();
}

export const operator = OPS_USER;
