// Talks to the store through its own domain.
const SHOP = 'https://shop.example-outfitters.com';

export async function giftCertificates() {
  const res = await fetch(`${SHOP}/api/v2/gift_certificates`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64') },
  });
  return res.json();
}
