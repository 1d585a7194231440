import { promises as fs, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { FileError, SkippedFile } from '../types.ts';
import { DiscoverError } from './errors.ts';
import { excludedFolderGlobs, isDefaultExcluded, makeGlobFilter, type GlobFilter } from './excludes.ts';
import { listGitFiles } from './git.ts';
import { trackedFilesContaining } from './git-grep.ts';
import { fileKindOf, gitSearchesFile, KIND_NAME_GLOBS } from './kinds.ts';
import type { ListedEntry, Listing } from './listing.ts';
import { Slots } from './slots.ts';
import { isInside, judgeSymlink } from './symlinks.ts';
import type { UnchangedProbe } from './tree-digest.ts';
import type { DiscoveredFile, Discovery, GitSearchRoot } from './types.ts';
import { walkFiles } from './walk.ts';
import { byCodeUnit } from '../order.ts';

export interface DiscoverOptions {
  root: string;
  /** Files or folders under the root, absolute or relative to it; empty means the whole root. */
  paths: string[];
  include: string[];
  exclude: string[];
  /** Not used while listing (files are not stat'ed then): `readSourceFile` applies it. */
  maxFileSize: number;
  /** List through git when the root is in a work tree (default true). */
  useGit?: boolean;
  /**
   * Given, before listing ends, files that will be in the result, so that reading can start while
   * git still looks for untracked ones: git's tracked files as soon as git has listed them or, with
   * `needles`, those git finds a needle in, as it finds them. Not called when listing does not go
   * through git. Files given here may, rarely, be missing from the result (git failed half-way and
   * the walk took over): the result is what counts. `listed`: how many files git's tracked listing
   * holds, for a progress display. `configs`: the tsconfig.json, jsconfig.json and package.json
   * files the tracked listing holds (the same with every call), whose path aliases decide how files
   * are read.
   */
  onEarlyFiles?: (files: DiscoveredFile[], listed: number, configs: readonly string[]) => void;
  /**
   * The pre-filter's needles: when listing goes through git, git also searches the tracked files for
   * them, and the files it finds none in are marked `noNeedle` (never read). Early files are then
   * only those it finds a needle in, handed out as it finds them.
   */
  needles?: readonly string[];
  /**
   * From a caller that kept a result for a tree (analyze/result-cache.ts): when git's listing shows
   * the tree unchanged, discovery returns `unchanged` without listing a file. The result also carries
   * the tree's digests for it to keep a new result by. Used only when listing goes through git and no
   * file is named one by one.
   */
  unchanged?: UnchangedProbe;
}

/** What the user asked for, checked: folders to list and files named one by one. */
interface Targets {
  dirs: string[];
  files: string[];
}

/**
 * Lists the files to analyze: through `git ls-files` when the root is in a work tree (searching the
 * tracked ones for the needles with `git grep` when asked), else a walk honouring .gitignore files;
 * then default excludes, --include/--exclude and symlink rules.
 * Throws DiscoverError when the root or a path does not exist or lies outside the root.
 */
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  const root = resolve(options.root);
  const rootReal = realRoot(root);
  const targets = resolveTargets(root, rootReal, options.paths);
  const filter = makeGlobFilter(options.include, options.exclude);

  const viaGit = targets.dirs.length > 0 && options.useGit !== false;
  // git searches only the files of a kind the scan reads: the rest cannot be marked needle-free.
  const gitRoot: GitSearchRoot = { root: rootReal, dirs: targets.dirs, names: KIND_NAME_GLOBS };
  const onEarlyFiles = options.onEarlyFiles;
  // Files handed out early are the very objects the result holds (the scan matches them by identity).
  let early: Map<string, DiscoveredFile> | undefined;
  const needles = viaGit ? options.needles : undefined;
  let searched: Promise<void> = Promise.resolve();
  const onTracked = onEarlyFiles || needles ? (entries: readonly ListedEntry[]) => {
    // With needles, git searches the tracked files once it has listed them (measured: a search
    // started with the listing only slowed the listing down). The files it finds a needle in are
    // handed out as it finds them; the rest never need reading.
    const files = new Map<string, DiscoveredFile>();
    const configs = projectConfigs(entries, targets);
    // It also leaves out the default-excluded folders the listing holds (a committed vendor/ or
    // node_modules/), but only when one folder is listed: an exclusion covers every folder, and
    // `scan . dist` reads dist/.
    if (needles && targets.dirs.length === 1) {
      const globs = excludedFolderGlobs(relativeTo(targets.dirs[0], entries));
      if (globs.length > 0) gitRoot.skip = globs;
    }
    const searching = needles
      ? trackedFilesContaining(gitRoot, needles, (paths) => {
          const found = paths.map((path) => files.get(path)).filter((file) => file !== undefined);
          if (found.length > 0) onEarlyFiles?.(found, files.size, configs);
        })
      : null;
    // Filled before git's first answer can arrive (its output is read on a later turn of the event loop).
    addEarlyFiles(files, root, targets, filter, entries);
    early = files;
    if (!searching) {
      onEarlyFiles?.([...files.values()], files.size, configs);
      return;
    }
    searched = searching.then((withNeedle) => {
      if (withNeedle) markNoNeedle(files, entries, withNeedle);
    });
  } : undefined;
  const probe = options.unchanged && targets.files.length === 0 ? { unchanged: options.unchanged, maxFileSize: options.maxFileSize } : undefined;
  const gitListing = viaGit ? await nonEmpty(listGitFiles(rootReal, targets.dirs, onTracked, probe)) : null;
  if (gitListing?.unchanged) return { files: [], skipped: [], errors: [], configs: [], unchanged: true };
  await searched;
  if (!gitListing) early = undefined;
  const listing = (targets.dirs.length === 0 ? { entries: [], skipped: [], errors: [] } : null)
    ?? (gitListing && (await withNestedRepositories(gitListing, rootReal, filter)))
    ?? (await walkFiles(rootReal, targets.dirs, filter));

  const skipped: SkippedFile[] = [...listing.skipped];
  const errors: FileError[] = [...listing.errors];
  const regular = new Map<string, DiscoveredFile>();
  const symlinks: string[] = [];

  const seen = new Set<string>();
  const candidates = listing.entries.filter((entry) => {
    // seen: overlapping paths list a file twice
    if (seen.has(entry.path) || !(early?.has(entry.path) || isWanted(targets, filter, entry.path))) return false;
    seen.add(entry.path);
    return true;
  });
  await markUnknownSymlinks(rootReal, candidates);
  for (const entry of candidates) {
    const known = early?.get(entry.path);
    if (known) regular.set(entry.path, known);
    else if (entry.symlink) symlinks.push(entry.path);
    else addFile(regular, root, entry.path, entry.blob);
  }
  // Named one by one: kept even when ignored or in a default-excluded folder, but globs still apply.
  for (const path of targets.files) {
    if (seen.has(path) || !filter.keepsFile(path)) continue;
    seen.add(path);
    if ((await fs.lstat(join(rootReal, path))).isSymbolicLink()) symlinks.push(path);
    else addFile(regular, root, path);
  }

  const linked = await resolveSymlinks(root, rootReal, symlinks, regular, skipped);
  const files = [...regular.values(), ...linked].sort((a, b) => byCodeUnit(a.path, b.path));
  skipped.sort((a, b) => byCodeUnit(a.file, b.file));
  const configs = projectConfigs(listing.entries, targets);
  return { files, skipped, errors, configs, ...(gitListing ? { git: gitRoot } : {}), ...(gitListing?.digests ? { digests: gitListing.digests } : {}) };
}

/** git's listing with the files of the repositories nested in it (submodules, clones), found by walking them. */
async function withNestedRepositories(listing: Listing, root: string, filter: GlobFilter): Promise<Listing> {
  const nested = (listing.nested ?? []).filter((dir) => filter.entersDir(dir) && !isDefaultExcluded(dir));
  if (nested.length === 0) return listing;
  const walked = await walkFiles(root, nested, filter);
  return { ...listing, entries: [...listing.entries, ...walked.entries], skipped: [...listing.skipped, ...walked.skipped], errors: [...listing.errors, ...walked.errors] };
}

const PROJECT_CONFIG = /(?:^|\/)(?:[tj]sconfig|package)\.json$/;

/**
 * The tsconfig.json, jsconfig.json and package.json files listed, outside the default-excluded
 * folders (node_modules...): the path aliases are read from them.
 */
function projectConfigs(entries: readonly ListedEntry[], targets: Targets): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    // endsWith first: this runs over every listed path.
    const path = entry.path;
    if ((path.endsWith('config.json') || path.endsWith('package.json')) && PROJECT_CONFIG.test(path) && !isExcludedUnder(targets.dirs, path)) out.push(path);
  }
  return out;
}

/**
 * Tracked files git searched in the work tree without finding a needle need not be read. `files`
 * hold only files of a known kind, and git searched every name of the kinds it searches (KIND_NAME_GLOBS).
 */
function markNoNeedle(files: ReadonlyMap<string, DiscoveredFile>, entries: readonly ListedEntry[], withNeedle: ReadonlySet<string>): void {
  for (const entry of entries) {
    if (!entry.searchable || withNeedle.has(entry.path)) continue;
    const file = files.get(entry.path);
    if (file && gitSearchesFile(file.path, file.kind)) file.noNeedle = true;
  }
}

/** The regular files among git's tracked entries, exactly as the full listing will hold them. */
function addEarlyFiles(files: Map<string, DiscoveredFile>, root: string, targets: Targets, filter: GlobFilter, entries: readonly ListedEntry[]): void {
  for (const entry of entries) {
    if (entry.symlink === false && isWanted(targets, filter, entry.path)) addFile(files, root, entry.path, entry.blob);
  }
}

function isWanted(targets: Targets, filter: GlobFilter, path: string): boolean {
  return !isExcludedUnder(targets.dirs, path) && filter.keepsFile(path);
}

function addFile(into: Map<string, DiscoveredFile>, root: string, path: string, blob?: string): void {
  const kind = fileKindOf(path);
  if (!kind) return;
  const file: DiscoveredFile = { path, absolutePath: under(root, path), size: -1, kind };
  if (blob) file.blob = blob;
  into.set(path, file);
}

/** `join(root, path)` for a clean relative path; plain concatenation on POSIX (join's cost shows at 20k files). */
function under(root: string, path: string): string {
  if (sep !== '/') return join(root, path);
  return root.endsWith('/') ? root + path : `${root}/${path}`;
}

/** Links to files inside the root become files (read at their target); the rest are skipped or ignored. */
async function resolveSymlinks(
  root: string,
  rootReal: string,
  links: readonly string[],
  regular: ReadonlyMap<string, DiscoveredFile>,
  skipped: SkippedFile[],
): Promise<DiscoveredFile[]> {
  const files: DiscoveredFile[] = [];
  for (const path of links) {
    const verdict = await judgeSymlink(rootReal, join(rootReal, path));
    const kind = fileKindOf(path);
    if (verdict.kind === 'skip') {
      // A broken link only matters when it has the name of a file we would have read.
      if (verdict.reason !== 'unreadable' || kind) skipped.push({ file: path, reason: verdict.reason, message: verdict.message });
    } else if (verdict.kind === 'file' && kind) {
      const target = toSlashes(relative(rootReal, verdict.realPath));
      // The same file listed under its own name is read (and rewritten) there, once.
      if (!regular.has(target)) files.push({ path, absolutePath: join(root, target), size: -1, kind });
    }
  }
  return files;
}

/** git does not say which untracked files are symlinks; lstat just those. */
async function markUnknownSymlinks(rootReal: string, entries: ListedEntry[]): Promise<void> {
  const slots = new Slots(64);
  await Promise.all(
    entries
      .filter((entry) => entry.symlink === null)
      .map((entry) =>
        slots.run(async () => {
          try {
            entry.symlink = (await fs.lstat(join(rootReal, entry.path))).isSymbolicLink();
          } catch {
            entry.symlink = false; // gone since listing: the reader reports it
          }
        }),
      ),
  );
}

// Synchronous, like resolveTargets: a few calls, and git is asked sooner (an await here lets the
// analyzers' loading run first).
function realRoot(root: string): string {
  try {
    const real = realpathSync(root);
    if (!statSync(real).isDirectory()) throw new DiscoverError(`the root ${root} is not a folder`, root);
    return real;
  } catch (error) {
    if (error instanceof DiscoverError) throw error;
    throw new DiscoverError(`the root ${root} does not exist or cannot be read: ${(error as Error).message}`, root);
  }
}

function resolveTargets(root: string, rootReal: string, paths: readonly string[]): Targets {
  const targets: Targets = { dirs: [], files: [] };
  for (const given of paths.length === 0 ? ['.'] : paths) {
    const absolute = resolve(root, given);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new DiscoverError(`path not found: ${given}`, given);
      throw new DiscoverError(`cannot open ${given}: ${(error as Error).message}`, given);
    }
    if (!isInside(rootReal, real)) throw new DiscoverError(`${given} is outside the root ${root}`, given);
    if (statSync(real).isDirectory()) {
      targets.dirs.push(toSlashes(relative(rootReal, real)));
    } else {
      // Keep the file's own name: when it is a link, the symlink rules judge it.
      const ownPath = join(realpathSync(dirname(absolute)), basename(absolute));
      targets.files.push(toSlashes(relative(rootReal, ownPath)));
    }
  }
  return targets;
}

/** The entries' paths relative to a listed folder ('' is the root). */
function* relativeTo(dir: string, entries: readonly ListedEntry[]): Iterable<string> {
  for (const entry of entries) yield dir === '' ? entry.path : entry.path.slice(dir.length + 1);
}

/** Default excludes apply below the folders the user named: `scan dist` does look in dist. */
function isExcludedUnder(dirs: readonly string[], path: string): boolean {
  return !dirs.some((dir) => (dir === '' || path.startsWith(`${dir}/`)) && !isDefaultExcluded(dir === '' ? path : path.slice(dir.length + 1)));
}

/** An empty git listing means git knows nothing here (an ignored or empty folder): walk instead. */
async function nonEmpty<T extends { entries: unknown[]; unchanged?: true }>(listing: Promise<T | null>): Promise<T | null> {
  const result = await listing;
  return result && (result.entries.length > 0 || result.unchanged) ? result : null;
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
