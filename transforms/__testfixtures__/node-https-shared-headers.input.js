// COMMON is also sent to the ERP: the token must not go into it, so getJson is left for a person.
const https = require('https');
const COMMON = { Accept: 'application/json', 'User-Agent': 'acme' };

function getJson(path, cb) {
  return https.get({
    host: 'store-abc123.mybigcommerce.com',
    path: '/api/v2' + path,
    auth: `${process.env.BC_USER}:${process.env.BC_KEY}`,
    headers: COMMON,
  }, cb);
}
exports.orders = (cb) => getJson('/orders', cb);

exports.raw = (cb) => https.request('https://store-abc123.mybigcommerce.com/api/v2/products?limit=5', { auth: 'acme:' + process.env.BC_KEY, method: 'GET' }, cb).end();

exports.erp = (cb) => https.get({ host: 'erp.example.com', path: '/x', headers: COMMON }, cb);
