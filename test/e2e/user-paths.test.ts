// A bad path or glob given on the command line is the user's mistake: a usage error (exit 2) that
// names the flag, the path and the problem, never "internal error" or an atomic writer's temp name.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, runCli } from './helpers.ts';

cleanTempDirsAfterAll();

let dir: string;

beforeAll(async () => {
  dir = await copyFixture('example-app', { git: true });
  await mkdir(join(dir, 'out'));
});

/** stderr is one line holding every part; nothing on stdout. */
async function expectUsageError(args: string[], ...parts: string[]): Promise<void> {
  const { stdout, stderr, code } = await runCli(args, { cwd: dir });
  expect(code).toBe(2);
  expect(stdout).toBe('');
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(lines[0]).not.toMatch(/internal error|\.\d{6,}/);
}

describe('files to write in a folder that does not exist, or that are a folder', () => {
  it('check --output into a missing folder names the flag and the folder', async () => {
    await expectUsageError(['check', '--output', 'missing/dir/x.json'], '--output missing/dir/x.json', 'does not exist');
  });

  it('scan --output into a missing folder names the flag and the folder', async () => {
    await expectUsageError(['scan', '--output', 'missing/x.txt'], '--output missing/x.txt', 'does not exist');
  });

  it('check --output naming a folder says it is a folder', async () => {
    await expectUsageError(['check', '--output', 'out'], '--output out', 'is a folder');
  });

  it('check --write-baseline into a missing folder names the flag and the folder', async () => {
    await expectUsageError(['check', '--write-baseline', 'missing/b.json'], '--write-baseline missing/b.json', 'does not exist');
  });

  it('fix --patch into a missing folder names the flag and the folder', async () => {
    await expectUsageError(['fix', '--patch', 'missing/x.patch'], '--patch missing/x.patch', 'does not exist');
  });
});

describe('--root and --include mistakes', () => {
  it('--root that does not exist says so, not that the paths are outside it', async () => {
    await expectUsageError(['check', '--root', 'no-such-root'], '--root no-such-root', 'does not exist');
  });

  it('--include with an unclosed bracket is a usage error naming the problem', async () => {
    const { stderr, code } = await runCli(['check', '--include', '['], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain("'['");
    expect(stderr).toContain('never closed');
  });

  it('check fails (exit 2) when the include globs match no file, instead of passing on nothing', async () => {
    await expectUsageError(['check', '--include', 'nothing/**'], 'nothing/**', 'nothing was checked');
  });

  it('scan warns on stderr when the include globs match no file, and still reports', async () => {
    const { stdout, stderr, code } = await runCli(['scan', '--include', 'nothing/**'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('warning: no file the tool reads matches the include globs (nothing/**)');
    expect(stdout).toContain('No legacy API usage found.');
  });
});
