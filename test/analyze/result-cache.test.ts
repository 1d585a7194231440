// A scan of a tree that has not changed since the last scan gives that scan's result again, without
// reading a file. It must be exactly the result a full scan gives, must never outlive a change, and
// must keep no secret on disk.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanProject, type ScanResult } from '../../src/analyze/index.ts';
import { redactReport, redactText } from '../../src/redact.ts';
import type { Config } from '../../src/types.ts';
import { git, makeTree, removeTree } from '../discover/tree.ts';
import { testConfig } from './helpers.ts';

const LEGACY = (resource: string) =>
  `export const get = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/${resource}.json', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n`;
const KEY = '9d1c7e5a3b0f4e2d8c6a1b3e5f7d9c0a2e4b6d8f';
const WITH_KEY =
  `const API_KEY = '${KEY}';\n` +
  `// bc-oauth-migrate-ignore-next-line archived, key ${KEY}\n` +
  `export const get = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/brands.json', { headers: { Authorization: 'Basic ' + Buffer.from('app:' + API_KEY).toString('base64') } });\n`;

const STORE_API =
  "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';\n" +
  "export const storeFetch = (path: string) => fetch(BASE + path, { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n";

describe('the kept scan result', () => {
  let root: string;
  let cacheDir: string;
  const scan = (options: { config?: Config; paths?: string[]; reuseResult?: boolean } = {}): Promise<ScanResult> =>
    scanProject({ root, paths: options.paths ?? [], config: options.config ?? testConfig, cache: { dir: cacheDir }, reuseResult: options.reuseResult ?? true });
  const findingFiles = (result: ScanResult) => result.report.findings.map((f) => f.file).sort();

  beforeEach(async () => {
    root = await makeTree({ 'src/orders.js': LEGACY('orders'), 'src/plain.js': 'export const add = (a, b) => a + b;\n', 'lib/brands.js': LEGACY('brands') });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
    cacheDir = await mkdtemp(join(tmpdir(), 'bcom-result-'));
  });
  afterEach(async () => {
    await removeTree(root);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('is given again for an unchanged tree, equal to the full scan', async () => {
    const first = await scan();
    const second = await scan();
    expect(first.cache?.result).toBeUndefined();
    expect(second.cache?.result).toBe(true);
    expect(second.cache?.reused).toBe(first.report.summary.filesScanned);
    expect(second.report).toEqual(first.report);
    expect(second.suppressions).toEqual(first.suppressions);
  });

  it('is not given once a file is edited in the work tree, nor once it is edited again', async () => {
    await scan();
    await writeFile(join(root, 'src/plain.js'), LEGACY('customers'));
    const edited = await scan();
    expect(edited.cache?.result).toBeUndefined();
    expect(findingFiles(edited)).toEqual(['lib/brands.js', 'src/orders.js', 'src/plain.js']);
    await writeFile(join(root, 'src/plain.js'), 'export const add = (a, b) => a + b;\n');
    const again = await scan();
    expect(again.cache?.result).toBeUndefined();
    expect(findingFiles(again)).toEqual(['lib/brands.js', 'src/orders.js']);
  });

  it('is not given once an untracked file appears', async () => {
    await scan();
    await writeFile(join(root, 'src/new.js'), LEGACY('products'));
    const result = await scan();
    expect(result.cache?.result).toBeUndefined();
    expect(findingFiles(result)).toContain('src/new.js');
  });

  it('is not given for another configuration or another set of paths', async () => {
    await scan();
    expect((await scan({ config: { ...testConfig, exclude: ['lib'] } })).cache?.result).toBeUndefined();
    const sub = await scan({ paths: ['src'] });
    expect(sub.cache?.result).toBeUndefined();
    expect(findingFiles(sub)).toEqual(['src/orders.js']);
  });

  it('is not given once a project config outside the scanned folders changes what an import names', async () => {
    await writeFile(join(root, 'src/store-api.ts'), STORE_API);
    await writeFile(join(root, 'src/page.ts'), "import { storeFetch } from '@/store-api';\nexport const load = () => storeFetch('/orders');\n");
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'an aliased import');
    const before = await scan({ paths: ['src'] });
    expect(findingFiles(before)).not.toContain('src/page.ts');
    await writeFile(join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@/*": ["src/*"] } } }\n');
    const after = await scan({ paths: ['src'] });
    expect(after.cache?.result).toBeUndefined();
    expect(findingFiles(after)).toContain('src/page.ts');
    expect((await scan({ paths: ['src'] })).cache?.result).toBe(true);
  });

  it('is never given to a caller that needs the files (fix, review)', async () => {
    await scan();
    const result = await scan({ reuseResult: false });
    expect(result.cache?.result).toBeUndefined();
    expect(result.files.map((f) => f.source.file.path).sort()).toEqual(['lib/brands.js', 'src/orders.js']);
  });

  it('keeps no secret on disk, and prints as the full scan prints', async () => {
    await writeFile(join(root, 'src/keyed.js'), WITH_KEY);
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'a key');
    const first = await scan();
    expect(first.secrets.values.has(KEY)).toBe(true);
    expect(first.suppressions.map((s) => s.reason)).toEqual([`archived, key ${KEY}`]);
    const kept = (await readdir(cacheDir)).filter((name) => name.endsWith('.result.json'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(cacheDir, kept[0]), 'utf8')).not.toContain(KEY);
    const second = await scan();
    expect(second.cache?.result).toBe(true);
    // What every output prints: the report redacted with the secrets each scan saw.
    expect(redactReport(second.report, second.secrets)).toEqual(redactReport(first.report, first.secrets));
    expect(second.suppressions).toEqual(first.suppressions.map((s) => ({ ...s, reason: s.reason && redactText(s.reason, first.secrets) })));
    expect(JSON.stringify(second.suppressions)).not.toContain(KEY);
  });

  it('is not kept when the scan met an error', async () => {
    await writeFile(join(root, 'src/broken.js'), "fetch('https://store-abc123.mybigcommerce.com/api/v2/orders' {{\n");
    const first = await scan();
    expect(first.report.errors).not.toHaveLength(0);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith('.result.json'))).toEqual([]);
    expect((await scan()).cache?.result).toBeUndefined();
  });
});
