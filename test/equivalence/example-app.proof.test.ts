// Second half of the example app's proof (issue 8): after `fix`, the app makes the same requests to
// the gateway as it made to the legacy API, every one succeeds with exactly the scopes the report
// printed, and each of those scopes is needed by at least one call.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { proveEquivalence, type EquivalenceProof } from './harness.ts';
import { EXAMPLE_APP_DIR, EXAMPLE_LEGACY_ENV, EXAMPLE_MODULES, EXAMPLE_SCENARIOS, EXAMPLE_SHARED_ENV } from './example-app.scenarios.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/bc-oauth-migrate.js', import.meta.url));

/** What a user does: read the scopes from the report, then let `fix` rewrite the code. */
async function migrate(appDir: string): Promise<{ scopes: string[] }> {
  const { stdout } = await run(process.execPath, [CLI, 'scan', appDir, '--format', 'json']);
  const report = JSON.parse(stdout) as { scopes: Array<{ scope: string }> };
  await run(process.execPath, [CLI, 'fix', appDir]);
  return { scopes: report.scopes.map((s) => s.scope) };
}

let proof: EquivalenceProof;

beforeAll(async () => {
  proof = await proveEquivalence({
    fixtureDir: EXAMPLE_APP_DIR,
    modules: EXAMPLE_MODULES,
    scenarios: EXAMPLE_SCENARIOS,
    sharedEnv: EXAMPLE_SHARED_ENV,
    legacyEnv: EXAMPLE_LEGACY_ENV,
    migrate,
  });
}, 120_000);

describe('the example app after fix', () => {
  it('reports the scopes the app needs', () => {
    expect([...proof.scopes].sort()).toEqual(['store_v2_customers_read_only', 'store_v2_information_read_only', 'store_v2_orders', 'store_v2_products']);
  });

  it('makes the same requests to the gateway as it made to the legacy API', () => {
    expect(proof.legacy.flatMap((r) => r.requests).length).toBeGreaterThan(0);
    expect(proof.mismatches).toEqual([]);
  });

  it('succeeds on every gateway request with exactly the reported scopes', () => {
    expect(proof.failedGatewayRequests).toEqual([]);
  });

  it('needs every reported scope: without any one of them some call is refused', () => {
    expect(proof.spareScopes).toEqual([]);
  });
});
