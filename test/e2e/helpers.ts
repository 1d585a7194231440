// Runs the real CLI (bin/bc-oauth-migrate.js, built by `npm test`) on temporary copies of fixture repos.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdtemp, readdir, readFile, readlink, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Report } from '../../src/types.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO_ROOT, 'bin', 'bc-oauth-migrate.js');
export const FIXTURES = join(REPO_ROOT, 'fixtures');

/** The fake keys planted in fixtures/e2e/unparsed: curl's `-u` password in the Jenkinsfile, a Basic token in PowerShell. */
export const UNPARSED_SECRETS = ['9c4d1e7f2a6b8c0d3e5f', 'c3RvY2s6M2I3ZTlhMWM1ZDJmNGE2Yjhj'];
/** Every output format `check` writes, for tests that look at all of them. */
export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab'] as const;

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const made: string[] = [];

/** Removes every temporary folder this test file made, once its tests are done. */
export function cleanTempDirsAfterAll(): void {
  afterAll(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
}

export async function makeTempDir(prefix = 'bc-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Copies `fixtures/<name>` to a fresh temporary folder and returns the copy's path. Files named
 * `_gitignore` become `.gitignore` (a real one in the fixture would hide its files from this repo's
 * git). With `git`, the copy becomes a repository with everything committed.
 */
export async function copyFixture(name: string, options: { git?: boolean } = {}): Promise<string> {
  const dir = join(await makeTempDir(), 'repo');
  await cp(join(FIXTURES, name), dir, { recursive: true, verbatimSymlinks: true });
  await renameIgnoreFiles(dir);
  if (options.git) await gitCommitAll(dir);
  return dir;
}

async function renameIgnoreFiles(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await renameIgnoreFiles(path);
    else if (entry.name === '_gitignore') await rename(path, join(dir, '.gitignore'));
  }
}

const GIT_IDENTITY = ['-c', 'user.name=bc-e2e', '-c', 'user.email=bc-e2e@example.invalid', '-c', 'commit.gpgsign=false'];

export async function git(dir: string, args: string[]): Promise<string> {
  const result = await run('git', [...GIT_IDENTITY, ...args], { cwd: dir });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export async function gitCommitAll(dir: string): Promise<void> {
  await git(dir, ['init', '-q']);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'fixture']);
}

/** The environment a CI job or a terminal would give, without anything from the runner leaking in. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['GITHUB_STEP_SUMMARY', 'FORCE_COLOR', 'BC_OAUTH_MIGRATE_DEBUG']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function run(file: string, args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: cleanEnv(options.env ?? {}), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ stdout, stderr, code });
      },
    );
  });
}

/** `bc-oauth-migrate <args>` in `cwd`, as a user would type it. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return run(process.execPath, [BIN, ...args], options);
}

/** Runs the CLI, expects JSON on stdout, and returns it parsed with the result. */
export async function runJson(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult & { report: Report }> {
  const result = await runCli([...args, '--format', 'json'], options);
  let report: Report;
  try {
    report = JSON.parse(result.stdout) as Report;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${result.code}); stderr: ${result.stderr}\nstdout: ${result.stdout.slice(0, 500)}`);
  }
  return { ...result, report };
}

/** The findings in the order the report gives them, as `file:line rule method endpoint scope`. */
export function findingRows(report: Report): string[] {
  return report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.scope ?? '-'}`);
}

/**
 * Every entry under `dir` with a hash of what it is: file contents and mode, symlink targets,
 * FIFOs. `.git` is left out (git may refresh its own index). Never follows a symlink.
 */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (here: string): Promise<void> => {
    for (const entry of await readdir(here, { withFileTypes: true })) {
      const path = join(here, entry.name);
      const key = relative(dir, path).split(sep).join('/');
      if (key === '.git') continue;
      const stat = await lstat(path);
      if (stat.isSymbolicLink()) out[key] = `symlink -> ${await readlink(path)}`;
      else if (stat.isDirectory()) {
        out[key] = `dir ${(stat.mode & 0o7777).toString(8)}`;
        await walk(path);
      } else if (stat.isFIFO()) out[key] = 'fifo';
      else if (stat.isFile()) {
        const digest = createHash('sha256').update(await readFile(path)).digest('hex');
        out[key] = `file ${(stat.mode & 0o7777).toString(8)} ${digest}`;
      } else out[key] = 'other';
    }
  };
  await walk(dir);
  return out;
}
