// `bc-oauth-migrate scan` end to end: the real CLI on temporary copies of fixture repos.
import { readFileSync, realpathSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.ts';
import { cleanTempDirsAfterAll, copyFixture, findingRows, makeTempDir, REPO_ROOT, runCli, runJson, UNPARSED_SECRETS } from './helpers.ts';

cleanTempDirsAfterAll();

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Every call site in the example app, with the scope its own method needs. */
const EXAMPLE_CALLS = [
  'src/customers-report.ts:32 legacy-api-call GET /v2/customers store_v2_customers_read_only',
  'src/customers-report.ts:33 legacy-api-call GET /v2/customer_groups/count store_v2_customers_read_only',
  'src/order-sync.js:29 legacy-api-call GET /v2/orders store_v2_orders_read_only',
  'src/order-sync.js:44 legacy-api-call GET /v2/orders/{id}/products store_v2_orders_read_only',
  'src/order-sync.js:53 legacy-api-call PUT /v2/orders/{id} store_v2_orders',
  'src/product-updater.ts:28 legacy-api-call GET /v2/products store_v2_products_read_only',
  'src/product-updater.ts:35 legacy-api-call PUT /v2/products/{id} store_v2_products',
  'src/webhook-seeder.js:27 legacy-api-call GET /v2/store store_v2_information_read_only',
  // Webhooks need only the default scope: nothing to select.
  'src/webhook-seeder.js:45 legacy-api-call POST /v2/hooks -',
];

const EXAMPLE_SCOPES = [
  ['store_v2_customers_read_only', 'read_only', 'Customers: read-only'],
  ['store_v2_information_read_only', 'read_only', 'Information & Settings: read-only'],
  ['store_v2_orders', 'modify', 'Orders: modify'],
  ['store_v2_products', 'modify', 'Products: modify'],
];

describe('scan on a copy of the example app', () => {
  it('reports every legacy call with its file, line, method, endpoint and scope in JSON', async () => {
    const dir = await copyFixture('example-app');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report).filter((row) => row.includes(' legacy-api-call '))).toEqual(EXAMPLE_CALLS);
    expect(findingRows(report)).toEqual(
      expect.arrayContaining([
        '.env.example:2 legacy-credentials-config - - -',
        'src/customers-report.ts:19 legacy-request-wrapper GET - -',
        'src/product-updater.ts:18 legacy-client-config - - -',
      ]),
    );
  });

  it('gives the minimal scope list, one entry per scope with its control-panel words and call sites', async () => {
    const dir = await copyFixture('example-app');
    const { report } = await runJson(['scan'], { cwd: dir });
    expect(report.scopes.map((s) => [s.scope, s.access, s.label])).toEqual(EXAMPLE_SCOPES);
    const orders = report.scopes.find((s) => s.scope === 'store_v2_orders');
    expect(orders?.endpoints).toEqual(
      expect.arrayContaining([{ method: 'PUT', endpoint: '/v2/orders/{id}', locations: ['src/order-sync.js:53'] }]),
    );
    expect(report.unmapped).toEqual([]);
    expect(report.summary.complete).toBe(true);
  });

  it('follows the JSON contract: the schema, schemaVersion 1, the tool, the root, relative forward-slash paths, 1-based lines', async () => {
    const dir = await copyFixture('example-app');
    const { report } = await runJson(['scan', '.'], { cwd: dir });
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')));
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'bc-oauth-migrate', version: VERSION });
    expect(realpathSync(report.root)).toBe(realpathSync(dir));
    expect(report.summary.findings).toBe(report.findings.length);
    expect(report.summary.errors).toBe(0);
    for (const f of report.findings) {
      expect(f.file.split('/')).not.toContain('..');
      expect(f.file).not.toContain('\\');
      expect(f.file.startsWith('./') || f.file.startsWith('/')).toBe(false);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(['high', 'medium', 'low']).toContain(f.confidence);
      if (f.method !== null) expect(f.method).toBe(f.method.toUpperCase());
      if (f.endpoint !== null) expect(f.endpoint).toMatch(/^\/v[23]\//);
    }
  });

  it('gives the same report whatever the current folder, with paths relative to the scanned root', async () => {
    const dir = await copyFixture('example-app');
    const fromInside = await runJson(['scan'], { cwd: dir });
    const fromOutside = await runJson(['scan', dir], { cwd: REPO_ROOT });
    expect(findingRows(fromOutside.report)).toEqual(findingRows(fromInside.report));
  });

  it('prints findings grouped by file, the scope checklist and what needs a human as text, and exits 0', async () => {
    const dir = await copyFixture('example-app');
    const { stdout, stderr, code } = await runCli(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const file of ['src/order-sync.js', 'src/product-updater.ts', 'src/webhook-seeder.js', 'src/customers-report.ts']) {
      expect(stdout).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}$`, 'm'));
    }
    expect(stdout).toContain('PUT /v2/orders/{id}');
    // The code frame shows the line of the call.
    expect(stdout).toMatch(/53 \| .*fetch\(`\$\{BC_API_BASE\}\/orders\/\$\{orderId\}`/);
    const checklist = stdout.slice(stdout.indexOf('Scopes to request'));
    for (const [, , label] of EXAMPLE_SCOPES) expect(checklist).toContain(label);
    expect(stdout).toContain('Needs a human');
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('prints a Markdown report with a scope checklist and a findings table', async () => {
    const dir = await copyFixture('example-app');
    const { stdout, code } = await runCli(['scan', '--format', 'markdown'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## /m);
    expect(stdout).toContain('- [ ] **Orders: modify** (`store_v2_orders`)');
    expect(stdout).toContain('- [ ] **Products: modify** (`store_v2_products`)');
    expect(stdout).toMatch(/^\| `src\/order-sync\.js:53:\d+` \| `legacy-api-call` \| PUT \/v2\/orders\/\{id\} \|/m);
  });

  it('writes the report to --output instead of stdout', async () => {
    const dir = await copyFixture('example-app');
    const out = join(dir, '..', 'report.json');
    const result = await runCli(['scan', '--format', 'json', '--output', out], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const written = JSON.parse(await readFile(out, 'utf8'));
    const { report } = await runJson(['scan'], { cwd: dir });
    expect(written.findings).toEqual(report.findings);
  });
});

describe('scan of what needs a human', () => {
  it('reports a custom domain without a store hash, with its note, in JSON and text', async () => {
    const dir = await copyFixture('e2e/custom-domain');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual(['src/shop.js:6 legacy-api-call GET /v2/orders/{id}/shipments store_v2_orders_read_only']);
    const [finding] = report.findings;
    expect(finding.host).toMatchObject({ kind: 'custom-domain', name: 'shop.acme-outfitters.example', storeHash: null });
    expect(finding.notes.map((n) => n.kind)).toContain('custom-domain-no-hash');
    const text = await runCli(['scan'], { cwd: dir });
    const human = text.stdout.slice(text.stdout.indexOf('Needs a human'));
    expect(human).toMatch(/src\/shop\.js:6 .*custom domain/);
  });

  it('takes the store hash of a custom domain from the config file given with --config', async () => {
    const dir = await copyFixture('e2e/custom-domain');
    const { report, code } = await runJson(['scan', '--config', 'stores.yml'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.findings[0].host).toMatchObject({ kind: 'custom-domain', storeHash: 'abc123', storeHashSource: 'config' });
    expect(report.findings[0].notes.map((n) => n.kind)).not.toContain('custom-domain-no-hash');
  });

  it('lists an endpoint the catalogue does not know as unmapped and marks the report incomplete, still exiting 0', async () => {
    const dir = await copyFixture('e2e/unmapped');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual(['src/loyalty.js:5 legacy-api-call GET /v2/loyalty_points/{id} -']);
    expect(report.unmapped).toEqual([expect.objectContaining({ method: 'GET', endpoint: '/v2/loyalty_points/{id}', locations: ['src/loyalty.js:5'] })]);
    expect(report.summary.complete).toBe(false);
  });
});

describe('scan of files it cannot or must not read', () => {
  it('lists a file that does not parse under errors and scans the rest', async () => {
    const dir = await copyFixture('e2e/parse-error');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].file).toBe('src/broken.ts');
    expect(report.errors[0].message).toMatch(/line 2/);
    expect(findingRows(report)).toEqual(['src/orders.js:5 legacy-api-call GET /v2/orders store_v2_orders_read_only']);
    expect(report.summary.complete).toBe(false);
    const text = await runCli(['scan'], { cwd: dir });
    expect(text.stdout).toMatch(/src\/broken\.ts: .*line 2/);
  });

  it('skips a binary file with a .js name, with a note', async () => {
    const dir = await copyFixture('e2e/skips');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.skipped).toEqual([expect.objectContaining({ file: 'src/blob.js', reason: 'binary' })]);
    // blob.js starts with a legacy call; only the binary rule keeps it out.
    expect(report.findings.map((f) => f.file)).not.toContain('src/blob.js');
    const text = await runCli(['scan'], { cwd: dir });
    expect(text.stdout).toMatch(/src\/blob\.js \(binary\)/);
  });

  it('skips a file over --max-file-size with a note, calls the report incomplete when it names BigCommerce, and scans it under the default limit', async () => {
    const dir = await copyFixture('e2e/skips');
    const limited = await runJson(['scan', '--max-file-size', '2k'], { cwd: dir });
    expect(limited.code).toBe(0);
    expect(limited.report.skipped).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: 'src/big-table.js', reason: 'too-large', mightBeLegacy: true })]),
    );
    expect(limited.report.summary.complete).toBe(false);
    // Alone (the fixture's other file has a legacy call, and exit 1 wins over 3).
    const checked = await runCli(['check', 'src/big-table.js', '--max-file-size', '2k'], { cwd: dir });
    expect(checked.code).toBe(3);
    expect(checked.stdout).toContain('src/big-table.js; raise maxFileSize or exclude it');
    expect(limited.report.findings.map((f) => f.file)).not.toContain('src/big-table.js');
    const full = await runJson(['scan'], { cwd: dir });
    expect(findingRows(full.report)).toContain('src/big-table.js:3 legacy-api-call GET /v2/brands store_v2_products_read_only');
  });

  it.each([
    ['listed by git', true, []],
    ['listed by walking folders (--no-git)', false, ['--no-git']],
  ])('never scans gitignored files when %s', async (_how, useGit, flags) => {
    const dir = await copyFixture('e2e/gitignored', { git: useGit });
    // The ignored files are there, and hold legacy calls.
    expect(await readFile(join(dir, 'generated/client.js'), 'utf8')).toContain('/api/v2/products');
    expect(await readFile(join(dir, 'src/scratch.js'), 'utf8')).toContain('/api/v2/customers');
    const { report, code } = await runJson(['scan', ...flags], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual(['src/app.js:4 legacy-api-call GET /v2/orders store_v2_orders_read_only']);
  });
});

/** The fake credentials planted in fixtures/e2e/planted-secret. */
const PLANTED_SECRETS = [
  '7f3c9a1e5b2d48c6a0e9f1b3d5c7e9a2b4d6f8a0', // the key in code
  'cGxhbnRlZC11c2VyOjdmM2M5YTFlNWIyZDQ4YzZhMGU5ZjFiM2Q1YzdlOWEyYjRkNmY4YTA=', // the pre-encoded Basic token
  'cGxhbnRlZC11c2VyOjdmM2M5YTFl', // a prefix of it long enough to decode most of the key
  'Pl4ntedUserinfoPassw0rd', // the password in URL userinfo
  'e91d0c7b3a5f48e2b6d4c0a8f2e6b1d3c5a7e9f0', // the key in .env.staging
  'c0ffee5eed1234abcd5678ef90a1b2c3d4e5f6a7', // the key in config/bigcommerce.json
];

describe('scan never prints a secret', () => {
  it('the planted secrets are really in the fixture', async () => {
    const dir = await copyFixture('e2e/planted-secret');
    const all = [
      await readFile(join(dir, 'src/client.js'), 'utf8'),
      await readFile(join(dir, '.env.staging'), 'utf8'),
      await readFile(join(dir, 'config/bigcommerce.json'), 'utf8'),
    ].join('\n');
    for (const secret of PLANTED_SECRETS) expect(all).toContain(secret);
  });

  it.each(['text', 'json', 'markdown'])('keeps every planted secret out of the %s report, while still reporting it', async (format) => {
    const dir = await copyFixture('e2e/planted-secret');
    const { stdout, stderr, code } = await runCli(['scan', '--format', format], { cwd: dir });
    expect(code).toBe(0);
    for (const secret of PLANTED_SECRETS) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
    expect(stdout).toContain('hardcoded-credential');
    // Text and JSON show the code, redacted; the Markdown table shows no code.
    if (format !== 'markdown') expect(stdout).toContain('(redacted)');
  });

  it('reports each planted credential as a hard-coded credential', async () => {
    const dir = await copyFixture('e2e/planted-secret');
    const { report } = await runJson(['scan'], { cwd: dir });
    const credentials = report.findings.filter((f) => f.rule === 'hardcoded-credential').map((f) => `${f.file}:${f.line}`);
    expect(credentials).toEqual(expect.arrayContaining(['.env.staging:3', 'config/bigcommerce.json:5', 'src/client.js:2', 'src/client.js:3', 'src/client.js:16']));
  });
});

describe('scan with a short credential', () => {
  // A 5-letter password must not garble the report's own vocabulary (host.kind, scope).
  it('keeps the JSON contract intact (kind, scope) when the password is a common word', async () => {
    const dir = await copyFixture('e2e/clean');
    await writeFile(
      join(dir, 'src/short.js'),
      "export const f = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/orders', { headers: { Authorization: 'Basic ' + btoa('admin:store') } });\n",
    );
    const { report } = await runJson(['scan'], { cwd: dir });
    const call = report.findings.find((f) => f.rule === 'legacy-api-call');
    expect(call?.host?.kind).toBe('store-hostname');
    expect(call?.scope).toBe('store_v2_orders_read_only');
  });
});

describe('scan of legacy API URLs in config', () => {
  it('reports each URL of a table the code reads at run time, with its scope', async () => {
    const dir = await copyFixture('e2e/config-urls');
    const { report, code } = await runJson(['scan'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual([
      'config/endpoints.json:2 legacy-api-url - /v2/orders store_v2_orders',
      'config/endpoints.json:3 legacy-api-url - /v2/products store_v2_products',
    ]);
    expect(report.scopes.map((s) => s.scope)).toEqual(['store_v2_orders', 'store_v2_products']);
  });
});

describe('scan of commands in scripts and CI files', () => {
  it.each([false, true])('reports curl and wget in a script, a Makefile, a Dockerfile, a workflow and a package.json script (git work tree: %s)', async (git) => {
    // In a work tree, git searches the other kinds for needles; shell files are read by the scan itself.
    const dir = await copyFixture('e2e/scripts', { git });
    const { report, stdout, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual([
      '.github/workflows/sync.yml:8 legacy-api-call PUT /v2/customers/{id} store_v2_customers',
      'Dockerfile:3 legacy-api-call GET /v2/products store_v2_products_read_only',
      'Makefile:2 legacy-api-call POST /v2/coupons store_v2_marketing',
      'package.json:5 legacy-api-call GET /v2/brands store_v2_products_read_only',
      'scripts/pull-orders.sh:4 legacy-api-call GET /v2/orders store_v2_orders_read_only',
    ]);
    expect(stdout).not.toContain('5e1f0c9a7b3d2e4f6a8c');
    const text = await runCli(['scan'], { cwd: dir });
    expect(text.stdout).toContain('curl');
    expect(text.stdout).not.toContain('5e1f0c9a7b3d2e4f6a8c');
  });
});

describe('scan of Vue, Svelte and Astro components', () => {
  it.each([false, true])('finds the calls in their script blocks, browser-side in Vue and Svelte, and fix rewrites an Astro frontmatter (git work tree: %s)', async (git) => {
    // In a work tree, git searches the other JS files; components are read by the scan itself.
    const dir = await copyFixture('e2e/components', { git });
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.method} ${f.endpoint} ${f.fixable}`)).toEqual([
      'src/components/Brands.svelte:5 GET /v2/brands false',
      'src/components/OrderList.vue:12 GET /v2/orders false',
      'src/pages/products.astro:3 GET /v2/products true',
    ]);
    const fix = await runCli(['fix', '--no-cache', '--allow-dirty'], { cwd: dir });
    expect(fix.code).toBe(0);
    const astro = await readFile(join(dir, 'src/pages/products.astro'), 'utf8');
    expect(astro).toContain("fetch('https://api.bigcommerce.com/stores/abc123/v2/products?limit=10'");
    expect(astro).toContain('<ul>{products.map((p) => <li>{p.name}</li>)}</ul>');
    expect(await readFile(join(dir, 'src/components/OrderList.vue'), 'utf8')).toContain('https://store-abc123.mybigcommerce.com/api/v2/orders');
  });
});

describe('scan of files in languages the tool does not parse', () => {
  it.each([false, true])('reports store API URLs written in Java, PowerShell, a Jenkinsfile, C# and a .properties file, not in comments or docs (git work tree: %s)', async (git) => {
    const dir = await copyFixture('e2e/unparsed', { git });
    const planted = (await readFile(join(dir, 'Jenkinsfile'), 'utf8')) + (await readFile(join(dir, 'scripts/Update-Stock.ps1'), 'utf8'));
    for (const secret of UNPARSED_SECRETS) expect(planted).toContain(secret);
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual([
      'Jenkinsfile:7 legacy-api-call GET /v2/customers store_v2_customers_read_only',
      'Services/CatalogService.cs:5 legacy-api-call - - -',
      'config/application.properties:2 legacy-credentials-config - - -',
      'ops/legacy.ps1:2 legacy-api-call - /v2/time store_v2_information',
      'scripts/Update-Stock.ps1:5 legacy-api-call - /v2/products/{id} store_v2_products',
      'src/main/java/com/example/shop/OrderClient.java:10 legacy-api-call - /v2/orders/{id} store_v2_orders',
    ]);
    // A base URL and a host written apart from its path leave the scope list short.
    expect(report.summary.complete).toBe(false);
    for (const format of ['text', 'json', 'markdown']) {
      const { stdout } = await runCli(['scan', '--no-cache', '--format', format], { cwd: dir });
      for (const secret of UNPARSED_SECRETS) expect(stdout).not.toContain(secret);
    }
  });
});

describe('scan of a project with tsconfig path aliases', () => {
  it.each([false, true])('follows importers that name the wrapper as \'@/lib/...\' (git work tree: %s)', async (git) => {
    const dir = await copyFixture('deep/path-aliases', { git });
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report).filter((row) => row.includes('legacy-api-call'))).toEqual([
      'src/app/orders/page.tsx:4 legacy-api-call GET /v2/orders store_v2_orders_read_only',
      'src/jobs/reprice.ts:4 legacy-api-call PUT /v2/products/{id} store_v2_products',
    ]);
  });
});

describe('scan with its cache', () => {
  const withoutTime = (report: Report) => ({ ...report, generatedAt: undefined });

  it('keeps its cache in --cache-dir and reports the same as a scan with --no-cache', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const cacheDir = await makeTempDir('bc-e2e-cache-');
    const cold = await runJson(['scan', '--cache-dir', cacheDir], { cwd: dir });
    const warm = await runJson(['scan', '--cache-dir', cacheDir], { cwd: dir });
    const fresh = await runJson(['scan', '--no-cache'], { cwd: dir });
    // The clean contents it has seen, and the result kept for this very tree.
    expect((await readdir(cacheDir)).map((name) => name.replace(/^[0-9a-f]+/, '<root>')).sort()).toEqual(['<root>.json', '<root>.result.json']);
    expect(withoutTime(warm.report)).toEqual(withoutTime(cold.report));
    expect(withoutTime(fresh.report)).toEqual(withoutTime(cold.report));
    expect(findingRows(warm.report).filter((row) => row.includes('legacy-api-call'))).toEqual(EXAMPLE_CALLS);
  });

  it.each(['text', 'json', 'markdown'])('prints the same %s report from the result kept for an unchanged tree, and keeps no planted secret', async (format) => {
    const dir = await copyFixture('e2e/planted-secret', { git: true });
    const cacheDir = await makeTempDir('bc-e2e-cache-');
    const env = { BC_OAUTH_MIGRATE_CACHE_DIR: cacheDir };
    const first = await runCli(['scan', '--format', format], { cwd: dir, env });
    const kept = join(cacheDir, (await readdir(cacheDir)).find((name) => name.endsWith('.result.json'))!);
    const keptAt = (await stat(kept)).mtimeMs;
    const second = await runCli(['scan', '--format', format], { cwd: dir, env });
    expect(second).toEqual(first);
    // Not written again: the second scan gave the kept result instead of scanning.
    expect((await stat(kept)).mtimeMs).toBe(keptAt);
    for (const name of await readdir(cacheDir)) {
      const text = await readFile(join(cacheDir, name), 'utf8');
      for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
    }
    for (const secret of PLANTED_SECRETS) expect(second.stdout).not.toContain(secret);
  });

  it('scans again, and reports it, once a file of the unchanged tree is edited', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const env = { BC_OAUTH_MIGRATE_CACHE_DIR: await makeTempDir('bc-e2e-cache-') };
    await runJson(['scan'], { cwd: dir, env });
    await writeFile(join(dir, 'src/fresh.js'), "export const get = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/coupons', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n");
    const { report } = await runJson(['scan'], { cwd: dir, env });
    expect(report.findings.map((f) => f.file)).toContain('src/fresh.js');
  });

  it('writes nothing with --no-cache', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const cacheDir = await makeTempDir('bc-e2e-cache-');
    await runJson(['scan', '--no-cache'], { cwd: dir, env: { BC_OAUTH_MIGRATE_CACHE_DIR: cacheDir } });
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('scan usage errors', () => {
  it('exits 2 with a one-line message naming a path that does not exist', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, stderr, code } = await runCli(['scan', 'no/such/folder'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no/such/folder');
  });

  it('exits 2 on an unknown flag, naming it', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, stderr, code } = await runCli(['scan', '--frobnicate'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--frobnicate');
  });

  it('exits 2 on a format scan does not offer', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stderr, code } = await runCli(['scan', '--format', 'sarif'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/sarif/);
  });

  it.each([
    ['a wrong type', 'maxFileSize: lots\n', 'maxFileSize'],
    ['a list that is not a list', 'exclude: 5\n', 'exclude'],
    ['a store hash that is a number', 'stores:\n  shop.example.com: 12345\n', 'stores.shop.example.com'],
    ['an unknown key', 'tokenenv: BC_TOKEN\n', 'tokenenv'],
  ])('exits 2 on a config file with %s, naming the key in one line', async (_what, yaml, key) => {
    const dir = await copyFixture('e2e/clean');
    await writeFile(join(dir, '.bc-oauth-migrate.yml'), yaml);
    const { stdout, stderr, code } = await runCli(['scan'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`'${key}'`);
    expect(stderr).toContain('.bc-oauth-migrate.yml');
  });

  it('exits 2 when --config names a file that does not exist', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stderr, code } = await runCli(['scan', '--config', 'missing.yml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('missing.yml');
  });
});

describe('version and help', () => {
  it('--version prints the package version and exits 0', async () => {
    const { stdout, code } = await runCli(['--version'], { cwd: REPO_ROOT });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(VERSION);
  });

  it('--help lists the commands and exits 0', async () => {
    const { stdout, code } = await runCli(['--help'], { cwd: REPO_ROOT });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+scan /m);
    expect(stdout).toMatch(/^\s+check /m);
  });

  it('scan --help names its formats and exit codes', async () => {
    const { stdout, code } = await runCli(['scan', '--help'], { cwd: REPO_ROOT });
    expect(code).toBe(0);
    expect(stdout).toContain('--format');
    expect(stdout).toContain('--output');
    expect(stdout).toMatch(/Exit codes?:/);
  });
});
