const request = require('request');

const HOST = 'api.bigcommerce.com';

function listProducts(cb) {
  request({ url: `https://${HOST}/stores/abc123/v2/products`, headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' }, json: true }, cb);
}

function updateProduct(id, fields, cb) {
  request.put(`https://${HOST}/stores/abc123/v2/products/${id}`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' }, json: fields }, cb);
}

module.exports = { listProducts, updateProduct };
