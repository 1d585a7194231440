const USER = 'acme';
const KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9'; // rotate yearly
const OPS_USER = 'ops';

export async function brands() {
  const res = await fetch(`https://${USER}:${KEY}@store-abc123.mybigcommerce.com/api/v2/brands.json`);
  return res.json();
}

export async function coupons() {
  const res = await fetch(`https://${OPS_USER}:${process.env.BC_KEY}@store-abc123.mybigcommerce.com/api/v2/coupons`);
  return res.json();
}

export const operator = OPS_USER;
