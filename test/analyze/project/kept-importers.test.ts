// A file importing `./bigcommerce` passes git's search but not the JS pre-filter: the scan reads it,
// finds no needle of a legacy URL in it, and keeps its bytes for the cross-file pass, which would
// otherwise read it again as an importer of the wrapper.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import * as read from '../../../src/discover/read.ts';
import { scanProject } from '../../../src/analyze/index.ts';
import { testConfig } from '../helpers.ts';
import { summarize } from './helpers.ts';

vi.mock('../../../src/discover/read.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof read>();
  return { ...actual, readSourceFileSync: vi.fn(actual.readSourceFileSync) };
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bc-kept-importers-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src/bigcommerce.js'), [
    "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
    "export const bcGet = (path) => fetch(BASE + path, { headers: { Authorization: 'Basic ' + btoa(process.env.BC_USER + ':' + process.env.BC_KEY) } });",
    '',
  ].join('\n'));
  await writeFile(join(root, 'src/orders.js'), "import { bcGet } from './bigcommerce';\n\nexport const listOrders = () => bcGet('/orders');\n");
});
afterAll(async () => rm(root, { recursive: true, force: true }));

it('reads an importer that names BigCommerce once, in the scan, and still finds its call', async () => {
  const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
  expect(summarize(report.findings)).toContain('src/orders.js:3 legacy-api-call GET /v2/orders store_v2_orders_read_only store-abc123.mybigcommerce.com');
  const reads = vi.mocked(read.readSourceFileSync).mock.calls.map(([file]) => file.path);
  expect(reads).not.toContain('src/orders.js');
});
