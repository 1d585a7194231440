// Issue 8, fix side: hostile and broken input through the built CLI (and, where a race must be forced,
// the library in process or the CLI with a preload hook). Every file is either rewritten as meant or
// left byte-identical; nothing is half-written; the exit codes are the ones `fix --help` documents.
import { execFile, spawn } from 'node:child_process';
import { cp, readdir, readFile, stat, writeFile, mkdir, appendFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanProject } from '../../src/analyze/index.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { planRewrites, writePatches } from '../../src/rewrite/index.ts';
import { BIN, cleanTempDirsAfterAll, gitCommitAll, hashTree, makeTempDir, runCli, type CliResult } from './helpers.ts';

cleanTempDirsAfterAll();

const AUTH_LINE = "const H = { Authorization: 'Basic ' + Buffer.from(process.env.U + ':' + process.env.K).toString('base64') };";
const REWRITTEN_AUTH_LINE = "const H = { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' };";
const call = (resource: string) => `export const f = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/${resource}', { headers: H });`;
const gatewayCall = (resource: string) => `export const f = () => fetch('https://api.bigcommerce.com/stores/abc123/v2/${resource}', { headers: H });`;
const legacyFile = (resource: string, eol = '\n') => `${AUTH_LINE}${eol}${call(resource)}${eol}`;
const rewrittenFile = (resource: string, eol = '\n') => `${REWRITTEN_AUTH_LINE}${eol}${gatewayCall(resource)}${eol}`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A fresh folder (outside git unless asked) holding `files`, relative path to content. */
async function treeOf(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): Promise<string> {
  const root = join(await makeTempDir('bc-fix-hostile-'), 'repo');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  if (options.git) await gitCommitAll(root);
  return root;
}

describe('fix beside a file that does not parse', () => {
  let root: string;
  let brokenBytes: Buffer;
  let result: CliResult;
  let json: { refused: unknown[]; filesChanged: string[] } & Record<string, unknown>;

  beforeAll(async () => {
    root = await treeOf({ 'src/ok.js': legacyFile('orders'), 'src/broken.js': `${legacyFile('orders')}export function broken( {\n` }, { git: true });
    brokenBytes = await readFile(join(root, 'src/broken.js'));
    json = JSON.parse((await runCli(['fix', '--dry-run', '--format', 'json'], { cwd: root })).stdout);
    result = await runCli(['fix'], { cwd: root });
  });

  it('writes the fixable file, leaves the broken one byte-identical, and exits 0', async () => {
    expect(result.code).toBe(0);
    expect(await readFile(join(root, 'src/ok.js'), 'utf8')).toBe(rewrittenFile('orders'));
    expect((await readFile(join(root, 'src/broken.js'))).equals(brokenBytes)).toBe(true);
    expect(json.filesChanged).toEqual(['src/ok.js']);
  });

  // A file that does not parse is named in the summary, or its legacy call would go unmentioned.
  it('names the file that does not parse in its summary, text and JSON', () => {
    expect(result.stdout).toContain('src/broken.js');
    expect(JSON.stringify(json)).toContain('src/broken.js');
  });
});

describe('fix on encodings and line endings', () => {
  it('leaves a file with non-UTF-8 bytes byte-identical and lists its call for a human, with the reason', async () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9, 0x20, 0xff, 0x0a]), Buffer.from(legacyFile('brands'))]);
    const root = await treeOf({ 'src/latin1.js': latin1, 'src/ok.js': legacyFile('orders') }, { git: true });
    const { stdout, code } = await runCli(['fix'], { cwd: root });
    expect(code).toBe(0);
    expect((await readFile(join(root, 'src/latin1.js'))).equals(latin1)).toBe(true);
    expect(stdout).toMatch(/! src\/latin1\.js:3 .*not valid UTF-8/);
    expect(await readFile(join(root, 'src/ok.js'), 'utf8')).toBe(rewrittenFile('orders'));
  });

  it('keeps a BOM and CRLF line endings in the file it rewrites', async () => {
    const root = await treeOf({ 'src/bom-crlf.js': Buffer.concat([BOM, Buffer.from(legacyFile('products', '\r\n'))]) }, { git: true });
    const { code } = await runCli(['fix'], { cwd: root });
    expect(code).toBe(0);
    const bytes = await readFile(join(root, 'src/bom-crlf.js'));
    expect(bytes.equals(Buffer.concat([BOM, Buffer.from(rewrittenFile('products', '\r\n'))]))).toBe(true);
  });
});

describe('fix on a file it cannot write', () => {
  // Root ignores file modes, so chmod cannot make a file unwritable in these tests. The ext4
  // immutable attribute can: not even root may replace the file (the atomic rename fails with EPERM).
  let root: string;
  let locked: string;
  let result: CliResult;
  let before: Buffer;

  beforeAll(async () => {
    root = await treeOf({ 'src/locked.js': legacyFile('orders'), 'src/open.js': legacyFile('customers') }, { git: true });
    locked = join(root, 'src/locked.js');
    before = await readFile(locked);
    execFileSync('chattr', ['+i', locked]);
    result = await runCli(['fix'], { cwd: root });
  });

  afterAll(() => {
    execFileSync('chattr', ['-i', locked]); // or the temp folder cannot be removed
  });

  it('exits 2 and lists the file under "Not written" with the reason', () => {
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Not written\n {2}✖ src\/locked\.js: cannot write it: .*(EPERM|not permitted)/);
  });

  it('leaves it byte-identical, writes the other file, and leaves no temp file behind', async () => {
    expect((await readFile(locked)).equals(before)).toBe(true);
    expect(await readFile(join(root, 'src/open.js'), 'utf8')).toBe(rewrittenFile('customers'));
    expect((await readdir(join(root, 'src'))).sort()).toEqual(['locked.js', 'open.js']);
  });
});

describe('fix on a file changed on disk between reading and writing', () => {
  it('in process: a file edited between planRewrites and writePatches is refused and keeps the edit', async () => {
    const root = await treeOf({ 'src/a.js': legacyFile('orders'), 'src/b.js': legacyFile('brands') });
    const config = defaultConfig();
    const scan = await scanProject({ root, paths: [], config, useGit: false });
    const plan = await planRewrites(scan, config);
    const edited = `${legacyFile('orders')}// edited meanwhile\n`;
    await writeFile(join(root, 'src/a.js'), edited);
    const outcome = await writePatches(plan.patches, { root });
    expect(outcome.written).toEqual(['src/b.js']);
    expect(outcome.refused).toEqual([{ file: 'src/a.js', reason: expect.stringContaining('changed on disk') }]);
    expect(await readFile(join(root, 'src/a.js'), 'utf8')).toBe(edited);
  });

  it('through the CLI: a preload hook edits the file just as the writer reads it again; exit 2, the edit kept', async () => {
    const root = await treeOf({ 'src/a.js': legacyFile('orders'), 'src/b.js': legacyFile('brands') }, { git: true });
    const target = join(root, 'src/a.js');
    // The hook wraps fs.readFileSync; only the writer's second read (its stack names writeOne) edits
    // the file first, as another program saving it at that instant would.
    const hook = join(await makeTempDir(), 'edit-before-write.mjs');
    await writeFile(
      hook,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const target = process.env.BC_TEST_EDIT_TARGET;
const original = fs.readFileSync;
let edited = false;
fs.readFileSync = function (path, ...rest) {
  if (!edited && path === target && /\\bwriteOne\\b/.test(new Error().stack ?? '')) {
    edited = true;
    fs.appendFileSync(target, '// saved by an editor meanwhile\\n');
  }
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
`,
    );
    const result = await new Promise<CliResult>((done) => {
      execFile(
        process.execPath,
        ['--import', pathToFileURL(hook).href, BIN, 'fix'],
        { cwd: root, env: { ...process.env, NO_COLOR: '1', BC_TEST_EDIT_TARGET: target }, encoding: 'utf8' },
        (error, stdout, stderr) => done({ stdout, stderr, code: error ? Number(error.code ?? -1) : 0 }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/✖ src\/a\.js: it changed on disk since it was read/);
    expect(await readFile(target, 'utf8')).toBe(`${legacyFile('orders')}// saved by an editor meanwhile\n`);
    expect(await readFile(join(root, 'src/b.js'), 'utf8')).toBe(rewrittenFile('brands'));
  });
});

describe('fix killed in the middle (SIGKILL)', () => {
  const FILES = 200;
  const TRIALS = 4;
  const names = Array.from({ length: FILES }, (_, i) => `job-${String(i).padStart(3, '0')}.js`);
  const resources = ['orders', 'products', 'customers', 'brands', 'coupons'];
  const original = new Map(names.map((name, i) => [name, Buffer.from(legacyFile(resources[i % resources.length]))]));
  const rewritten = new Map(names.map((name, i) => [name, Buffer.from(rewrittenFile(resources[i % resources.length]))]));
  let template: string;
  /** When, after spawning, the calibration run wrote its first and last file (ms). */
  let window: [number, number];

  function spawnFix(cwd: string): { started: number; exited: Promise<void>; kill(): void } {
    const child = spawn(process.execPath, [BIN, 'fix'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    return { started: Date.now(), exited, kill: () => child.kill('SIGKILL') };
  }

  beforeAll(async () => {
    template = await treeOf(Object.fromEntries(names.map((name) => [`src/${name}`, original.get(name)!])));
    const calibration = join(await makeTempDir(), 'repo');
    await cp(template, calibration, { recursive: true });
    const run = spawnFix(calibration);
    await run.exited;
    const mtimes = await Promise.all(names.map(async (name) => (await stat(join(calibration, 'src', name))).mtimeMs - run.started));
    window = [Math.min(...mtimes), Math.max(...mtimes)];
    // The calibration run itself must produce the fully rewritten tree.
    for (const name of names) expect((await readFile(join(calibration, 'src', name))).equals(rewritten.get(name)!), name).toBe(true);
  }, 60_000);

  it('leaves every file either as it was or fully rewritten, and only write-file-atomic temp files beside them', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(await makeTempDir(), 'repo');
      await cp(template, dir, { recursive: true });
      // Most kills land while files are being written; some just before the first write.
      const delay = window[0] * 0.8 + Math.random() * (window[1] - window[0] * 0.8);
      const run = spawnFix(dir);
      const timer = setTimeout(run.kill, delay);
      await run.exited;
      clearTimeout(timer);

      for (const entry of await readdir(join(dir, 'src'))) {
        const bytes = await readFile(join(dir, 'src', entry));
        if (original.has(entry)) {
          const whole = bytes.equals(original.get(entry)!) || bytes.equals(rewritten.get(entry)!);
          expect(whole, `trial ${trial} (kill after ${Math.round(delay)} ms): ${entry} is half-written`).toBe(true);
          continue;
        }
        // write-file-atomic's documented temp name: `<file>.<murmur hash>`, holding part of the new text.
        const temp = /^(job-\d{3}\.js)\.\d+$/.exec(entry);
        expect(temp, `trial ${trial}: unexpected file ${entry}`).not.toBeNull();
        expect(rewritten.get(temp![1])!.subarray(0, bytes.length).equals(bytes), `trial ${trial}: ${entry} holds something else`).toBe(true);
      }
      expect((await readdir(join(dir, 'src'))).filter((e) => original.has(e))).toHaveLength(FILES);
    }
  }, 120_000);
});

describe('fix exit codes, as fix --help documents them', () => {
  it('documents 0 and 2 in its help', async () => {
    const { stdout, code } = await runCli(['fix', '--help'], { cwd: process.cwd() });
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain('Exit codes: 0 the fix completed, 2 usage or tool error');
  });

  it('exits 0 when every change was written', async () => {
    const root = await treeOf({ 'src/a.js': legacyFile('orders') }, { git: true });
    expect((await runCli(['fix'], { cwd: root })).code).toBe(0);
  });

  it.each([
    ['a path that does not exist', ['fix', 'src/nowhere.js'], 'src/nowhere.js'],
    ['--dry-run with --patch', ['fix', '--dry-run', '--patch', 'x.patch'], '--dry-run'],
    ['an unknown format', ['fix', '--format', 'sarif'], 'sarif'],
    ['an env var name that is not one', ['fix', '--store-hash-env', '1-bad'], '--store-hash-env'],
  ])('exits 2 on %s, with a message naming it first on stderr, and changes nothing', async (_what, args, named) => {
    const root = await treeOf({ 'src/a.js': legacyFile('orders') }, { git: true });
    const before = await hashTree(root);
    const { stdout, stderr, code } = await runCli(args, { cwd: root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(named);
    expect(await hashTree(root)).toEqual(before);
  });

  it('exits 2 on uncommitted changes in a file to write, and writes nothing', async () => {
    const root = await treeOf({ 'src/a.js': legacyFile('orders'), 'src/b.js': legacyFile('brands') }, { git: true });
    await appendFile(join(root, 'src/b.js'), '// local work\n');
    const before = await hashTree(root);
    const { code } = await runCli(['fix'], { cwd: root });
    expect(code).toBe(2);
    expect(await hashTree(root)).toEqual(before);
  });
});
