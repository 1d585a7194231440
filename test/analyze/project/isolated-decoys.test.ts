// A clean decoy (a store URL the fast scan found nothing legacy in) that imports nothing involved
// and that nothing involved imports lends nothing: the pass does not even parse it, unless its text
// could configure a client whose instance other files would share.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanProject } from '../../../src/analyze/index.ts';
import { discoverFiles } from '../../../src/discover/discover.ts';
import { readSourceFileSync } from '../../../src/discover/read.ts';
import type { SourceText } from '../../../src/discover/types.ts';
import { runProjectPass } from '../../../src/analyze/project/index.ts';
import { testConfig } from '../helpers.ts';

const LEGACY = "export const orders = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n";
const STOREFRONT = "const STORE = 'https://store-abc123.mybigcommerce.com';\nexport const cart = () => fetch(`${STORE}/api/storefront/carts`);\n";
const STOREFRONT_WITH_AXIOS = "import axios from 'axios';\nexport const shop = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com' });\n";

describe('clean decoys that nothing involved imports', () => {
  let root: string;
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function passOver(tree: Record<string, string>) {
    root = await mkdtemp(join(tmpdir(), 'bcom-decoys-'));
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const scan = await scanProject({ root, paths: [], config: testConfig, projectPass: false });
    const { files } = await discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: testConfig.maxFileSize });
    const sources = new Map(scan.files.map((f) => [f.source.file.path, f.source]));
    for (const file of files) if (!sources.has(file.path)) sources.set(file.path, readSourceFileSync(file, testConfig.maxFileSize) as SourceText);
    const cleanJs = new Set(files.filter((f) => !scan.files.some((a) => a.source.file.path === f.path)).map((f) => f.path));
    return runProjectPass({ files, findings: scan.report.findings, analyzed: scan.files, config: testConfig, hints: { sources, specifiers: new Map(), programs: new Map(), cleanJs } });
  }

  it('are left unparsed, and the findings are those of a pass that parses them', async () => {
    const fast = await passOver({ 'src/legacy.js': LEGACY, 'src/storefront.js': STOREFRONT });
    expect(fast.reanalyzed).toEqual(['src/legacy.js']);
    expect(fast.findings.map((f) => f.file)).toEqual(['src/legacy.js']);
  });

  it('are parsed when their text may configure a client', async () => {
    const result = await passOver({ 'src/legacy.js': LEGACY, 'src/shop.js': STOREFRONT_WITH_AXIOS });
    expect(result.reanalyzed).toEqual(['src/legacy.js', 'src/shop.js']);
  });
});
