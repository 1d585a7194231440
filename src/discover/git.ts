import type { ListedEntry, Listing } from './listing.ts';
import { runToFile } from './run-to-file.ts';
import { hashBudget, isVouchedRecord, trackedDigest, wholeDigest, type UnchangedProbe } from './tree-digest.ts';

const SYMLINK_MODE = '120000';
/** A submodule: its files belong to another repository. */
const GITLINK_MODE = '160000';

/** What a caller that kept a result for a tree gives listing, to learn whether the tree is unchanged. */
export interface ListingProbe {
  unchanged: UnchangedProbe;
  maxFileSize: number;
}

/**
 * Lists tracked and untracked-not-ignored files under `root` with git, or returns null when `root`
 * is not in a work tree or git cannot run. `dirs` are folders relative to the root ('' = all).
 * Tracked files deleted from the work tree, or outside a sparse checkout, are left out, so the
 * result matches a directory walk. `onTracked` is given the tracked entries as soon as git has listed
 * them, before the (slower) untracked walk ends; the result still holds them.
 *
 * With `probe`, the listing also carries the tree's digests (tree-digest.ts), and when the probe
 * says the tree is the kept one, it returns `unchanged` with no entries: the tracked listing is then
 * never turned into entries, and `onTracked` is not called.
 */
export async function listGitFiles(
  root: string,
  dirs: readonly string[],
  onTracked?: (entries: readonly ListedEntry[]) => void,
  probe?: ListingProbe,
): Promise<Listing | null> {
  const pathspecs = dirs.includes('') ? [] : dirs.map((dir) => `:(literal)${dir}`);
  // Two processes at once: the untracked walk (--others) costs about twice the tracked listing,
  // and overlapping them beats one process doing both in turn. -v tags each tracked record
  // (H tracked, C modified, R deleted, S skip-worktree; lower case when marked assume-unchanged),
  // -s gives their modes and object ids.
  const trackedRun = git(root, ['ls-files', '-z', '-v', '-s', '--cached', '--deleted', '--modified', '--', ...pathspecs]);
  const untrackedRun = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]);
  untrackedRun.catch(() => undefined); // awaited below; a failure must not surface as unhandled first
  let tracked: string;
  let untracked: string;
  try {
    tracked = await trackedRun;
  } catch {
    return null;
  }
  const budget = hashBudget(probe?.maxFileSize ?? 0);
  const trackedPart = probe ? trackedDigest(root, tracked, budget) : null;
  // Only when the tree may be the kept one does listing wait for the untracked files to know.
  const waiting = trackedPart !== null && probe!.unchanged.tracked(trackedPart);
  let entries: ListedEntry[] | undefined;
  const takeTracked = () => {
    entries = trackedEntries(tracked);
    // The tracked files are most of a repository: they can be read while git still walks for the rest.
    onTracked?.(entries.slice());
    return entries;
  };
  if (!waiting) takeTracked();
  try {
    untracked = await untrackedRun;
  } catch {
    return null;
  }
  const whole = trackedPart !== null ? wholeDigest(root, trackedPart, untracked, budget) : null;
  if (waiting && whole !== null && probe!.unchanged.whole(whole)) return { entries: [], skipped: [], errors: [], unchanged: true, digests: { tracked: trackedPart!, whole } };
  const all = entries ?? takeTracked();
  const nested = gitlinkPaths(tracked);
  for (const path of untracked.split('\0')) {
    // A folder git lists whole, with a slash, is another repository (a nested clone).
    if (path.endsWith('/')) nested.push(path.slice(0, -1));
    else if (path !== '') all.push({ path, symlink: null });
  }
  // The digests cover what git lists; a nested repository's files are not among them.
  const digests = whole !== null && nested.length === 0 ? { tracked: trackedPart!, whole } : undefined;
  return { entries: all, skipped: [], errors: [], ...(digests ? { digests } : {}), ...(nested.length > 0 ? { nested } : {}) };
}

/** The submodules among the tracked records: git lists none of their files. */
function gitlinkPaths(listing: string): string[] {
  if (!listing.includes(GITLINK_MODE)) return [];
  const out: string[] = [];
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab !== -1 && record.slice(2, 8) === GITLINK_MODE) out.push(record.slice(tab + 1));
  }
  return [...new Set(out)];
}

function trackedEntries(listing: string): ListedEntry[] {
  const records = listing.split('\0');
  // Tags other than H are rare; find their paths first (an unmerged or deleted file may also have an H record).
  const gone = new Set<string>();
  const changed = new Set<string>();
  for (const record of records) {
    const tag = record.charCodeAt(0);
    if (tag === 0x48 /* H */) continue;
    const path = record.slice(record.indexOf('\t') + 1);
    if (record.startsWith('R ') || record.startsWith('S ') || record.startsWith('s ')) gone.add(path);
    if (record.startsWith('C ') || record.startsWith('c ')) changed.add(path);
  }
  const seen = new Set<string>();
  const entries: ListedEntry[] = [];
  for (const record of records) {
    // "<tag> <mode> <object> <stage>\t<path>"; an unmerged file appears once per stage.
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const path = record.slice(tab + 1);
    const mode = record.slice(2, 8);
    if (mode === GITLINK_MODE || gone.has(path) || seen.has(path)) continue;
    seen.add(path);
    const entry: ListedEntry = { path, symlink: mode === SYMLINK_MODE };
    // The object id sits between the mode and the stage, the one character before the tab.
    if (isVouchedRecord(record, 0, tab)) {
      if (!changed.has(path)) entry.blob = record.slice(9, tab - 2);
      if (mode !== SYMLINK_MODE) entry.searchable = true;
    }
    entries.push(entry);
  }
  return entries;
}

/** git's output, or a rejection when it fails. Through a file, since the tracked listing runs to megabytes (run-to-file.ts). */
async function git(cwd: string, args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runToFile('git', args, { cwd });
  if (code !== 0) throw new Error(`git ${args[0]} failed (${code ?? 'not started'}): ${stderr.trim()}`);
  return stdout.toString('utf8');
}
