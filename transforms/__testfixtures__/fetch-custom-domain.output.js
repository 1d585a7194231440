// Talks to the store through its own domain.
const SHOP = 'https://api.bigcommerce.com';

export async function giftCertificates() {
  const res = await fetch(`${SHOP}/stores/${process.env.BIGCOMMERCE_STORE_HASH}/v2/gift_certificates`, {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
  });
  return res.json();
}
