// Old spellings from the 2013 docs: the gateway and the scope list use the underscore names.
const BASE = 'https://api.bigcommerce.com/stores/abc123/v2';
const headers = { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' };

export const statuses = () => fetch(`${BASE}/order_statuses`, { headers });
export const optionSet = (id) => fetch(`${BASE}/option_sets/${id}`, { headers });
export const addresses = (id) => fetch(`${BASE}/orders/${id}/shipping_addresses`, { headers });
