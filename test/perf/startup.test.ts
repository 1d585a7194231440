// The lean start-up path must answer exactly as the full command line does.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { quickAnswer } from '../../src/cli/quick.ts';
import { runCli } from '../../src/cli/program.ts';
import type { CliIO } from '../../src/cli/io.ts';

async function viaCommander(argv: string[]): Promise<{ out: string; code: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += chunk));
  const io: CliIO = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { out, code };
}

describe('quickAnswer', () => {
  it('prints what commander prints for --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const full = await viaCommander([flag]);
      expect(full.code).toBe(0);
      expect(quickAnswer([flag])).toBe(full.out);
    }
  });

  it('leaves every other command line to the full CLI', () => {
    for (const argv of [[], ['scan'], ['--help'], ['scan', '--version'], ['--version', 'scan'], ['-V']]) {
      expect(quickAnswer(argv)).toBeNull();
    }
  });
});
