// Nightly order export.
const fetch = require('node-fetch');

async function exportOrders() {
  const res = await fetch('https://api.bigcommerce.com/stores/abc123/v2/orders?status_id=11', {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
  });
  return res.json();
}

module.exports = { exportOrders };
