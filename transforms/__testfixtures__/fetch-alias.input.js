// Old spellings from the 2013 docs: the gateway and the scope list use the underscore names.
const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';
const headers = { Authorization: 'Basic ' + btoa(`${process.env.BC_USER}:${process.env.BC_KEY}`), Accept: 'application/json' };

export const statuses = () => fetch(`${BASE}/orderstatuses`, { headers });
export const optionSet = (id) => fetch(`${BASE}/optionsets/${id}`, { headers });
export const addresses = (id) => fetch(`${BASE}/orders/${id}/shippingaddresses/`, { headers });
