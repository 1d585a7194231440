export async function storeInfo() {
  const res = await fetch('https://api-user:0a1b2c3d4e5f60718293a4b5c6d7e8f9@store-abc123.mybigcommerce.com/api/v2/store.json');
  return res.json();
}
