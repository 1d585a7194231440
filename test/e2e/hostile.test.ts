// Issue 8, scan/check side: hostile and broken input gives a clear message, the documented exit code,
// and leaves every file byte-identical. The tree is built at test time: a 50 MB file, symlinks and a
// FIFO do not belong in git.
import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, gitCommitAll, hashTree, makeTempDir, runCli, runJson } from './helpers.ts';
import type { Report } from '../../src/types.ts';

cleanTempDirsAfterAll();

const AUTH_LINE = "const H = { Authorization: 'Basic ' + Buffer.from(process.env.U + ':' + process.env.K).toString('base64') };";
const call = (resource: string) => `export const f = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/${resource}', { headers: H });`;
/** A key that lives outside the root: reaching it through a symlink would be a leak. */
const OUTSIDE_KEY = '0badc0de0badc0de0badc0de0badc0de0badc0de';
const FIFTY_MB = 50 * 1024 * 1024;

async function writeLargeFile(path: string): Promise<void> {
  // Generated source that the pre-filter would let through, so only the size limit keeps it out.
  const chunk = Buffer.from(`// https://store-abc123.mybigcommerce.com/api/v2/orders generated row\n`.repeat(16384));
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < FIFTY_MB; written += chunk.length) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/** Returns the root of a tree holding every kind of hostile input, and a folder outside it. */
async function buildHostileTree(options: { fifo: boolean; large: boolean }): Promise<string> {
  const base = await makeTempDir('bc-hostile-');
  const root = join(base, 'repo');
  const outside = join(base, 'outside');
  await mkdir(join(root, 'src', 'loop'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.js'), `const KEY = '${OUTSIDE_KEY}';\n${AUTH_LINE}\n${call('customers')}\n`);

  await writeFile(join(root, 'src', 'syntax-error.js'), `${AUTH_LINE}\n${call('orders')}\nexport function broken( {\n`);
  await writeFile(join(root, 'src', 'binary.js'), Buffer.concat([Buffer.from(`${AUTH_LINE}\n${call('orders')}\n`), Buffer.from([0, 0, 0xff, 0x13, 0])]));
  await writeFile(join(root, 'src', 'crlf.js'), `${AUTH_LINE}\r\n${call('orders')}\r\n`);
  await writeFile(join(root, 'src', 'bom.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${AUTH_LINE}\n${call('products')}\n`)]));
  // Latin-1 bytes that are not valid UTF-8, in a comment above a legacy call.
  await writeFile(join(root, 'src', 'latin1.js'), Buffer.concat([Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x0a]), Buffer.from(`${AUTH_LINE}\n${call('brands')}\n`)]));
  await symlink('..', join(root, 'src', 'loop', 'up'));
  await symlink('self.js', join(root, 'src', 'self.js'));
  await symlink(join('..', '..', 'outside'), join(root, 'src', 'outside-dir'));
  await symlink(join('..', '..', 'outside', 'secret.js'), join(root, 'src', 'outside-file.js'));
  // Tests run as root, where chmod 000 does not stop a read; a dangling symlink is what we can make unreadable.
  await symlink('deleted-long-ago.js', join(root, 'src', 'dangling.js'));
  if (options.fifo) execFileSync('mkfifo', [join(root, 'src', 'pipe.js')]);
  if (options.large) await writeLargeFile(join(root, 'src', 'generated.js'));
  return root;
}

describe('scan and check on a tree of hostile input (folder walk)', () => {
  let root: string;
  let before: Record<string, string>;
  let scanned: { report: Report; code: number; stderr: string };

  beforeAll(async () => {
    root = await buildHostileTree({ fifo: true, large: true });
    before = await hashTree(root);
    scanned = await runJson(['scan'], { cwd: root });
  });

  it('completes with exit 0 and a report (no hang on the FIFO, no endless loop on the symlinks)', () => {
    expect(scanned.code).toBe(0);
    expect(scanned.stderr).toBe('');
  });

  it('lists the file with a syntax error under errors, with its line', () => {
    expect(scanned.report.errors).toEqual([{ file: 'src/syntax-error.js', message: expect.stringMatching(/line 4/) }]);
    expect(scanned.report.summary.complete).toBe(false);
  });

  it('skips the binary .js file with a note', () => {
    expect(scanned.report.skipped).toContainEqual(expect.objectContaining({ file: 'src/binary.js', reason: 'binary' }));
  });

  it('skips the 50 MB file with a note giving its size and the limit', () => {
    // Its rows name a store URL: it may hide legacy calls, so it is marked (the report is incomplete anyway here).
    expect(scanned.report.skipped).toContainEqual({ file: 'src/generated.js', reason: 'too-large', message: expect.stringMatching(/MiB.*limit.*names BigCommerce/), mightBeLegacy: true });
  });

  it('finds the call in a file with non-UTF-8 bytes, at its line', () => {
    expect(scanned.report.findings).toContainEqual(expect.objectContaining({ file: 'src/latin1.js', line: 3, endpoint: '/v2/brands' }));
  });

  it('finds the call in a file with a UTF-8 BOM, at the same column as without it', () => {
    const crlf = scanned.report.findings.find((f) => f.file === 'src/crlf.js' && f.rule === 'legacy-api-call');
    const bom = scanned.report.findings.find((f) => f.file === 'src/bom.js' && f.rule === 'legacy-api-call');
    expect(bom).toMatchObject({ line: 2, endpoint: '/v2/products' });
    expect(bom?.column).toBe(crlf?.column);
  });

  it('finds the call in a CRLF file at its line, with no carriage return in the snippet', () => {
    const crlf = scanned.report.findings.find((f) => f.file === 'src/crlf.js' && f.rule === 'legacy-api-call');
    expect(crlf).toMatchObject({ line: 2, endpoint: '/v2/orders', method: 'GET' });
    expect(crlf?.snippet ?? '').not.toContain('\r');
  });

  it('does not follow a symlink loop, and says so', () => {
    expect(scanned.report.skipped).toContainEqual(expect.objectContaining({ file: 'src/loop/up', reason: 'symlink-loop' }));
    expect(scanned.report.skipped).toContainEqual(expect.objectContaining({ file: 'src/self.js', reason: 'symlink-loop' }));
    expect(scanned.report.findings.some((f) => f.file.startsWith('src/loop/'))).toBe(false);
  });

  it('does not follow symlinks out of the root, says so, and never shows what is behind them', () => {
    expect(scanned.report.skipped).toContainEqual(expect.objectContaining({ file: 'src/outside-dir', reason: 'symlink-outside-root' }));
    expect(scanned.report.skipped).toContainEqual(expect.objectContaining({ file: 'src/outside-file.js', reason: 'symlink-outside-root' }));
    expect(JSON.stringify(scanned.report)).not.toContain(OUTSIDE_KEY);
    expect(scanned.report.findings.some((f) => f.endpoint === '/v2/customers')).toBe(false);
  });

  it('reports an unreadable file (a dangling symlink, as root cannot be denied a read) with the reason', () => {
    expect(scanned.report.skipped).toContainEqual({ file: 'src/dangling.js', reason: 'unreadable', message: expect.stringMatching(/broken symbolic link/) });
  });

  it('leaves a FIFO with a source name alone: not read, not reported as a finding', () => {
    expect(scanned.report.findings.some((f) => f.file === 'src/pipe.js')).toBe(false);
    expect(scanned.report.errors.some((e) => e.file === 'src/pipe.js')).toBe(false);
  });

  // Symlinks dropped by discovery are skipped too, but were never listed: they must not be subtracted.
  it('counts the files it scanned as a non-negative number no larger than the files on disk', () => {
    expect(scanned.report.summary.filesScanned).toBeGreaterThanOrEqual(0);
    expect(scanned.report.summary.filesScanned).toBe(4);
  });

  it('exits 1 from check on the legacy calls in the readable files, 3 never hiding them', async () => {
    const { code, stdout } = await runCli(['check'], { cwd: root });
    expect(code).toBe(1);
    expect(stdout).toContain('Analysis incomplete');
  });

  it('leaves every file byte-identical after scan and check in every format', async () => {
    // The JSON scan ran in beforeAll; rendering differs per format, reading does not.
    const scans = ['text', 'markdown'].map((format) => runCli(['scan', '--format', format], { cwd: root }));
    const checks = ['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab'].map((format) => runCli(['check', '--format', format], { cwd: root }));
    expect((await Promise.all(scans)).map((r) => r.code)).toEqual([0, 0]);
    expect((await Promise.all(checks)).map((r) => r.code)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(await hashTree(root)).toEqual(before);
    // The hash covers what matters: the large file, the symlinks and the FIFO.
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['src/generated.js', 'src/loop/up', 'src/outside-file.js', 'src/pipe.js']));
  });
});

describe('hostile symlinks committed to git', () => {
  it('are listed by git yet still not followed, and nothing changes on disk', async () => {
    const root = await buildHostileTree({ fifo: false, large: false });
    await gitCommitAll(root);
    const before = await hashTree(root);
    const { report, code } = await runJson(['scan'], { cwd: root });
    expect(code).toBe(0);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons).toMatchObject({
      'src/loop/up': 'symlink-loop',
      'src/self.js': 'symlink-loop',
      'src/outside-dir': 'symlink-outside-root',
      'src/outside-file.js': 'symlink-outside-root',
      'src/dangling.js': 'unreadable',
    });
    expect(JSON.stringify(report)).not.toContain(OUTSIDE_KEY);
    expect(await hashTree(root)).toEqual(before);
  });
});

describe('hostile invocations', () => {
  it('a path that does not exist: exit 2, one line naming it, nothing written', async () => {
    const dir = await copyFixture('example-app');
    const before = await hashTree(dir);
    for (const command of ['scan', 'check']) {
      const { stdout, stderr, code } = await runCli([command, 'src/nowhere.js'], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('src/nowhere.js')]);
    }
    expect(await hashTree(dir)).toEqual(before);
  });

  it.each([
    ['include is a number', 'include: 3\n', 'include'],
    ['stores is a list', 'stores:\n  - shop.example.com\n', 'stores'],
    ['tokenEnv is a mapping', 'tokenEnv:\n  name: X\n', 'tokenEnv'],
    ['allowedScopes holds a number', 'allowedScopes:\n  - 42\n', 'allowedScopes[0]'],
  ])('a config file where %s: exit 2 naming the key, for scan and check, nothing written', async (_what, yaml, key) => {
    const dir = await copyFixture('example-app');
    await writeFile(join(dir, '.bc-oauth-migrate.yml'), yaml);
    const before = await hashTree(dir);
    for (const command of ['scan', 'check']) {
      const { stdout, stderr, code } = await runCli([command], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`'${key}'`)]);
    }
    expect(await hashTree(dir)).toEqual(before);
  });

  it('a config file that is not YAML at all: exit 2 naming the file', async () => {
    const dir = await copyFixture('example-app');
    await writeFile(join(dir, '.bc-oauth-migrate.yml'), 'stores: [unclosed\n  tokenEnv: : :\n');
    const { stderr, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('.bc-oauth-migrate.yml');
  });
});
