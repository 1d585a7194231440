// Ink renders only its last frame when it believes it runs in CI (it reads the CI variable once, when
// loaded). The review tests look at intermediate frames, as a person at a terminal sees them, so the
// test processes must not inherit CI from the machine. Tests that need CI set pass it explicitly.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
for (const key of Object.keys(process.env)) if (key.startsWith('CI_')) delete process.env[key];

// The CLI keeps a scan cache in the user's cache folder; tests keep theirs in a folder of their own
// (one per test file), so no run depends on what an earlier run, or the developer, left there. It
// is removed when the file's tests end, so test runs leave nothing behind in the temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
const cacheDir = mkdtempSync(join(tmpdir(), 'bcom-test-cache-'));
process.env.BC_OAUTH_MIGRATE_CACHE_DIR = cacheDir;
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
