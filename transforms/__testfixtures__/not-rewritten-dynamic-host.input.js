export async function orders(storeUrl) {
  const res = await fetch(`${storeUrl}/api/v2/orders`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64') },
  });
  return res.json();
}
