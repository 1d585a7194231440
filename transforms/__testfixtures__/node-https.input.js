import https from 'node:https';

const STORE_HOST = 'store-abc123.mybigcommerce.com';
const API_USER = process.env.BC_API_USER || 'acme-jobs';
const API_KEY = process.env.BC_API_KEY;

export function getStoreInfo(done) {
  const req = https.request(
    {
      hostname: STORE_HOST,
      path: '/api/v2/store.json',
      method: 'GET',
      auth: API_USER + ':' + API_KEY,
    },
    done,
  );
  req.end();
}

export function updateHook(id, body, done) {
  const req = https.request({ hostname: STORE_HOST, path: `/api/v2/hooks/${id}`, method: 'PUT', headers: { 'Content-Type': 'application/json' } }, done);
  req.setHeader('Authorization', 'Basic ' + Buffer.from(`${API_USER}:${API_KEY}`).toString('base64'));
  req.end(body);
}
