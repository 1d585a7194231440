// In a git work tree the scan reads only the tracked files git finds a needle in, and asks git for
// the relative specifiers of the rest when the cross-file pass needs them. When git cannot search,
// the scan reads the files itself: the report must be the same either way.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { git, makeTree, removeTree } from '../discover/tree.ts';
import { testConfig } from './helpers.ts';

/** Which of git's searches the test makes fail (as when git is built without PCRE, or a file is unreadable). */
const failing = vi.hoisted(() => ({ needles: false, specifiers: false, needleSearches: 0, specifierSearches: 0, searchedFor: [] as string[][] }));

vi.mock('../../src/discover/git-grep.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/discover/git-grep.ts')>();
  return {
    ...real,
    trackedFilesContaining: (...args: Parameters<typeof real.trackedFilesContaining>) => {
      failing.needleSearches += 1;
      failing.searchedFor.push([...args[1]]);
      return failing.needles ? Promise.resolve(null) : real.trackedFilesContaining(...args);
    },
    trackedMatches: (...args: Parameters<typeof real.trackedMatches>) => {
      failing.specifierSearches += 1;
      return failing.specifiers ? Promise.resolve(null) : real.trackedMatches(...args);
    },
  };
});

const { scanProject } = await import('../../src/analyze/index.ts');

afterEach(() => {
  failing.needles = false;
  failing.specifiers = false;
  failing.needleSearches = 0;
  failing.specifierSearches = 0;
  failing.searchedFor = [];
});

describe('scanning with git searching the tracked files', () => {
  const wrapper =
    "export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';\n" +
    'export async function storeRequest(method, path) {\n' +
    "  const res = await fetch(BASE + path, { method, headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n" +
    '  return res.json();\n}\n';
  // No needle in these: only the cross-file pass, through their specifiers, finds their calls.
  const importer = (resource: string, from: string) =>
    `import { storeRequest } from '${from}';\nexport const load = () => storeRequest('GET', '/${resource}');\n`;
  let root: string;
  beforeAll(async () => {
    root = await makeTree({
      'lib/shop.js': wrapper,
      'routes/orders.js': importer('orders', '../lib/shop.js'),
      'routes/deep/products.js': importer('products', '../../lib/shop'),
      'lib/brands.js': importer('brands', './shop.js'),
      'routes/plain.js': "import { x } from './x.js';\nexport const y = x;\n",
    });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
  });
  afterAll(async () => removeTree(root));

  const report = async () => JSON.stringify((await scanProject({ root, paths: [], config: testConfig })).report);

  it('gives the same report when git cannot search, or cannot give the specifiers', async () => {
    const searched = await report();
    expect(failing.specifierSearches).toBe(1);
    const files = new Set(JSON.parse(searched).findings.map((finding: { file: string }) => finding.file));
    expect([...files].sort()).toEqual(['lib/brands.js', 'lib/shop.js', 'routes/deep/products.js', 'routes/orders.js']);
    failing.specifiers = true;
    expect(await report()).toBe(searched);
    failing.needles = true;
    expect(await report()).toBe(searched);
  });
});

describe('a store URL kept in an env file', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTree({
      '.env.example': 'BC_STORE_URL=https://store-abc123.mybigcommerce.com/api/v2\nBC_API_USER=admin\nBC_API_KEY=\n',
      // No needle here: only the env file says where this goes.
      'src/client.js': "export const listOrders = () => fetch(`${process.env.BC_STORE_URL}/orders`, { headers: { Authorization: 'Basic ' + btoa(process.env.BC_API_USER + ':' + process.env.BC_API_KEY) } });\n",
      'src/plain.js': 'export const y = 1;\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
  });
  afterAll(async () => removeTree(root));

  it('asks git which unopened files read the env key, and reports the same as reading them all', async () => {
    const searched = await scanProject({ root, paths: [], config: testConfig });
    expect(searched.report.findings.map((f) => `${f.file} ${f.rule}`)).toContain('src/client.js legacy-api-call');
    expect(failing.searchedFor).toContainEqual(['BC_STORE_URL']);
    failing.needles = true;
    const read = await scanProject({ root, paths: [], config: testConfig });
    expect(JSON.stringify(read.report)).toBe(JSON.stringify(searched.report));
  });
});

describe('what the scan makes of files git found no needle in', () => {
  let root: string;
  afterEach(async () => removeTree(root));

  it('does not ask git for specifiers when nothing is found', async () => {
    root = await makeTree({ 'a.js': "import { b } from './b.js';\nexport const a = b;\n", 'b.js': 'export const b = 1;\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
    const result = await scanProject({ root, paths: [], config: testConfig });
    expect(result.report.findings).toEqual([]);
    expect(failing.specifierSearches).toBe(0);
  });

  it('leaves the search to the cache when an earlier scan left one', async () => {
    root = await makeTree({ 'a.js': "export const a = fetch('https://store-abc123.mybigcommerce.com/api/v2/orders');\n", 'b.js': 'export const b = 1;\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
    const cacheDir = join(root, '.cache-for-test');
    const first = await scanProject({ root, paths: [], config: testConfig, cache: { dir: cacheDir } });
    expect(failing.needleSearches).toBe(1);
    const second = await scanProject({ root, paths: [], config: testConfig, cache: { dir: cacheDir } });
    expect(failing.needleSearches).toBe(1);
    expect(second.report.findings).toEqual(first.report.findings);
    expect(second.cache?.reused).toBe(1);
  });

  it('counts a tracked binary or oversized file without a needle as scanned, and skips one with a needle', async () => {
    const legacy = "fetch('https://store-abc123.mybigcommerce.com/api/v2/orders');\n";
    const big = 'x'.repeat(2048);
    root = await makeTree({
      'clean-binary.js': Buffer.from([0, 1, 2, 3]),
      'clean-big.js': `// ${big}\n`,
      'legacy-binary.js': Buffer.concat([Buffer.from([0]), Buffer.from(legacy)]),
      'legacy-big.js': `// ${big}\n${legacy}`,
    });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
    const { report } = await scanProject({ root, paths: [], config: { ...testConfig, maxFileSize: 1024 } });
    expect(report.skipped.map((s) => [s.file, s.reason, s.mightBeLegacy ?? false])).toEqual([['legacy-big.js', 'too-large', true], ['legacy-binary.js', 'binary', true]]);
    expect(report.summary.filesScanned).toBe(2);
    // The oversized and the binary file may hide a legacy call: the scope list cannot be called complete.
    expect(report.summary.complete).toBe(false);
  });
});
