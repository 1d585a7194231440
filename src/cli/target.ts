// Turns the common flags into what the library needs: a root, paths under it, and the config.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from './errors.ts';
import { globProblem } from '../discover/glob-syntax.ts';
import type { CliIO } from './io.ts';
import type { ScanCacheOptions } from '../analyze/cache.ts';
import type { Config } from '../types.ts';

export interface CommonFlags {
  root?: string;
  config?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  git?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
  cacheDir?: string;
}

export interface Target {
  root: string;
  paths: string[];
  config: Config;
  useGit: boolean;
  /** Where the scan remembers clean files between runs; absent with --no-cache. */
  cache?: ScanCacheOptions;
}

export function addCommonOptions(command: Command): Command {
  return command
    .option('--root <dir>', 'the project root: report paths are relative to it and its .bc-oauth-migrate.yml is read (default: the one folder given, else the current folder)')
    .option('-c, --config <file>', 'config file (default: <root>/.bc-oauth-migrate.yml)')
    .option('--include <glob>', 'only scan files matching this glob (repeatable; check exits 2 when the globs match no file)', collectGlob, [])
    .option('--exclude <glob>', 'skip files matching this glob (repeatable)', collectGlob, [])
    .option('--max-file-size <bytes>', 'skip files larger than this, with a note (default 1048576)', parseBytes)
    .option('--no-git', 'list files by walking folders (honouring .gitignore) instead of asking git')
    .option('--no-cache', 'analyze every file afresh: no result kept from an earlier scan of the unchanged tree, no contents it found clean (for audits)')
    .option('--cache-dir <dir>', 'where the scan cache is kept (default: $BC_OAUTH_MIGRATE_CACHE_DIR, else the user cache folder)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)');
}

export async function resolveTarget(paths: string[], flags: CommonFlags, io: CliIO): Promise<Target> {
  if (flags.root) checkRootFolder(flags.root, io.cwd);
  const absolute = (paths.length > 0 ? paths : ['.']).map((p) => resolve(io.cwd, p));
  for (const path of absolute) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`path does not exist: ${relative(io.cwd, path) || path}`);
    }
  }
  let root: string;
  if (flags.root) root = resolve(io.cwd, flags.root);
  else if (absolute.length === 1 && statSync(absolute[0]).isDirectory()) root = absolute[0];
  else root = io.cwd;

  const under = absolute.map((path) => {
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`path is outside the root ${root}: ${path}`);
    return rel === '' ? '.' : rel.split(sep).join('/');
  });

  // The config loader (and YAML with it) is loaded only by commands that read a config.
  const { loadConfig } = await import('../config/index.ts');
  const loaded = await loadConfig({ root, path: flags.config ? resolve(io.cwd, flags.config) : undefined });
  const config: Config = {
    ...loaded,
    include: [...loaded.include, ...(flags.include ?? [])],
    exclude: [...loaded.exclude, ...(flags.exclude ?? [])],
    maxFileSize: flags.maxFileSize ?? loaded.maxFileSize,
  };
  const cache = flags.cache === false ? undefined : { dir: flags.cacheDir ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(io.env) };
  return { root, paths: under, config, useGit: flags.git !== false, ...(cache ? { cache } : {}) };
}

/**
 * Said when include globs (--include or the config's `include`) let no file the tool reads through:
 * nothing was looked at, which must not read as "nothing legacy". `check` fails on it (exit 2, as a
 * linter does for a pattern that matches nothing); `scan` and `fix` warn.
 */
export function includeMatchedNothing(config: Config, summary: { filesScanned: number; skipped: number; errors: number }): string | null {
  if (config.include.length === 0 || summary.filesScanned + summary.skipped + summary.errors > 0) return null;
  return `no file the tool reads matches the include globs (${config.include.join(', ')}): nothing was checked`;
}

/** A --root that is missing or a file is named as such, not reported as every path lying outside it. */
function checkRootFolder(given: string, cwd: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(resolve(cwd, given)).isDirectory();
  } catch {
    throw new UsageError(`--root ${given}: the folder does not exist`);
  }
  if (!isFolder) throw new UsageError(`--root ${given}: is not a folder`);
}

/** $BC_OAUTH_MIGRATE_CACHE_DIR, else the platform's per-user cache folder (XDG on Linux). */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.BC_OAUTH_MIGRATE_CACHE_DIR) return resolve(env.BC_OAUTH_MIGRATE_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'bc-oauth-migrate', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'bc-oauth-migrate');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bc-oauth-migrate');
}

function collectGlob(value: string, previous: string[]): string[] {
  const problem = globProblem(value);
  if (problem) throw new InvalidArgumentError(`not a usable glob: it ${problem}.`);
  return [...previous, value];
}

export function parseBytes(value: string): number {
  const match = /^(\d+)\s*(k|kb|m|mb)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`takes a number of bytes (or 512k, 5m), got '${value}'`);
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(match[1]) * factor;
}

/** The flags of the commands that write (`fix`, `review`). */
export interface RewriteFlags {
  allowDirty?: boolean;
  tokenEnv?: string;
  storeHashEnv?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function addRewriteOptions(command: Command): Command {
  return command
    .option('--allow-dirty', 'write even when git shows uncommitted changes in the files to change')
    .option('--token-env <name>', 'env var that holds the access token (default: tokenEnv in the config, else BIGCOMMERCE_ACCESS_TOKEN)')
    .option('--store-hash-env <name>', 'env var that holds the store hash where no hash is known (default: storeHashEnv, else BIGCOMMERCE_STORE_HASH)');
}

/** The config with the env-var names the flags give, after checking they are names. */
export function withEnvNames(config: Config, flags: RewriteFlags): Config {
  for (const [flag, value] of [['--token-env', flags.tokenEnv], ['--store-hash-env', flags.storeHashEnv]] as const) {
    if (value !== undefined && !ENV_NAME.test(value)) throw new UsageError(`${flag} takes an environment variable name, got '${value}'`);
  }
  return { ...config, tokenEnv: flags.tokenEnv ?? config.tokenEnv, storeHashEnv: flags.storeHashEnv ?? config.storeHashEnv };
}
