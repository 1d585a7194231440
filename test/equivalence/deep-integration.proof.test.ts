// The migration proof (issue 8) for fixtures/deep/integration, an app shaped like a real integration:
// a wrapper class used from express routes, an exported axios instance, JSON config, .env.example.
// After `fix`, its route handlers and jobs make the same requests to the gateway as they made to the
// legacy API, every one succeeds with exactly the scopes the report printed, and each scope is needed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { proveEquivalence, type EquivalenceProof } from './harness.ts';
import {
  INTEGRATION_APP_DIR,
  INTEGRATION_LEGACY_ENV,
  INTEGRATION_MODULES,
  INTEGRATION_SCENARIOS,
  INTEGRATION_STORE_HASH,
  integrationGatewayEnv,
} from './deep-integration.scenarios.ts';

// proveEquivalence serves the gateway for the harness's test store (abc123); this app's config names
// store k7x2m9, and the rewritten base URL carries that hash. Serve the app's own store instead.
vi.mock('../standin/standin.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../standin/standin.ts')>();
  return { ...original, startStandin: (options: Parameters<typeof original.startStandin>[0]) => original.startStandin({ ...options, storeHash: INTEGRATION_STORE_HASH }) };
});

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/bc-oauth-migrate.js', import.meta.url));

interface ScanJson {
  summary: { complete: boolean };
  scopes: Array<{ scope: string }>;
  findings: Array<{ file: string; rule: string; endpoint: string | null }>;
}

let scan: ScanJson;

/** What a user does: read the scopes from the report, then let `fix` rewrite the code. */
async function migrate(appDir: string): Promise<{ scopes: string[] }> {
  const { stdout } = await run(process.execPath, [CLI, 'scan', appDir, '--format', 'json']);
  scan = JSON.parse(stdout) as ScanJson;
  await run(process.execPath, [CLI, 'fix', appDir]);
  return { scopes: scan.scopes.map((s) => s.scope) };
}

let proof: EquivalenceProof;

beforeAll(async () => {
  proof = await proveEquivalence({
    fixtureDir: INTEGRATION_APP_DIR,
    modules: INTEGRATION_MODULES,
    scenarios: INTEGRATION_SCENARIOS,
    legacyEnv: INTEGRATION_LEGACY_ENV,
    gatewayEnv: integrationGatewayEnv,
    migrate,
  });
}, 120_000);

describe('the deep integration fixture after fix', () => {
  it('reports the scopes its calls need', () => {
    expect([...proof.scopes].sort()).toEqual(['store_v2_customers_read_only', 'store_v2_marketing', 'store_v2_orders', 'store_v2_products']);
  });

  it('says its report is incomplete only because of the proxy route, whose path is dynamic', () => {
    expect(scan.summary.complete).toBe(false);
    expect(scan.findings.filter((f) => f.rule === 'legacy-api-call' && f.endpoint === null).map((f) => f.file)).toEqual(['src/routes/proxy.js']);
  });

  it('runs every scenario on the legacy API without an error', () => {
    expect(proof.legacy.filter((r) => r.error !== undefined || r.requests.length === 0)).toEqual([]);
    expect(proof.legacy.flatMap((r) => r.requests).filter((r) => r.outcome !== 'ok')).toEqual([]);
  });

  it('makes the same requests to the gateway as it made to the legacy API', () => {
    expect(proof.mismatches).toEqual([]);
    expect(proof.gateway.filter((r) => r.error !== undefined)).toEqual([]);
  });

  it('succeeds on every gateway request with exactly the reported scopes', () => {
    expect(proof.failedGatewayRequests).toEqual([]);
  });

  it('needs every reported scope: without any one of them some call is refused', () => {
    expect(proof.spareScopes).toEqual([]);
  });
});
