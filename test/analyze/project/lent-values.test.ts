// A module that only exports a legacy base URL has no finding, yet its importers call the legacy API
// through it: the cross-file pass must start from it too (fixtures/deep/exported-base).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsLegacyValue } from '../../../src/analyze/exported-values.ts';
import { scanProject } from '../../../src/analyze/index.ts';
import { parseJs } from '../../../src/analyze/parse.ts';
import { git } from '../../discover/tree.ts';
import { testConfig } from '../helpers.ts';
import { DEEP_FIXTURES, scanDeep, summarize } from './helpers.ts';

const lends = (text: string) => exportsLegacyValue(parseJs(text, 'm.js').program, text);
const EXPECTED = ['src/orders.js:5 legacy-api-call GET /v2/orders store_v2_orders_read_only store-abc123.mybigcommerce.com'];

describe('modules lending a legacy location', () => {
  it('are told apart from modules that only use one or export something else', () => {
    expect(lends("export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';")).toBe(true);
    expect(lends("const BASE = HOST + '/api/v2';\nexport { BASE };")).toBe(true);
    expect(lends("const STORE = 'https://store-abc123.mybigcommerce.com';\nmodule.exports = { STORE, retries: 3 };")).toBe(true);
    expect(lends("export default { baseUrl: 'https://shop.example.com/api/v2' };")).toBe(true);
    expect(lends("const STORE = 'https://store-abc123.mybigcommerce.com';\nexport const cart = () => fetch(`${STORE}/api/storefront/carts`);")).toBe(false);
    expect(lends("const API = 'https://status.example.com/api/v2';\nexport async function summary() { return fetch(API); }")).toBe(false);
  });

  it('start the cross-file pass, which reports the importer\'s call though the scan found nothing else', async () => {
    const { report } = await scanDeep('exported-base');
    expect(summarize(report.findings)).toEqual(EXPECTED);
    expect(report.summary.complete).toBe(true);
  });

  it('start it on every scan with the cache, since a lender is never remembered as clean', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bc-lender-'));
    const cacheDir = await mkdtemp(join(tmpdir(), 'bc-lender-cache-'));
    try {
      await cp(join(DEEP_FIXTURES, 'exported-base'), root, { recursive: true });
      git(root, 'init', '-q');
      git(root, 'add', '.');
      git(root, 'commit', '-q', '-m', 'start');
      const scan = () => scanProject({ root, paths: [], config: testConfig, cache: { dir: cacheDir } });
      expect(summarize((await scan()).report.findings)).toEqual(EXPECTED);
      expect(summarize((await scan()).report.findings)).toEqual(EXPECTED);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
