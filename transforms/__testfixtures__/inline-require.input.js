// Clients loaded in place, as CommonJS scripts often do.
const auth = { username: "admin", password: process.env.BC_KEY };
exports.cancel = (id) => require('axios').delete(`https://store-abc123.mybigcommerce.com/api/v2/orders/${id}`, { auth });
exports.create = (body) => require('node-fetch')('https://store-abc123.mybigcommerce.com/api/v2/customers', { method: 'POST', headers: { Authorization: 'Basic ' + Buffer.from('admin:' + process.env.BC_KEY).toString('base64') }, body });
