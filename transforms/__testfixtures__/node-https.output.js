import https from 'node:https';

const STORE_HOST = 'api.bigcommerce.com';

export function getStoreInfo(done) {
  const req = https.request(
    {
      hostname: STORE_HOST,
      path: '/stores/abc123/v2/store',
      method: 'GET',
      headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' },
    },
    done,
  );
  req.end();
}

export function updateHook(id, body, done) {
  const req = https.request({ hostname: STORE_HOST, path: `/stores/abc123/v2/hooks/${id}`, method: 'PUT', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } }, done);
  req.setHeader('X-Auth-Token', process.env.BIGCOMMERCE_ACCESS_TOKEN);
  req.end(body);
}
