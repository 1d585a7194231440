// The fix side of the project pass, through the planner `fix` and `review` use: definition edits
// merged into one Patch per file, shared edits made for whole groups only.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRewrites } from '../../../src/rewrite/plan.ts';
import { testConfig } from '../../analyze/helpers.ts';
import { DEEP_FIXTURES, scanDeep } from '../../analyze/project/helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'deep-fix-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyFixture(name: string, as: string): string {
  const root = join(temp, as);
  cpSync(join(DEEP_FIXTURES, name), root, { recursive: true });
  return root;
}

describe('planRewrites on the integration fixture', async () => {
  const scan = await scanDeep('integration');
  const { patches } = await planRewrites(scan, testConfig);
  const after = (file: string) => patches.find((p) => p.file === file)?.after ?? null;

  it('patches each file once, and only the files that need a change', () => {
    expect(patches.map((p) => p.file)).toEqual([
      '.env.example',
      'config/default.json',
      'src/jobs/customer-report.ts',
      'src/lib/bigcommerce-client.js',
      'src/lib/store-api.ts',
      'src/routes/orders.js',
      'src/routes/products.js',
    ]);
  });

  it('rewrites the store URL and the /api/v2 prefix where the JSON config defines them', () => {
    expect(JSON.parse(after('config/default.json')!).bigcommerce).toEqual({ storeUrl: 'https://api.bigcommerce.com/stores/k7x2m9', apiPath: '/v2' });
  });

  it('gives .env.example the OAuth names and takes the legacy credentials out', () => {
    const env = after('.env.example')!;
    expect(env).toContain('BIGCOMMERCE_STORE_HASH=k7x2m9\n');
    expect(env).toContain('BIGCOMMERCE_ACCESS_TOKEN=\n');
    expect(env).not.toMatch(/BC_API_USER|BC_API_KEY/);
    expect(env).toContain('BC_STORE_URL=https://api.bigcommerce.com/stores/k7x2m9\n');
  });

  it('replaces basic auth with the token header in the client class and the axios instance', () => {
    expect(after('src/lib/bigcommerce-client.js')).toContain("headers: { Accept: 'application/json', 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN },");
    expect(after('src/lib/bigcommerce-client.js')).not.toContain('auth: this.credentials');
    expect(after('src/lib/store-api.ts')).toContain("headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },");
  });

  it('only drops the .json suffix at call sites, leaving calls without one alone', () => {
    expect(after('src/routes/orders.js')).toContain("bigcommerce.get('/orders?status_id=11')");
    expect(patches.some((p) => p.file === 'src/jobs/coupon-seeder.ts' || p.file === 'src/routes/proxy.js')).toBe(false);
  });

  it('names the findings each patch resolves', () => {
    const json = patches.find((p) => p.file === 'config/default.json')!;
    const resolved = scan.report.findings.filter((f) => json.findingIds.includes(f.id)).map((f) => `${f.file}:${f.line}`);
    expect(resolved).toEqual(expect.arrayContaining(['src/routes/orders.js:7', 'src/jobs/coupon-seeder.ts:5', 'src/lib/store-api.ts:5']));
  });

  it('leaves a tree in which scan finds nothing left to fix', async () => {
    const root = copyFixture('integration', 'fixed');
    for (const patch of patches) writeFileSync(join(root, patch.file), patch.after);
    const rescan = await scanDeep(root);
    expect(rescan.report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([]);
  });
});

describe('env files', () => {
  it('never rewrites a real .env and reports it instead', async () => {
    const root = copyFixture('env-file', 'real-env');
    rmSync(join(root, '.env.example'));
    writeFileSync(join(root, '.env'), 'BC_STORE_URL=https://store-eee555.mybigcommerce.com\n');
    const scan = await scanDeep(root);
    const { patches } = await planRewrites(scan, testConfig);
    expect(patches.map((p) => p.file)).toEqual(['src/categories.js']);
    const call = scan.report.findings.find((f) => f.file === 'src/categories.js' && f.rule === 'legacy-api-call')!;
    expect(call.notes.map((n) => n.kind)).toContain('real-env-file');
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe('BC_STORE_URL=https://store-eee555.mybigcommerce.com\n');
  });
});

describe('files the fast scan rewrites too', async () => {
  const scan = await scanDeep(join(DEEP_FIXTURES, '../example-app'));
  const { patches } = await planRewrites(scan, testConfig);

  it('get the cross-file edit and their own in one patch', () => {
    const report = patches.find((p) => p.file === 'src/customers-report.ts')!.after;
    expect(report).toContain("process.env.BC_STORE_URL || 'https://api.bigcommerce.com/stores/abc123'");
    expect(report).toContain('fetch(`${STORE_URL}/v2${path}`');
    expect(report).toContain("'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string");
  });
});

describe('findings that share a cross-file edit', async () => {
  const scan = await scanDeep('integration');
  const full = await planRewrites(scan, testConfig);
  const ordersCall = scan.report.findings.find((f) => f.file === 'src/routes/orders.js' && f.line === 7)!;
  const seederCall = scan.report.findings.find((f) => f.file === 'src/jobs/coupon-seeder.ts' && f.line === 5)!;

  it('form one group: the shared config, client and env template move them all', () => {
    const group = full.groups.find((g) => g.includes(ordersCall.id));
    expect(group).toBeDefined();
    expect(group).toContain(seederCall.id);
  });

  it('are not rewritten when only some of them are selected, and each says why', async () => {
    const partial = await planRewrites(scan, testConfig, { only: new Set([ordersCall.id]) });
    expect(partial.patches.map((p) => p.file)).toEqual([]);
    expect(partial.skips.map((s) => `${s.file}:${s.line}`)).toEqual(['src/routes/orders.js:7']);
    expect(partial.skips[0].reason).toMatch(/accept them together/);
  });

  it('are rewritten in full when the whole group is selected', async () => {
    const group = full.groups.find((g) => g.includes(ordersCall.id))!;
    const whole = await planRewrites(scan, testConfig, { only: new Set(group) });
    expect(whole.patches.map((p) => [p.file, p.after])).toEqual(full.patches.map((p) => [p.file, p.after]));
  });
});

describe('planRewrites where the Basic header came from a helper of another module', async () => {
  const scan = await scanDeep('imported-auth-helper');
  const { patches } = await planRewrites(scan, testConfig);
  const after = (file: string) => patches.find((p) => p.file === file)?.after ?? '';

  it('takes out the import the rewrite leaves unused, and keeps the names still read', () => {
    expect(after('src/coupons.js')).not.toContain("require('./lib/auth')");
    expect(after('src/brands.mjs')).not.toContain('authHeader');
    expect(after('src/orders.js').split('\n')[0]).toBe("const { userAgent } = require('./lib/auth');");
    expect(patches.some((p) => p.file.startsWith('src/lib/'))).toBe(false);
  });

  it('asks for JSON beside the token, as every rewritten call does, where the headers do not already', () => {
    expect(after('src/coupons.js')).toContain("headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' }");
  });

  it('leaves a tree in which scan finds nothing left to fix', async () => {
    const root = copyFixture('imported-auth-helper', 'fixed-helper');
    for (const patch of patches) writeFileSync(join(root, patch.file), patch.after);
    const rescan = await scanDeep(root);
    expect(rescan.report.findings).toEqual([]);
  });
});


describe('planRewrites where the store URL constant is also exported for a storefront link', async () => {
  const scan = await scanDeep('shared-store-link');
  const plan = await planRewrites(scan, testConfig);

  it('leaves the constant for a person, and each call through it says why', () => {
    expect(plan.patches.map((p) => [p.file, p.after])).toEqual([]);
    expect(plan.skips.map((s) => `${s.file}:${s.line}`).sort()).toEqual(['src/o.ts:2', 'src/o.ts:3', 'src/p.ts:2']);
    for (const skip of plan.skips) expect(skip.reason).toBe('Code it needs to change (src/bc.ts:1) is also used by code this run does not rewrite; change it by hand or rewrite those calls too.');
  });
});

describe('planRewrites where a headers object of another module is imported by a request to another host', async () => {
  const scan = await scanDeep('shared-auth-headers');
  const plan = await planRewrites(scan, testConfig);

  it('leaves the shared headers and the call through them for a person, and rewrites headers only legacy calls read', () => {
    expect(plan.patches.map((p) => p.file)).toEqual(['src/lib/bc-auth.js', 'src/products.js']);
    expect(plan.patches[0].after).toContain("'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN");
    expect(plan.patches[0].after.match(/Accept/g)).toHaveLength(1);
    expect(plan.skips.map((s) => [`${s.file}:${s.line}`, s.reason])).toEqual([
      ['src/orders.js:2', 'Code it needs to change (src/lib/auth.js:2) is also used by code this run does not rewrite; change it by hand or rewrite those calls too.'],
    ]);
  });
});

describe('planRewrites where basic auth sits beside an X-Auth-Token header in another module', async () => {
  const scan = await scanDeep('token-beside-basic-auth');
  const plan = await planRewrites(scan, testConfig);

  it('adds no second X-Auth-Token, and each call says why it is left', () => {
    expect(plan.patches).toEqual([]);
    expect(plan.skips.map((s) => [`${s.file}:${s.line}`, s.reason]).sort()).toEqual([
      ['src/brands.js:2', 'The headers at src/lib/headers.js:3 already send X-Auth-Token beside the basic auth: this code chooses between OAuth and legacy auth; it must be untangled by hand.'],
      ['src/client.ts:4', 'This code chooses between OAuth and legacy auth in the same request; it must be untangled by hand.'],
      ['src/orders.ts:4', 'It shares code with the client config at src/client.ts:4, which cannot be rewritten: This code chooses between OAuth and legacy auth in the same request; it must be untangled by hand.'],
    ]);
  });
});
