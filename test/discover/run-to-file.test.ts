// git's listings run to megabytes; they are taken through a temporary file, not a pipe, so that git
// never waits on a busy thread. The output must still arrive whole, and nothing may be left behind.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runToFile } from '../../src/discover/run-to-file.ts';

const ours = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`bc-oauth-migrate-${process.pid}-`));

describe('runToFile', () => {
  it('gives several megabytes of output whole, even when this thread is busy while it runs', async () => {
    const running = runToFile(process.execPath, ['-e', "process.stdout.write('x'.repeat(3_000_000) + 'end')"], { cwd: tmpdir() });
    const until = Date.now() + 200;
    while (Date.now() < until); // a pipe would fill up now
    const { code, stdout } = await running;
    expect(code).toBe(0);
    expect(stdout.length).toBe(3_000_003);
    expect(stdout.subarray(-3).toString()).toBe('end');
  });

  it('leaves no temporary file behind', async () => {
    await runToFile(process.execPath, ['-e', "process.stdout.write('hello')"], { cwd: tmpdir() });
    expect(ours()).toEqual([]);
  });

  it('gives the exit code and what the command wrote on stderr', async () => {
    const { code, stderr } = await runToFile(process.execPath, ['-e', "process.stderr.write('bad'); process.exit(3)"], { cwd: tmpdir() });
    expect(code).toBe(3);
    expect(stderr).toBe('bad');
  });

  it('gives a null code, not an empty answer, for a command that cannot start', async () => {
    const { code } = await runToFile('no-such-command-bc-oauth-migrate', [], { cwd: tmpdir() });
    expect(code).toBeNull();
  });
});
