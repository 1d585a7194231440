const LEGACY_ROOT = 'https://store-d7u8a9.mybigcommerce.com/api/v2';

export async function getCustomers(useOAuth: boolean) {
  const headers = useOAuth
    ? { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN! }
    : { Authorization: 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64') };
  return fetch(`${LEGACY_ROOT}/customers`, { headers });
}
