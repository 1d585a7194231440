// Nightly order export.
const fetch = require('node-fetch');

async function exportOrders() {
  const res = await fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json?status_id=11', {
    headers: { Authorization: 'Basic ' + Buffer.from(process.env.BC_USER + ':' + process.env.BC_KEY).toString('base64') },
  });
  return res.json();
}

module.exports = { exportOrders };
