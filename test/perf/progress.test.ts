// Progress is for an interactive terminal: silent when stderr is piped or in CI.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.ts';
import type { CliIO } from '../../src/cli/io.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fakeIO(isTTY: boolean, env: NodeJS.ProcessEnv): { io: CliIO; written: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stderr.on('data', (chunk) => (text += chunk));
  const io: CliIO = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env, cwd: REPO };
  return { io, written: () => text };
}

function drive(io: CliIO): void {
  const progress = progressReporter(io);
  for (let done = 1; done <= 3; done++) progress.onProgress?.({ done, total: 3, findings: done });
  progress.clear();
}

describe('progress display', () => {
  it('draws on a terminal outside CI', () => {
    const { io, written } = fakeIO(true, {});
    drive(io);
    expect(written()).toContain('scanning 3/3 files, 3 findings');
  });

  it('says when the cross-file pass runs after the files are read', () => {
    const { io, written } = fakeIO(true, {});
    const progress = progressReporter(io);
    progress.onProgress?.({ done: 3, total: 3, findings: 2 });
    progress.onProgress?.({ done: 3, total: 3, findings: 2, crossFile: true });
    progress.clear();
    expect(written()).toContain('scanned 3 files, 2 findings; resolving across files…');
  });

  it('stays silent when stderr is not a terminal', () => {
    const { io, written } = fakeIO(false, {});
    drive(io);
    expect(written()).toBe('');
  });

  it('stays silent in CI even on a terminal', () => {
    const { io, written } = fakeIO(true, { CI: '1' });
    drive(io);
    expect(written()).toBe('');
  });

  it('leaves piped stderr empty on a real scan', async () => {
    const stderr = await new Promise<string>((done, fail) => {
      execFile(process.execPath, [join(REPO, 'bin', 'bc-oauth-migrate.js'), 'scan', join(REPO, 'fixtures', 'example-app')], (error, _out, err) =>
        error ? fail(error) : done(err),
      );
    });
    expect(stderr).toBe('');
  });
});
