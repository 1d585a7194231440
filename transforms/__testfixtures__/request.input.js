const request = require('request');

const HOST = 'store-abc123.mybigcommerce.com';

function listProducts(cb) {
  request({ url: `https://${HOST}/api/v2/products.json`, auth: { user: process.env.BC_USER, pass: process.env.BC_KEY }, json: true }, cb);
}

function updateProduct(id, fields, cb) {
  request.put(`https://${HOST}/api/v2/products/${id}`, { auth: { user: process.env.BC_USER, pass: process.env.BC_KEY }, json: fields }, cb);
}

module.exports = { listProducts, updateProduct };
