// PHP and Ruby request wrappers through the built CLI: the scope list holds what the wrappers' calls
// need, and the report stays incomplete while calls from other files could add to it.
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, runCli, runJson } from './helpers.ts';

cleanTempDirsAfterAll();

describe('request wrappers in PHP and Ruby', () => {
  it('scan lists the scopes the wrappers\' calls need, and calls the list incomplete', async () => {
    const dir = await copyFixture('wrappers', { git: true });
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.scopes.map((s) => s.scope)).toEqual(['store_v2_customers', 'store_v2_marketing', 'store_v2_orders_read_only', 'store_v2_products']);
    expect(report.summary.complete).toBe(false);
  });

  it('check names the one wrapper another file calls, and that file; the wrappers no other file names are complete', async () => {
    const dir = await copyFixture('wrappers', { git: true });
    const { stdout, code } = await runCli(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('1 client or wrapper whose requests are not all traced (php/bc-api.php:6)');
    expect(stdout).toContain('Calls of `bc_api` from other files (php/orders-page.php) are not followed in PHP');
  });
});
