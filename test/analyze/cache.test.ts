// The scan cache lets a second scan skip contents it has seen clean; it must never change what a
// scan reports, and must forget a file the moment its content changes.
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanProject, type ScanResult } from '../../src/analyze/index.ts';
import type { Config } from '../../src/types.ts';
import { git, makeTree, removeTree } from '../discover/tree.ts';
import { testConfig } from './helpers.ts';

const LEGACY = "export const orders = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n";
const STOREFRONT = "const STORE = 'https://store-abc123.mybigcommerce.com';\nexport const cart = () => fetch(`${STORE}/api/storefront/carts`);\n";
const PLAIN = "import { helper } from './helper.js';\nexport const add = (a, b) => helper(a + b);\n";

describe('the scan cache', () => {
  let root: string;
  let cacheDir: string;
  const scan = (config: Config = testConfig, dir = cacheDir): Promise<ScanResult> =>
    scanProject({ root, paths: [], config, cache: { dir } });
  const comparable = (result: ScanResult) => ({ report: { ...result.report, generatedAt: undefined }, suppressions: result.suppressions, secrets: [...result.secrets.values] });

  beforeEach(async () => {
    root = await makeTree({ 'src/legacy.js': LEGACY, 'src/storefront.js': STOREFRONT, 'src/plain.js': PLAIN, 'src/helper.js': 'export const helper = (x) => x;\n' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
    cacheDir = await mkdtemp(join(tmpdir(), 'bcom-cache-'));
  });
  afterEach(async () => {
    await removeTree(root);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('gives a second scan the same report while reusing the clean files', async () => {
    const first = await scan();
    const second = await scan();
    expect(first.cache?.reused).toBe(0);
    // plain.js, helper.js (no needle) and storefront.js (a needle, nothing legacy); legacy.js is analyzed again.
    expect(second.cache?.reused).toBe(3);
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.report.findings.map((f) => f.file)).toEqual(['src/legacy.js']);
  });

  it('searches files for aliased specifiers again once tsconfig.json maps a path alias', async () => {
    const wrapper = "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';\nexport const bcGet = (path) => fetch(BASE + path, { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n";
    await writeFile(join(root, 'src/wrapper.js'), wrapper);
    await writeFile(join(root, 'src/route.js'), "import { bcGet } from '@/wrapper';\nexport const list = () => bcGet('/orders');\n");
    // Tracked, so that the cache keeps what it learned of them.
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'wrapper');
    const callsIn = (result: ScanResult) => result.report.findings.filter((f) => f.rule === 'legacy-api-call').map((f) => f.file);
    expect(callsIn(await scan())).not.toContain('src/route.js');
    await writeFile(join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    expect(callsIn(await scan())).toContain('src/route.js');
  });

  it('analyzes a clean file again once it is edited in the work tree', async () => {
    await scan();
    await writeFile(join(root, 'src/plain.js'), LEGACY);
    const second = await scan();
    expect(second.report.findings.map((f) => f.file).sort()).toEqual(['src/legacy.js', 'src/plain.js']);
  });

  it('analyzes a clean file again once a commit changes it', async () => {
    await scan();
    await writeFile(join(root, 'src/storefront.js'), LEGACY);
    git(root, 'commit', '-q', '-am', 'now legacy');
    const second = await scan();
    expect(second.report.findings.map((f) => f.file).sort()).toEqual(['src/legacy.js', 'src/storefront.js']);
  });

  it('does not trust a file marked assume-unchanged', async () => {
    await scan();
    git(root, 'update-index', '--assume-unchanged', 'src/plain.js');
    await writeFile(join(root, 'src/plain.js'), LEGACY);
    const second = await scan();
    expect(second.report.findings.map((f) => f.file)).toContain('src/plain.js');
  });

  it('always reads a suppression again, so check can still judge it', async () => {
    await writeFile(join(root, 'src/plain.js'), `// bc-oauth-migrate-ignore-file -- not ours\n${PLAIN}`);
    git(root, 'commit', '-q', '-am', 'a suppression');
    await scan();
    const second = await scan();
    expect(second.suppressions).toEqual([expect.objectContaining({ file: 'src/plain.js', kind: 'file' })]);
  });

  it('starts afresh when the configuration changes', async () => {
    await scan();
    const other = await scan({ ...testConfig, stores: { 'shop.example.com': 'abc123' } });
    expect(other.cache?.reused).toBe(0);
  });

  it('is ignored, with the reason, when its file is not valid JSON', async () => {
    await scan();
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file), '{ not json');
    const second = await scan();
    expect(second.cache?.problem).toMatch(/could not be read/);
    expect(second.report.findings.map((f) => f.file)).toEqual(['src/legacy.js']);
  });

  it('does not fail the scan when its folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: use a path under a regular file instead, which nobody can create.
      await writeFile(join(cacheDir, 'file'), '');
      const result = await scan(testConfig, join(cacheDir, 'file', 'cache'));
      expect(result.cache?.problem).toMatch(/could not be written/);
      expect(result.report.findings).toHaveLength(1);
      return;
    }
    await chmod(cacheDir, 0o500);
    const result = await scan();
    expect(result.cache?.problem).toMatch(/could not be written/);
    expect(result.report.findings).toHaveLength(1);
  });

  it('is not used outside a git work tree, where contents have no object ids', async () => {
    await rm(join(root, '.git'), { recursive: true, force: true });
    await scan();
    const second = await scan();
    expect(second.cache?.reused).toBe(0);
  });
});
