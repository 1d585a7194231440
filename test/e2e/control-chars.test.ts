// Control characters from the scanned code and its paths never reach a human-readable output raw:
// a line of their own could be a GitHub workflow command (`::add-mask::`), an ESC drives the terminal.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, gitCommitAll, makeTempDir, runCli } from './helpers.ts';

cleanTempDirsAfterAll();

const AUTH = "{ headers: { Authorization: 'Basic ' + btoa('u:' + process.env.K) } }";
/** Any control character but the line breaks and tabs an output is made of. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/u;

let root: string;

beforeAll(async () => {
  root = join(await makeTempDir(), 'repo');
  await mkdir(join(root, 'src'), { recursive: true });
  await writeFile(join(root, 'src', 'a.js'), `fetch('https://store-abc123.mybigcommerce.com/api/v2/orders/%0A::add-mask::x%0A::warning file=pwn.js::hello', ${AUTH});\n`);
  await writeFile(join(root, 'src', 'b.js'), `const x = '\u001b]0;pwn\u0007\u001b[31m'; fetch('https://store-abc123.mybigcommerce.com/api/v2/products', ${AUTH});\n`);
  await writeFile(join(root, 'src', 'new\nline.js'), `fetch('https://store-abc123.mybigcommerce.com/api/v2/customers', ${AUTH});\n`);
  await writeFile(join(root, 'src', 'esc\u001b[31m.js'), `fetch('https://store-abc123.mybigcommerce.com/api/v2/brands', ${AUTH});\n`);
  await gitCommitAll(root);
});

function expectOnlySafeLines(output: string): void {
  expect(output).not.toMatch(RAW_CONTROL);
  expect(output.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
}

describe('control characters from scanned code and paths', () => {
  it('are escaped in the text report, and no line starts a workflow command', async () => {
    const { stdout, code } = await runCli(['check', '.', '--no-cache'], { cwd: root });
    expect(code).toBe(1);
    expectOnlySafeLines(stdout);
    expect(stdout).toContain('src/new\\nline.js');
    expect(stdout).toContain('\\x1b]0;pwn\\x07');
    expect(stdout).toContain('GET /v2/orders/%0A::add-mask::x%0A::warning file=pwn.js::hello');
  });

  it('are escaped in the markdown report', async () => {
    const { stdout } = await runCli(['check', '.', '--no-cache', '--format', 'markdown'], { cwd: root });
    expectOnlySafeLines(stdout);
    expect(stdout).toContain('src/esc\\x1b[31m.js');
  });

  it('are escaped in the diffs and summary fix --dry-run prints', async () => {
    const { stdout, code } = await runCli(['fix', '--dry-run', '--no-cache', '.'], { cwd: root });
    expect(code).toBe(0);
    expectOnlySafeLines(stdout);
    expect(stdout).toContain('src/new\\nline.js');
  });
});
