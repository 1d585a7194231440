// `bc-oauth-migrate fix` end to end, on temporary git copies of the example app: dry run, the
// rewrite, a clean scan afterwards, idempotence, the dirty-tree guard, line endings and BOM, the
// patch file, and the planted secrets that must never be printed. Also the transform under the
// plain jscodeshift runner.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, git, gitCommitAll, hashTree, makeTempDir, REPO_ROOT, runCli, runJson } from './helpers.ts';

cleanTempDirsAfterAll();

const PLANTED = ['d1e8a70b5ccab1dc2f56bbf7e99f064a660c08a3', '5f2b8c0e7a9d4163b2e8f0c1a7d3e9b4c6f8a0d2'];
const REWRITE_RULES = new Set(['legacy-api-call', 'legacy-client-config', 'legacy-request-wrapper']);

function expectNoSecret(...outputs: string[]): void {
  for (const output of outputs) for (const secret of PLANTED) expect(output).not.toContain(secret);
}

async function exampleRepo(): Promise<string> {
  return copyFixture('example-app', { git: true });
}

describe('fix --dry-run', () => {
  it('prints redacted unified diffs and writes nothing', async () => {
    const dir = await exampleRepo();
    const before = await hashTree(dir);
    const { stdout, stderr, code } = await runCli(['fix', '--dry-run'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('diff --git a/src/order-sync.js b/src/order-sync.js');
    expect(stdout).toContain("+const BC_API_BASE = 'https://api.bigcommerce.com/stores/abc123/v2';");
    expect(stdout).toContain('Would change');
    expect(await hashTree(dir)).toEqual(before);
    expectNoSecret(stdout, stderr);
  });
});

describe('fix', () => {
  it('rewrites the legacy calls, after which scan finds nothing fixable and a second fix changes nothing', async () => {
    const dir = await exampleRepo();
    const first = await runCli(['fix'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Changed \d+ files; \d+ calls rewritten/);
    expect(first.stdout).toContain('Scopes to request');
    expect(first.stdout).toContain('BIGCOMMERCE_ACCESS_TOKEN');

    const orderSync = await readFile(join(dir, 'src/order-sync.js'), 'utf8');
    expect(orderSync).toContain("const BC_API_BASE = 'https://api.bigcommerce.com/stores/abc123/v2';");
    expect(orderSync).toContain("'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN");
    const products = await readFile(join(dir, 'src/product-updater.ts'), 'utf8');
    expect(products).toContain('bigcommerce.get<Product[]>(`/products?sku=');
    expect(products).toContain('bigcommerce.put<Product>(`/products/${id}`');
    const hooks = await readFile(join(dir, 'src/webhook-seeder.js'), 'utf8');
    expect(hooks).toContain("path: '/stores/abc123/v2/hooks'");

    const after = await runJson(['scan'], { cwd: dir });
    expect(after.report.findings.filter((f) => REWRITE_RULES.has(f.rule) && f.fixable)).toEqual([]);

    await git(dir, ['commit', '-qam', 'migrated']);
    const settled = await hashTree(dir);
    const second = await runCli(['fix'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Changed 0 files');
    expect(await hashTree(dir)).toEqual(settled);
    expectNoSecret(first.stdout, first.stderr, second.stdout, second.stderr, after.stdout, after.stderr);
  });

  it('refuses a tree with uncommitted changes in files it would write, with exit 2 and one line naming --allow-dirty', async () => {
    const dir = await exampleRepo();
    await writeFile(join(dir, 'src/order-sync.js'), `${await readFile(join(dir, 'src/order-sync.js'), 'utf8')}// local work\n`);
    const before = await hashTree(dir);
    const { stderr, code } = await runCli(['fix'], { cwd: dir });
    expect(code).toBe(2);
    const line = stderr.split('\n').find((l) => l.includes('--allow-dirty'));
    expect(line).toMatch(/uncommitted changes in src\/order-sync\.js/);
    expect(await hashTree(dir)).toEqual(before);
    expect((await runCli(['fix', '--allow-dirty'], { cwd: dir })).code).toBe(0);
  });

  it('keeps CRLF line endings and a BOM', async () => {
    const dir = await copyFixture('example-app');
    const crlf = (await readFile(join(dir, 'src/order-sync.js'), 'utf8')).replace(/\n/g, '\r\n');
    await writeFile(join(dir, 'src/order-sync.js'), crlf);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(join(dir, 'src/product-updater.ts'))]);
    await writeFile(join(dir, 'src/product-updater.ts'), bom);
    await gitCommitAll(dir);

    const { code } = await runCli(['fix'], { cwd: dir });
    expect(code).toBe(0);
    const orderSync = await readFile(join(dir, 'src/order-sync.js'), 'utf8');
    expect(orderSync).toContain('api.bigcommerce.com/stores/abc123/v2');
    expect(orderSync.match(/\n/g)?.length).toBe(orderSync.match(/\r\n/g)?.length);
    const products = await readFile(join(dir, 'src/product-updater.ts'));
    expect([...products.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(products.toString('utf8')).toContain('api.bigcommerce.com/stores/abc123/v2/');
  });

  it('writes one redacted patch file with --patch and leaves the sources alone', async () => {
    const dir = await exampleRepo();
    const before = await hashTree(dir);
    const patchFile = join(await makeTempDir(), 'migrate.patch');
    const { stdout, stderr, code } = await runCli(['fix', '--patch', patchFile], { cwd: dir });
    expect(code).toBe(0);
    expect(await hashTree(dir)).toEqual(before);
    const patch = await readFile(patchFile, 'utf8');
    expect(patch).toContain('diff --git a/src/product-updater.ts b/src/product-updater.ts');
    expect(stdout).toContain('Patch written to');
    expectNoSecret(patch, stdout, stderr);
  });

  it('gives a JSON summary with --format json', async () => {
    const dir = await exampleRepo();
    const { stdout, code } = await runCli(['fix', '--dry-run', '--format', 'json', '--token-env', 'BC_ACCESS_TOKEN'], { cwd: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { mode: string; filesChanged: string[]; callsRewritten: number; envVars: Array<{ name: string }>; diffs: string[]; scopes: unknown[] };
    expect(summary.mode).toBe('dry-run');
    expect(summary.filesChanged).toContain('src/order-sync.js');
    expect(summary.callsRewritten).toBeGreaterThanOrEqual(7);
    expect(summary.envVars.map((v) => v.name)).toContain('BC_ACCESS_TOKEN');
    // The code reads BC_STORE_URL, whose value .env.example now gives as the gateway's URL.
    expect(summary.envVars).toContainEqual(expect.objectContaining({ name: 'BC_STORE_URL', purpose: expect.stringContaining('https://api.bigcommerce.com/stores/abc123') }));
    expect(summary.diffs.join('')).toContain('process.env.BC_ACCESS_TOKEN');
    expect(summary.scopes.length).toBeGreaterThan(0);
    expectNoSecret(stdout);
  });

  it('rejects an env var name that is not one, as a usage error', async () => {
    const dir = await exampleRepo();
    const { stderr, code } = await runCli(['fix', '--token-env', 'not a name'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('--token-env');
  });
});

describe('the transform under the plain jscodeshift runner', () => {
  it('rewrites a copy of the example with its options, each file with the parser its extension needs', async () => {
    const dir = await copyFixture('example-app');
    const jscodeshift = join(REPO_ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const transform = join(REPO_ROOT, 'transforms', 'legacy-to-oauth.ts');
    const result = await new Promise<{ stdout: string; stderr: string; code: number }>((done) => {
      execFile(
        process.execPath,
        [jscodeshift, '-t', transform, '--parser=tsx', '--extensions=js,ts', '--tokenEnv=BC_TOKEN', join(dir, 'src')],
        { cwd: dir, encoding: 'utf8' },
        (error, stdout, stderr) => done({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 errors/);
    expect(await readFile(join(dir, 'src/order-sync.js'), 'utf8')).toContain("'X-Auth-Token': process.env.BC_TOKEN");
    expect(await readFile(join(dir, 'src/product-updater.ts'), 'utf8')).toContain("'X-Auth-Token': process.env.BC_TOKEN as string");
  });
});
