// Hand-built reports shaped like the analyzer's output, for the reporter tests.
import type { Finding, Report, SecretSet } from '../../src/types.ts';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-orders-get',
    rule: 'legacy-api-call',
    file: 'src/jobs/order-sync.ts',
    line: 12,
    column: 21,
    endLine: 14,
    endColumn: 4,
    confidence: 'high',
    host: { kind: 'store-hostname', name: 'store-abc123.mybigcommerce.com', storeHash: 'abc123', storeHashSource: 'hostname' },
    method: 'GET',
    endpoint: '/v2/orders',
    scope: 'store_v2_orders_read_only',
    client: 'fetch',
    fixable: true,
    message: 'fetch sends basic auth to store-abc123.mybigcommerce.com/api/v2/orders',
    notes: [],
    trace: [
      { role: 'host', file: 'src/config.ts', line: 3, description: 'STORE_URL constant' },
      { role: 'auth', file: 'src/jobs/order-sync.ts', line: 8, description: "Authorization header from basicAuth()" },
    ],
    snippet: [
      'const res = await fetch(`${STORE_URL}/api/v2/orders.json?status_id=11`, {',
      '  headers: { Authorization: basicAuth(), Accept: "application/json" },',
      '});',
    ].join('\n'),
    ...overrides,
  };
}

/** A report with one of everything: several files and clients, notes, unmapped, errors, skipped. */
export function sampleReport(): Report {
  const findings: Finding[] = [
    finding(),
    finding({
      id: 'f-products-put',
      file: 'src/jobs/product-updater.ts',
      line: 30,
      column: 9,
      endLine: 30,
      endColumn: 70,
      method: 'PUT',
      endpoint: '/v2/products/{id}',
      scope: 'store_v2_products',
      client: 'axios',
      message: 'axios.put sends basic auth to store-abc123.mybigcommerce.com/api/v2/products/{id}',
      trace: [],
      snippet: "await client.put(`/api/v2/products/${product.id}.json`, body);",
    }),
    finding({
      id: 'f-custom-domain',
      file: 'src/jobs/product-updater.ts',
      line: 48,
      column: 3,
      endLine: 48,
      endColumn: 60,
      host: { kind: 'custom-domain', name: 'shop.example.com', storeHash: null },
      method: 'GET',
      endpoint: '/v2/products',
      scope: 'store_v2_products_read_only',
      client: 'got',
      message: 'got sends basic auth to shop.example.com/api/v2/products',
      notes: [{ kind: 'custom-domain-no-hash', message: 'shop.example.com has no store hash; add it under `stores:` in .bc-oauth-migrate.yml' }],
      trace: [],
      snippet: "const list = await got('https://shop.example.com/api/v2/products', { username, password }).json();",
    }),
    finding({
      id: 'f-wrapper',
      rule: 'legacy-request-wrapper',
      file: 'src/lib/bc.ts',
      line: 5,
      column: 1,
      endLine: 11,
      endColumn: 2,
      method: null,
      endpoint: null,
      scope: null,
      client: 'fetch',
      fixable: true,
      confidence: 'medium',
      message: 'bcRequest(method, path) builds legacy basic-auth requests from its parameters',
      notes: [{ kind: 'dynamic-method', message: 'The HTTP method comes from the `method` parameter' }],
      trace: [],
      snippet: 'export async function bcRequest(method: string, path: string) {\n  return fetch(BASE + path, { method, headers: { Authorization: AUTH } });\n}\n',
    }),
    finding({
      id: 'f-browser',
      file: 'public/js/cart.js',
      line: 7,
      column: 1,
      endLine: 7,
      endColumn: 80,
      method: 'POST',
      endpoint: '/v2/customers',
      scope: 'store_v2_customers',
      client: 'jquery',
      fixable: false,
      message: '$.ajax sends basic auth to store-abc123.mybigcommerce.com/api/v2/customers',
      notes: [{ kind: 'browser-side', message: 'Runs in the browser: move this call behind a server-side proxy' }],
      trace: [],
      snippet: "$.ajax({ url: BASE + '/api/v2/customers', type: 'POST', username: U, password: P });",
    }),
    finding({
      id: 'f-unmapped',
      file: 'src/jobs/order-sync.ts',
      line: 40,
      column: 5,
      endLine: 40,
      endColumn: 50,
      method: 'GET',
      endpoint: '/v2/frobnicators',
      scope: null,
      client: 'fetch',
      message: 'fetch sends basic auth to store-abc123.mybigcommerce.com/api/v2/frobnicators',
      notes: [{ kind: 'unmapped-endpoint', message: '/v2/frobnicators is not in the scope catalogue' }],
      trace: [],
      snippet: 'await fetch(`${STORE_URL}/api/v2/frobnicators`, { headers: { Authorization: basicAuth() } });',
    }),
    finding({
      id: 'f-env',
      rule: 'legacy-credentials-config',
      file: '.env.example',
      line: 1,
      column: 1,
      endLine: 3,
      endColumn: 20,
      method: null,
      endpoint: null,
      scope: null,
      client: 'env',
      message: '.env.example holds a legacy store URL with a username and API key',
      trace: [],
      snippet: 'BC_STORE_URL=https://store-abc123.mybigcommerce.com\nBC_USERNAME=admin\nBC_API_KEY=',
    }),
  ];
  return {
    schemaVersion: 1,
    tool: { name: 'bc-oauth-migrate', version: '0.1.0' },
    root: '/home/dev/legacy-app',
    summary: {
      filesScanned: 42,
      findings: findings.length,
      errors: 1,
      complete: false,
      fixable: findings.filter((f) => f.fixable).length,
      needsHuman: 4,
      skipped: 1,
    },
    findings,
    scopes: [
      {
        scope: 'store_v2_products',
        access: 'modify',
        label: 'Products: modify',
        endpoints: [
          { method: 'PUT', endpoint: '/v2/products/{id}', locations: ['src/jobs/product-updater.ts:30'] },
          { method: 'GET', endpoint: '/v2/products', locations: ['src/jobs/product-updater.ts:48'] },
        ],
      },
      {
        scope: 'store_v2_orders_read_only',
        access: 'read_only',
        label: 'Orders: read-only',
        endpoints: [{ method: 'GET', endpoint: '/v2/orders', locations: ['src/jobs/order-sync.ts:12'] }],
      },
      {
        scope: 'store_v2_customers',
        access: 'modify',
        label: 'Customers: modify',
        endpoints: [{ method: 'POST', endpoint: '/v2/customers', locations: ['public/js/cart.js:7'] }],
        note: 'Customer passwords also need store_v2_customers_login',
      },
    ],
    unmapped: [
      { method: 'GET', endpoint: '/v2/frobnicators', locations: ['src/jobs/order-sync.ts:40'], reason: 'not in the scope catalogue' },
    ],
    errors: [{ file: 'src/broken.ts', message: "Unexpected token, expected ',' (3:14)" }],
    skipped: [{ file: 'assets/logo.js', reason: 'binary', message: 'binary content in a .js file' }],
  };
}

export function emptyReport(): Report {
  return {
    ...sampleReport(),
    summary: { filesScanned: 10, findings: 0, errors: 0, complete: true, fixable: 0, needsHuman: 0, skipped: 0 },
    findings: [],
    scopes: [],
    unmapped: [],
    errors: [],
    skipped: [],
  };
}

export const PLANTED_SECRET = 'hunter2-9f8e7d6c5b4a3210fedcba98';
export const PLANTED_BASIC = Buffer.from(`admin:${PLANTED_SECRET}`).toString('base64');

export function plantedSecrets(): SecretSet {
  return { values: new Set([PLANTED_SECRET]) };
}

/** The sample report with the planted secret (raw and as a Basic token) in the fields a reporter prints. */
export function reportWithPlantedSecret(): Report {
  const report = sampleReport();
  const f = report.findings[0];
  f.message = `fetch sends basic auth with key ${PLANTED_SECRET}`;
  f.snippet = `const AUTH = 'Basic ${PLANTED_BASIC}'; // key ${PLANTED_SECRET}`;
  f.host = { ...f.host!, name: `admin:${PLANTED_SECRET}@store-abc123.mybigcommerce.com` };
  f.notes = [{ kind: 'dual-mode', message: `fallback key ${PLANTED_SECRET}` }];
  f.trace = [{ role: 'auth', file: f.file, line: 8, description: `password ${PLANTED_SECRET}` }];
  report.errors = [{ file: 'src/broken.ts', message: `Unexpected token near "${PLANTED_SECRET}"` }];
  report.unmapped[0].reason = `called with ${PLANTED_SECRET}`;
  return report;
}
