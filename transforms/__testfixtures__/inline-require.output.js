// Clients loaded in place, as CommonJS scripts often do.
exports.cancel = (id) => require('axios').delete(`https://api.bigcommerce.com/stores/abc123/v2/orders/${id}`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } });
exports.create = (body) => require('node-fetch')('https://api.bigcommerce.com/stores/abc123/v2/customers', { method: 'POST', headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' }, body });
