// What fixtures/deep/integration does when run: its express route handlers (called directly, through
// the express shim) and its reporting jobs, for its migration proof.
import { fileURLToPath } from 'node:url';
import { TEST_ACCOUNT, type AppModules, type Env, type Scenario } from './harness.ts';

export const INTEGRATION_APP_DIR = fileURLToPath(new URL('../../fixtures/deep/integration/', import.meta.url));

/** The store the fixture's config/default.json names: the gateway stand-in must serve this one. */
export const INTEGRATION_STORE_HASH = 'k7x2m9';

/** Every module with a legacy call or a rewritten definition; src/server.js only wires them and listens. */
export const INTEGRATION_MODULES = [
  'src/routes/orders.js',
  'src/routes/products.js',
  'src/routes/proxy.js',
  'src/lib/bigcommerce-client.js',
  'src/jobs/customer-report.ts',
  'src/jobs/coupon-seeder.ts',
] as const;

/** The legacy account, as the app's .env.example names it (the store URL comes from config/default.json). */
export const INTEGRATION_LEGACY_ENV: Env = { BC_API_USER: TEST_ACCOUNT.username, BC_API_KEY: TEST_ACCOUNT.apiKey };

/** The migrated app reads only the token: its store hash is written into config/default.json by fix. */
export const integrationGatewayEnv = (token: string): Env => ({ BIGCOMMERCE_ACCESS_TOKEN: token });

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: (req: unknown, res: unknown, next: (e?: unknown) => void) => unknown }> };
}

interface Reply {
  status: number;
  body?: unknown;
}

function moduleOf(app: AppModules, module: string): Record<string, unknown> {
  const loaded = app[module];
  if (!loaded) throw new Error(`${module} was not loaded`);
  return loaded;
}

/** Calls the handler an express router holds for `method path`, as express would for one request. */
async function callRoute(app: AppModules, module: string, method: string, path: string, req: { params?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
  const router = moduleOf(app, module).default as { stack: RouteLayer[] };
  const layer = router.stack.find((l) => l.route?.path === path && (l.route.methods[method.toLowerCase()] || l.route.methods._all));
  if (!layer?.route) throw new Error(`${module} has no route ${method} ${path}`);
  const reply: Reply = { status: 200 };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    json(body: unknown) {
      reply.body = body;
      return res;
    },
    send(body?: unknown) {
      reply.body = body;
      return res;
    },
    sendStatus(code: number) {
      reply.status = code;
      return res;
    },
  };
  let failure: unknown = null;
  await layer.route.stack[0].handle({ method: method.toUpperCase(), params: req.params ?? {}, body: req.body ?? {}, query: {} }, res, (e) => (failure = e ?? null));
  if (failure) throw failure;
  return reply;
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

function exported(app: AppModules, module: string, name: string): AnyFunction {
  const fn = moduleOf(app, module)[name];
  if (typeof fn !== 'function') throw new Error(`${module} does not export a function ${name}`);
  return fn as AnyFunction;
}

export const INTEGRATION_SCENARIOS: Scenario[] = [
  { name: 'list orders awaiting fulfillment', run: (app) => callRoute(app, 'src/routes/orders.js', 'GET', '/orders') },
  { name: 'an order with its products', run: (app) => callRoute(app, 'src/routes/orders.js', 'GET', '/orders/:id', { params: { id: '101' } }) },
  { name: 'ship an order', run: (app) => callRoute(app, 'src/routes/orders.js', 'POST', '/orders/:id/ship', { params: { id: '102' } }) },
  { name: 'list products', run: (app) => callRoute(app, 'src/routes/products.js', 'GET', '/products') },
  { name: 'change a price', run: (app) => callRoute(app, 'src/routes/products.js', 'PUT', '/products/:id/price', { params: { id: '77' }, body: { price: 15 } }) },
  {
    name: 'remove a product image',
    run: async (app) => {
      // The stand-in store has no product images: add one through the app's own exported client
      // (without a suffix, which both APIs accept), then let the route delete it.
      const client = moduleOf(app, 'src/lib/bigcommerce-client.js').bigcommerce as { post(path: string, data: unknown): Promise<{ id: number }> };
      const image = await client.post('/products/77/images', { image_file: 'mug-side.jpg' });
      return callRoute(app, 'src/routes/products.js', 'DELETE', '/products/:id/images/:imageId', { params: { id: '77', imageId: String(image.id) } });
    },
  },
  // The proxy forwards any method and path, so no report can name its scopes (the scan marks it
  // incomplete). Here it forwards a read that the reported scopes cover; its path is given the way
  // the route hands it to the client, with the leading slash the client's URL joining expects.
  { name: 'proxy a read', run: (app) => callRoute(app, 'src/routes/proxy.js', 'GET', '/store-proxy/*', { params: { 0: '/orders/count' } }) },
  { name: 'customer report', run: (app) => exported(app, 'src/jobs/customer-report.ts', 'customerReport')() },
  { name: 'seed a coupon', run: (app) => exported(app, 'src/jobs/coupon-seeder.ts', 'seedCoupon')('SPRING10') },
];
