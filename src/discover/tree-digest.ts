// A digest of a work tree as git lists it, for a caller that kept a result computed from exactly that
// tree (analyze/result-cache.ts). It is taken from git's raw output, before the listing is turned into
// files, so that an unchanged tree costs no more than git's own listing.
//
// git's tracked listing gives each vouched file's object id, so its text stands for those contents.
// Every other file's content is hashed here: tracked files git does not vouch for (modified, marked
// assume-unchanged or skip-worktree, in conflict), symlinks (their target may change without git
// knowing) and untracked files. A tree with too many of those is not worth hashing: no digest.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { fileKindOf } from './kinds.ts';

const MAX_HASHED_FILES = 2_000;
const MAX_HASHED_BYTES = 64 * 1024 * 1024;

/** Digests of one listing: of its tracked part alone (known first), and of the whole. */
export interface TreeDigests {
  tracked: string;
  whole: string;
}

/**
 * Lets a caller that kept a result for a tree end discovery as soon as git's listing shows the tree
 * is the same one (DiscoverOptions.unchanged).
 */
export interface UnchangedProbe {
  /** Whether the tracked part may be that of the kept tree; if not, discovery goes on at once. */
  tracked(digest: string): boolean;
  /** Whether the whole tree is the kept one; discovery then returns without listing any file. */
  whole(digest: string): boolean;
}

/** Counts the files looked at and the bytes hashed, across the tracked and untracked parts. */
export interface HashBudget {
  files: number;
  bytes: number;
  maxFileSize: number;
}

export function hashBudget(maxFileSize: number): HashBudget {
  return { files: 0, bytes: 0, maxFileSize };
}

/**
 * The digest of git's tracked listing (`ls-files -z -v -s`) and of the contents of the tracked files
 * it does not vouch for, or null when there are too many of those.
 */
export function trackedDigest(root: string, listing: string, budget: HashBudget): string | null {
  const hash = createHash('sha256').update('tracked\0').update(listing);
  for (const path of unvouchedTracked(listing)) {
    if (++budget.files > MAX_HASHED_FILES) return null;
    const mark = contentMark(root, path, budget);
    if (mark === null) return null;
    hash.update(`\0${path}\0${mark}`);
  }
  return hash.digest('hex');
}

/** The whole tree's digest: the tracked digest, git's untracked listing, and each untracked file's content. */
export function wholeDigest(root: string, tracked: string, untrackedListing: string, budget: HashBudget): string | null {
  const hash = createHash('sha256').update(tracked).update('\0untracked\0').update(untrackedListing);
  for (const path of untrackedListing.split('\0')) {
    if (path === '') continue;
    if (++budget.files > MAX_HASHED_FILES) return null;
    // Files of no kind the scan reads cannot change its result, unless they are links: discovery
    // reports a link that leads outside the root or in a loop, whatever its name.
    if (fileKindOf(path) === null && !isLink(root, path)) continue;
    const mark = contentMark(root, path, budget);
    if (mark === null) return null;
    hash.update(`\0${path}\0${mark}`);
  }
  return hash.digest('hex');
}

/**
 * Whether git vouches that the work tree holds the object id of the record (`ls-files -v -s`) that
 * starts at `at`, its tab at `tab`: tag `H` (lower-case `h` is assume-unchanged) and stage 0. A file
 * modified in the work tree has a second, `C` record.
 */
export function isVouchedRecord(listing: string, at: number, tab: number): boolean {
  return listing.startsWith('H ', at) && listing.charCodeAt(tab - 1) === 0x30 /* 0 */;
}

/** Paths of the tracked records git does not vouch for (`isVouchedRecord`), and of symlinks. */
function* unvouchedTracked(listing: string): Iterable<string> {
  // Records are "<tag> <mode> <object> <stage>\t<path>", NUL-terminated.
  for (let at = 0; at < listing.length; ) {
    const end = listing.indexOf('\0', at);
    const stop = end === -1 ? listing.length : end;
    const tab = listing.indexOf('\t', at);
    if (tab !== -1 && tab < stop) {
      const vouched = isVouchedRecord(listing, at, tab) && !listing.startsWith('120000', at + 2);
      if (!vouched) yield listing.slice(tab + 1, stop);
    }
    at = stop + 1;
  }
}

function isLink(root: string, path: string): boolean {
  try {
    return lstatSync(`${root}/${path}`).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * What a file holds, as far as the scan can tell: its bytes' hash, its size alone when the scan would
 * skip it for its size, where a link leads, or that it is not there. Null when the budget is spent.
 */
function contentMark(root: string, path: string, budget: HashBudget): string | null {
  const absolute = `${root}/${path}`;
  try {
    const link = lstatSync(absolute).isSymbolicLink() ? `link:${realpathSync(absolute)}:` : '';
    const stat = statSync(absolute);
    if (!stat.isFile()) return `${link}not-a-file`;
    if (stat.size > budget.maxFileSize) return `${link}size:${stat.size}`;
    budget.bytes += stat.size;
    if (budget.bytes > MAX_HASHED_BYTES) return null;
    return `${link}sha1:${createHash('sha1').update(readFileSync(absolute)).digest('hex')}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}
