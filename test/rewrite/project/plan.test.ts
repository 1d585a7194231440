// The fix side of the project pass: definition edits, merged into one Patch per file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyProjectEdits, planProjectEdits, planProjectRewrites, type PlannedEdit } from '../../../src/rewrite/project/plan.ts';
import { testConfig } from '../../analyze/helpers.ts';
import { DEEP_FIXTURES, scanDeep } from '../../analyze/project/helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'deep-fix-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyFixture(name: string, as: string): string {
  const root = join(temp, as);
  cpSync(join(DEEP_FIXTURES, name), root, { recursive: true });
  return root;
}

describe('planProjectRewrites on the integration fixture', async () => {
  const scan = await scanDeep('integration');
  const patches = await planProjectRewrites(scan, testConfig);
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
    const patches = await planProjectRewrites(scan, testConfig);
    expect(patches.map((p) => p.file)).toEqual(['src/categories.js']);
    expect(planProjectEdits(scan).skipped.map((s) => `${s.file}:${s.line}`)).toEqual(['src/categories.js:4']);
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe('BC_STORE_URL=https://store-eee555.mybigcommerce.com\n');
  });
});

describe('files the fast scan already rewrites', async () => {
  const scan = await scanDeep(join(DEEP_FIXTURES, '../example-app'));
  const patches = await planProjectRewrites(scan, testConfig);

  it('are left to the fix stage: only what needed the project pass is patched', () => {
    expect(patches.map((p) => p.file)).toEqual(['.env.example', 'src/customers-report.ts']);
  });

  it('rewrites the fallback literal of process.env at its definition', () => {
    const report = patches.find((p) => p.file === 'src/customers-report.ts')!.after;
    expect(report).toContain("process.env.BC_STORE_URL || 'https://api.bigcommerce.com/stores/abc123'");
    expect(report).toContain('fetch(`${STORE_URL}/v2${path}`');
  });
});

describe('applyProjectEdits', () => {
  const original = "const A = 'https://store-x1.mybigcommerce.com';\nconst B = 1;\n";
  const start = original.indexOf('https://store-x1.mybigcommerce.com');
  const edit: PlannedEdit = {
    file: 'a.js', absolutePath: '/a.js', start, end: start + 34, expected: 'https://store-x1.mybigcommerce.com',
    replacement: 'https://api.bigcommerce.com/stores/x1', line: 1, summary: '', findingIds: ['f1'],
  };

  it('applies an edit at its offset on the text it was planned on', () => {
    expect(applyProjectEdits(original, [edit]).text).toBe("const A = 'https://api.bigcommerce.com/stores/x1';\nconst B = 1;\n");
  });

  it('re-anchors an edit on a text the fix stage already changed elsewhere', () => {
    const transformed = `// rewritten by fix\n${original.replace('const B = 1;', 'const B = 2;')}`;
    const result = applyProjectEdits(transformed, [edit], original);
    expect(result.text).toBe("// rewritten by fix\nconst A = 'https://api.bigcommerce.com/stores/x1';\nconst B = 2;\n");
    expect(result.conflicts).toEqual([]);
  });

  it('reports a conflict instead of guessing when the fix stage changed the same text', () => {
    const transformed = original.replace('https://store-x1.mybigcommerce.com', 'https://api.bigcommerce.com/stores/x1');
    const result = applyProjectEdits(transformed, [edit], original);
    expect(result.text).toBe(transformed);
    expect(result.conflicts).toEqual([edit]);
  });
});
