import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/bc-oauth-migrate.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example-app', import.meta.url));

describe('output into a pipe that closes early', () => {
  it('stops quietly, without a stack trace, when the reader goes away', async () => {
    const { stdout, stderr } = await run('bash', ['-o', 'pipefail', '-c', `node ${JSON.stringify(CLI)} fix --dry-run ${JSON.stringify(EXAMPLE)} | head -1; echo "status=$?" >&2`]);
    expect(stdout).toBe('diff --git a/.env.example b/.env.example\n');
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(stderr).toContain('status=0');
  });
});
