const GATEWAY_ROOT = `https://api.bigcommerce.com/stores/${process.env.BIGCOMMERCE_STORE_HASH}/v2`;

export async function getOrders(useOAuth: boolean) {
  if (useOAuth) {
    return fetch(`${GATEWAY_ROOT}/orders`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! } });
  }
  return fetch('https://api.bigcommerce.com/stores/d7u8a9/v2/orders', {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
  });
}
