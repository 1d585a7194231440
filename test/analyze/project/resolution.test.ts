// One small fixture per kind of cross-file resolution (fixtures/deep/<kind>).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEEP_FIXTURES, findingAt, scanDeep, summarize, traceLines } from './helpers.ts';

describe('imported constants and object properties', async () => {
  const { report } = await scanDeep('imported-constant');

  it('resolves a named export re-exported under another name through a barrel', () => {
    expect(findingAt(report.findings, 'src/orders.ts:6').host).toMatchObject({ kind: 'store-hostname', storeHash: 'aaa111' });
  });

  it('resolves a property of a default export re-exported by name', () => {
    expect(findingAt(report.findings, 'src/orders.ts:10').host).toMatchObject({ kind: 'store-hostname', storeHash: 'bbb222' });
  });

  it('resolves a property read straight off require()', () => {
    expect(findingAt(report.findings, 'src/customers.js:4').host).toMatchObject({ kind: 'store-hostname', storeHash: 'ccc333' });
  });

  it('traces the host to the module that defines it', () => {
    expect(traceLines(findingAt(report.findings, 'src/orders.ts:6'))).toContain('host src/settings/store.ts:1');
  });
});

describe('an auth helper imported from another module', async () => {
  const { report } = await scanDeep('imported-auth-helper');

  it('reads the Basic header a helper of another module returns, with or without arguments, CommonJS and ESM', () => {
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.endpoint} ${f.confidence} ${f.fixable}`).sort()).toEqual([
      'src/brands.mjs:4 /v2/brands high true',
      'src/coupons.js:4 /v2/coupons high true',
      'src/orders.js:4 /v2/orders high true',
    ]);
  });
});

describe('JSON config', async () => {
  const { report } = await scanDeep('json-config');

  it('resolves a value of a required JSON file and traces it to its line', () => {
    const brands = findingAt(report.findings, 'src/brands.js:5');
    expect(brands.host).toMatchObject({ kind: 'store-hostname', storeHash: 'ddd444' });
    expect(traceLines(brands)).toContain('host config/bigcommerce.json:3');
  });
});

describe('process.env from env files', () => {
  const temp = mkdtempSync(join(tmpdir(), 'deep-env-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('takes a value written only in .env.example as the host, says so, and traces it there', async () => {
    const { report } = await scanDeep('env-file');
    const call = findingAt(report.findings, 'src/categories.js:4');
    expect(call.host).toMatchObject({ kind: 'store-hostname', storeHash: 'eee555' });
    expect(call.notes.find((n) => n.kind === 'dynamic-host')?.message).toMatch(/BC_STORE_URL.*\.env\.example:1/);
    expect(traceLines(call)).toContain('host .env.example:1');
  });

  it('says a value read from a real .env must be changed there by hand', async () => {
    const root = join(temp, 'real');
    cpSync(join(DEEP_FIXTURES, 'env-file'), root, { recursive: true });
    rmSync(join(root, '.env.example'));
    writeFileSync(join(root, '.env'), 'BC_STORE_URL=https://store-eee555.mybigcommerce.com\nBC_API_USER=sync\nBC_API_KEY=0123456789abcdef0123456789abcdef\n');
    const { report } = await scanDeep(root);
    const call = findingAt(report.findings, 'src/categories.js:4');
    expect(call.host?.storeHash).toBe('eee555');
    expect(call.notes.map((n) => n.kind)).toContain('real-env-file');
  });

  it('leaves the host unknown when two env files disagree', async () => {
    const root = join(temp, 'disagree');
    cpSync(join(DEEP_FIXTURES, 'env-file'), root, { recursive: true });
    writeFileSync(join(root, '.env.staging'), 'BC_STORE_URL=https://store-zzz000.mybigcommerce.com\n');
    const { report } = await scanDeep(root);
    expect(report.findings.some((f) => f.file === 'src/categories.js' && f.host?.storeHash)).toBe(false);
  });
});

describe('the process.env fallback literal', async () => {
  const { report } = await scanDeep(join(DEEP_FIXTURES, '../example-app'));

  it('trusts the literal after || as the host, with a note that the variable may point elsewhere', () => {
    const call = findingAt(report.findings, 'src/customers-report.ts:32');
    expect(call.host).toMatchObject({ kind: 'store-hostname', storeHash: 'abc123' });
    expect(call.fixable).toBe(true);
    expect(call.notes.find((n) => n.kind === 'dynamic-host')?.message).toMatch(/fallback of `process\.env\.BC_STORE_URL`.*may point elsewhere/);
  });
});

describe('wrapper functions used from other files', async () => {
  const { report } = await scanDeep('wrapper-function');

  it('reports each call site with the method and endpoint its arguments give', () => {
    expect(summarize(report.findings)).toEqual([
      'src/routes/customers.js:7 legacy-api-call GET /v2/customers store_v2_customers_read_only store-fff666.mybigcommerce.com',
      'src/routes/customers.js:8 legacy-api-call GET /v2/customers/{id} store_v2_customers_read_only store-fff666.mybigcommerce.com',
      'src/routes/customers.js:9 legacy-api-call GET /v2/customer_groups store_v2_customers_read_only store-fff666.mybigcommerce.com',
      'src/routes/orders.js:3 legacy-api-call GET /v2/orders store_v2_orders_read_only store-fff666.mybigcommerce.com',
      'src/routes/orders.js:4 legacy-api-call POST /v2/orders/{id}/shipments store_v2_orders store-fff666.mybigcommerce.com',
      'src/routes/passthrough.js:4 legacy-api-call - - - store-fff666.mybigcommerce.com',
    ]);
  });

  it('reports a call whose arguments are dynamic as such', () => {
    const kinds = findingAt(report.findings, 'src/routes/passthrough.js:4').notes.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['dynamic-endpoint', 'dynamic-method']));
    expect(findingAt(report.findings, 'src/routes/passthrough.js:4').message).toContain('${req.path}');
  });

  it('traces a path kept in a constant of the calling file to that constant', () => {
    expect(traceLines(findingAt(report.findings, 'src/routes/customers.js:7'))).toEqual(expect.arrayContaining(['path src/routes/customers.js:4', 'call src/routes/customers.js:7']));
  });

  it('traces a call site to the wrapper definition', () => {
    expect(traceLines(findingAt(report.findings, 'src/routes/orders.js:4'))).toEqual(expect.arrayContaining(['call src/routes/orders.js:4', 'definition src/lib/bc.js:5']));
  });
});

describe('client instances exported from one module', async () => {
  const { report } = await scanDeep('axios-instance');

  it('reports calls on an imported axios instance with the base URL it was created with', () => {
    expect(summarize(report.findings)).toEqual([
      'src/customers.ts:3 legacy-api-call GET /v2/customers store_v2_customers_read_only store-ggg777.mybigcommerce.com',
      'src/customers.ts:4 legacy-api-call DELETE /v2/customers/{id} store_v2_customers store-ggg777.mybigcommerce.com',
    ]);
  });
});

describe('cycles between modules', async () => {
  const { report } = await scanDeep('cycles');

  it('resolves a value built across two modules that import each other', () => {
    expect(findingAt(report.findings, 'src/client.js:5')).toMatchObject({ endpoint: '/v2/orders', host: { storeHash: 'hhh888' } });
  });

  it('terminates on values that only name each other, leaving the host unknown', () => {
    expect(findingAt(report.findings, 'src/client.js:6').host?.kind).toBe('unknown');
  });
});

describe('credentials written in another module', async () => {
  const scan = await scanDeep('shared-credentials');

  it('reports the key where it is written and collects it for redaction', () => {
    expect(summarize(scan.report.findings, ['hardcoded-credential']).map((s) => s.split(' ')[0])).toEqual(['src/credentials.js:4']);
    expect(scan.secrets.values.has('f3c9a1e07b2d4c5e8a6b9d0c1e2f3a4b')).toBe(true);
    expect(JSON.stringify(scan.report)).not.toContain('f3c9a1e07b2d4c5e8a6b9d0c1e2f3a4b');
  });
});
