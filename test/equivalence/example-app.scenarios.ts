// What the example app does when run, shared by its legacy test and (later) its migration proof.

import { fileURLToPath } from 'node:url';
import { TEST_ACCOUNT, type AppModules, type Env, type Scenario } from './harness.ts';

export const EXAMPLE_APP_DIR = fileURLToPath(new URL('../../fixtures/example-app/', import.meta.url));

export const EXAMPLE_MODULES = [
  'src/order-sync.js',
  'src/product-updater.ts',
  'src/webhook-seeder.js',
  'src/customers-report.ts',
] as const;

/** The legacy account, as the app's .env.example names it. */
export const EXAMPLE_LEGACY_ENV: Env = {
  BC_STORE_URL: 'https://store-abc123.mybigcommerce.com',
  BC_API_USER: TEST_ACCOUNT.username,
  BC_API_KEY: TEST_ACCOUNT.apiKey,
};

export const EXAMPLE_SHARED_ENV: Env = { WEBHOOK_BASE_URL: 'https://jobs.acme.example' };

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

function exported(app: AppModules, module: string, name: string): AnyFunction {
  const fn = app[module]?.[name];
  if (typeof fn !== 'function') throw new Error(`${module} does not export a function ${name}`);
  return fn as AnyFunction;
}

export const EXAMPLE_SCENARIOS: Scenario[] = [
  // Page size 2 over three matching orders: a full page, then a short one.
  { name: 'sync orders', run: (app) => exported(app, 'src/order-sync.js', 'syncOrders')({ pageSize: 2 }) },
  {
    name: 'apply product changes',
    run: (app) =>
      exported(app, 'src/product-updater.ts', 'applyProductChanges')([
        { sku: 'MUG-BLK', price: 14 },
        { sku: 'TEE-L', inventoryLevel: 9 },
        { sku: 'DISCONTINUED-1', price: 1 },
      ]),
  },
  { name: 'seed webhooks', run: (app) => exported(app, 'src/webhook-seeder.js', 'seedWebhooks')() },
  { name: 'customers report', run: (app) => exported(app, 'src/customers-report.ts', 'buildCustomersReport')() },
];
