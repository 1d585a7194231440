import https from 'node:https';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin } from './standin.ts';

const account = { username: 'legacy-user', apiKey: '0123456789abcdef0123456789abcdef01234567' };
const basic = (user: string, key: string) => 'Basic ' + Buffer.from(`${user}:${key}`).toString('base64');
const goodAuth = { Authorization: basic(account.username, account.apiKey) };
const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const GATEWAY = 'https://api.bigcommerce.com/stores/abc123';

const standin = startStandin({
  account,
  storeHash: 'abc123',
  tokens: {
    'orders-ro': ['store_v2_orders_read_only'],
    'orders-rw': ['store_v2_orders'],
    'no-scopes': [],
  },
});
afterAll(() => standin.close());
beforeEach(() => standin.reset());

const token = (t: string) => ({ 'X-Auth-Token': t, Accept: 'application/json' });

describe('legacy API', () => {
  it('serves a store host to the test account and accepts a .json suffix', async () => {
    const res = await fetch(`${STORE}/orders.json`, { headers: goodAuth });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: number }[]).map((o) => o.id)).toEqual([101, 102, 103, 104, 105]);
  });

  it('serves a custom domain the same way', async () => {
    const res = await fetch('https://shop.acme.example/api/v2/store', { headers: goodAuth });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe('abc123');
  });

  it('refuses a request without credentials with 401', async () => {
    const res = await fetch(`${STORE}/orders`);
    expect(res.status).toBe(401);
    expect(standin.requests[0]?.outcome).toBe('unauthenticated');
  });

  it('refuses a wrong API key with 401', async () => {
    const res = await fetch(`${STORE}/orders`, { headers: { Authorization: basic(account.username, 'nope') } });
    expect(res.status).toBe(401);
  });

  it('accepts credentials given to https.request as its auth option', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = https.request(
        { hostname: 'store-abc123.mybigcommerce.com', path: '/api/v2/store', auth: `${account.username}:${account.apiKey}` },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('refuses webhooks, which basic auth never supported', async () => {
    const res = await fetch(`${STORE}/hooks`, { method: 'POST', headers: goodAuth, body: JSON.stringify({ scope: 'store/order/*' }) });
    expect(res.status).toBe(403);
    expect(standin.requests[0]?.outcome).toBe('not-available-on-legacy');
  });

  it('answers an empty V2 page with 204 and no body', async () => {
    const res = await fetch(`${STORE}/orders?status_id=11&page=2&limit=3`, { headers: goodAuth });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('filters by field and paginates', async () => {
    const res = await fetch(`${STORE}/orders?status_id=11&limit=2&page=1`, { headers: goodAuth });
    expect(((await res.json()) as { id: number }[]).map((o) => o.id)).toEqual([101, 102]);
  });

  it('counts a collection', async () => {
    const res = await fetch(`${STORE}/customer_groups/count`, { headers: goodAuth });
    expect(await res.json()).toEqual({ count: 2 });
  });
});

describe('gateway', () => {
  it('refuses a request without a token with 401', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders`);
    expect(res.status).toBe(401);
  });

  it('refuses an unknown token with 401', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders`, { headers: token('stolen') });
    expect(res.status).toBe(401);
  });

  it('refuses another store hash', async () => {
    const res = await fetch('https://api.bigcommerce.com/stores/zzz999/v2/orders', { headers: token('orders-rw') });
    expect(res.status).toBe(401);
    expect(standin.requests[0]?.outcome).toBe('wrong-store');
  });

  it('answers 403 with the platform title when the token lacks the scope', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders/101`, {
      method: 'PUT',
      headers: { ...token('orders-ro'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status_id: 2 }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { title: string }).title).toBe("You don't have a required scope to access the endpoint");
    expect(standin.requests[0]?.outcome).toBe('missing-scope');
  });

  it('lets a read-only token read', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders/101`, { headers: token('orders-ro') });
    expect(res.status).toBe(200);
  });

  it('lets a modify scope satisfy a read', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders/101/products`, { headers: token('orders-rw') });
    expect(res.status).toBe(200);
  });

  it('answers 403 for a resource outside the granted scopes', async () => {
    const res = await fetch(`${GATEWAY}/v2/customers`, { headers: token('orders-rw') });
    expect(res.status).toBe(403);
  });

  it('lets any valid token manage webhooks', async () => {
    const res = await fetch(`${GATEWAY}/v3/hooks`, {
      method: 'POST',
      headers: { ...token('no-scopes'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'store/order/created', destination: 'https://hooks.example/bc' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { data: { id: number } }).data.id).toBe(1);
  });

  it('answers 404 to a .json suffix', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders.json`, { headers: token('orders-rw') });
    expect(res.status).toBe(404);
    expect(standin.requests[0]?.outcome).toBe('unsupported-suffix');
  });

  it('answers 403 to a trailing slash', async () => {
    const res = await fetch(`${GATEWAY}/v2/orders/`, { headers: token('orders-rw') });
    expect(res.status).toBe(403);
    expect(standin.requests[0]?.outcome).toBe('trailing-slash');
  });
});

describe('recording', () => {
  it('records api, method, normalized path, sorted query and parsed body', async () => {
    await fetch(`${STORE}/orders/101.json?z=1&a=2&a=1`, { method: 'PUT', headers: goodAuth, body: JSON.stringify({ status_id: 2 }) });
    await fetch(`${GATEWAY}/v2/orders/101?z=1&a=2&a=1`, {
      method: 'PUT',
      headers: token('orders-rw'),
      body: JSON.stringify({ status_id: 2 }),
    });
    const common = { method: 'PUT', resourcePath: '/v2/orders/101', query: [['a', '1'], ['a', '2'], ['z', '1']], body: { status_id: 2 } };
    expect(standin.requests).toEqual([
      { api: 'legacy', ...common, status: 200, outcome: 'ok', suffix: '.json' },
      { api: 'gateway', ...common, status: 200, outcome: 'ok', suffix: null },
    ]);
  });

  it('records a body without one as null', async () => {
    await fetch(`${STORE}/store`, { headers: goodAuth });
    expect(standin.requests[0]?.body).toBeNull();
  });

  it('forgets recordings and writes on reset', async () => {
    await fetch(`${STORE}/orders/101`, { method: 'PUT', headers: goodAuth, body: JSON.stringify({ status_id: 2 }) });
    standin.reset();
    expect(standin.requests).toEqual([]);
    const res = await fetch(`${STORE}/orders/101`, { headers: goodAuth });
    expect(((await res.json()) as { status_id: number }).status_id).toBe(11);
  });

  it('lists requests to other hosts as unhandled and lets them fail', async () => {
    await expect(fetch('https://api.stripe.com/v1/charges')).rejects.toThrow();
    expect(standin.unhandled).toEqual([{ method: 'GET', url: 'https://api.stripe.com/v1/charges' }]);
    expect(standin.requests).toEqual([]);
  });
});
