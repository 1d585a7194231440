// Jupyter notebooks through the built CLI: a data team's notebooks (fixtures/e2e/notebooks) hold
// legacy calls in Python cells, `!curl` lines and a %%bash cell, an R notebook's call, a written
// key, saved V2 responses in outputs, and a suppressed cleanup call.
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, findingRows, FORMATS, hashTree, runCli, runJson } from './helpers.ts';

cleanTempDirsAfterAll();

const KEY = 'f3c9a1e07b5d42c8a6e1d0b9c7f2a4e5';

describe('notebooks', () => {
  it.each([false, true])('scan reports the code cells\' legacy calls and key at their notebook lines, not outputs or markdown (git work tree: %s)', async (git) => {
    const dir = await copyFixture('e2e/notebooks', { git });
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(findingRows(report)).toEqual([
      'analysis/customers.ipynb:11 legacy-api-call - /v2/customers store_v2_customers',
      'analysis/orders-report.ipynb:23 hardcoded-credential - - -',
      'analysis/orders-report.ipynb:43 legacy-api-call GET /v2/orders store_v2_orders_read_only',
      'analysis/orders-report.ipynb:54 legacy-api-call DELETE /v2/customers/{id} store_v2_customers',
      'analysis/orders-report.ipynb:63 legacy-api-call GET /v2/products/count store_v2_products_read_only',
      'analysis/orders-report.ipynb:73 legacy-api-call PUT /v2/products/{id} store_v2_products',
    ]);
    expect(report.findings.every((f) => !f.fixable)).toBe(true);
  });

  it('check fails on them, counts the suppressed call, and never prints the key in any format', async () => {
    const dir = await copyFixture('e2e/notebooks', { git: true });
    for (const format of FORMATS) {
      const { stdout, stderr, code } = await runCli(['check', '--no-cache', '--format', format], { cwd: dir });
      expect({ format, code }).toEqual({ format, code: 1 });
      expect(stdout + stderr).not.toContain(KEY);
      if (format === 'text') expect(stdout).toContain('1 finding suppressed by comments');
    }
  });

  it('fix leaves every notebook as it is', async () => {
    const dir = await copyFixture('e2e/notebooks', { git: true });
    const before = await hashTree(dir);
    const { stdout, stderr, code } = await runCli(['fix'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(KEY);
    expect(await hashTree(dir)).toEqual(before);
  });
});
