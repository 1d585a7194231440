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

  it('check names the wrappers whose calls from other files are not followed', async () => {
    const dir = await copyFixture('wrappers', { git: true });
    const { stdout, code } = await runCli(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('4 clients or wrappers whose requests are not all traced (php/bc-api.php:6, php/bc-api.php:32, ruby/store_client.rb:19, ruby/store_client.rb:34)');
  });
});
