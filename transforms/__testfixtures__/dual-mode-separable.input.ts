const GATEWAY_ROOT = `https://api.bigcommerce.com/stores/${process.env.BIGCOMMERCE_STORE_HASH}/v2`;

export async function getOrders(useOAuth: boolean) {
  if (useOAuth) {
    return fetch(`${GATEWAY_ROOT}/orders`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! } });
  }
  return fetch('https://store-d7u8a9.mybigcommerce.com/api/v2/orders', {
    headers: { Authorization: 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64') },
  });
}
