import { spawn } from 'node:child_process';
import { runToFile } from './run-to-file.ts';
import type { GitSearchRoot } from './types.ts';

// Searching with git instead of reading every file here (issue 7): git grep is multi-threaded C,
// and where a system call is dear (this sandbox: ~15 µs for an open and a close) it pays them on two
// cores instead of one. It searches the work tree, except for files marked assume-unchanged or
// skip-worktree, which it reads from the object store: callers count as searched only the files
// they know git read from disk (ListedEntry.searchable).
//
// Both searches return null when git cannot answer for every file (not a work tree, git built
// without PCRE, an unreadable file, anything on stderr): the caller then reads the files itself,
// so a doubt never drops a file.

/**
 * The tracked files under `where` that contain at least one of `needles` (byte strings, matched
 * case-sensitively). `onFiles` is given them as git finds them, so the caller can start on them
 * while git searches on.
 */
export async function trackedFilesContaining(
  where: GitSearchRoot,
  needles: readonly string[],
  onFiles?: (paths: string[]) => void,
): Promise<Set<string> | null> {
  if (needles.length === 0) return new Set();
  const paths = new Set<string>();
  const split = nulSeparated();
  const complete = await runGitGrep(where, ['-l', '-F', ...needles.flatMap((needle) => ['-e', needle])], (chunk) => {
    const found = split(chunk);
    for (const path of found) paths.add(path);
    if (found.length > 0) onFiles?.(found);
  });
  return complete ? paths : null;
}

/**
 * Splits a stream of NUL-terminated UTF-8 records: each call takes the next chunk and returns the
 * records it completes. Split before decoding, since a chunk may end inside a multi-byte character.
 */
export function nulSeparated(): (chunk: Buffer) => string[] {
  let rest = Buffer.alloc(0);
  return (chunk) => {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const end = bytes.lastIndexOf(0);
    rest = Buffer.from(bytes.subarray(end + 1));
    return end === -1 ? [] : bytes.toString('utf8', 0, end).split('\0');
  };
}

/**
 * Every match of `patterns` (PCRE alternatives) in the tracked files under `where`, as latin1 text
 * in order, by path; files without a match are absent. Overlapping matches are not reported (`-o`).
 */
export async function trackedMatches(where: GitSearchRoot, patterns: readonly string[]): Promise<Map<string, string[]> | null> {
  if (patterns.length === 0) return new Map();
  // One thread: this search runs while the scan analyzes files on the other core. Its output (every
  // import line of the tree) goes to a file, which git fills while this thread is busy parsing.
  const { code, stdout, stderr } = await runToFile('git', gitGrepArgs(where, ['--threads=1', '-o', '-P', '-e', patterns.join('|')]), { cwd: where.root, env: grepEnv() });
  return searchedAll(code, stderr !== '') ? parseMatches(stdout) : null;
}

/** Records are `path NUL match LF`; a path may hold LF, a match never does (git matches line by line). */
export function parseMatches(output: Buffer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let at = 0; at < output.length; ) {
    const pathEnd = output.indexOf(0, at);
    if (pathEnd === -1) break;
    let matchEnd = output.indexOf(0x0a, pathEnd + 1);
    if (matchEnd === -1) matchEnd = output.length;
    const path = output.toString('utf8', at, pathEnd);
    let list = out.get(path);
    if (!list) out.set(path, (list = []));
    list.push(output.toString('latin1', pathEnd + 1, matchEnd));
    at = matchEnd + 1;
  }
  return out;
}

/** Runs git grep, streaming its output; resolves whether it searched every file. */
function runGitGrep(where: GitSearchRoot, search: string[], onOutput: (chunk: Buffer) => void): Promise<boolean> {
  return new Promise((resolve) => {
    let failed = false;
    const child = spawn('git', gitGrepArgs(where, search), { cwd: where.root, env: grepEnv(), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    child.stdout.on('data', onOutput);
    child.stderr.on('data', () => (failed = true));
    child.on('error', () => (failed = true));
    child.on('close', (code) => resolve(searchedAll(code, failed)));
  });
}

/** git searched every file: exit 0, or 1 ("nothing matched"), and nothing on stderr. */
function searchedAll(code: number | null, complained: boolean): boolean {
  return !complained && (code === 0 || code === 1);
}

/** LC_ALL=C: bytes are matched as bytes (PCRE without UTF mode, no error on invalid UTF-8). */
function grepEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C' };
}

function gitGrepArgs({ dirs, names, skip = [] }: GitSearchRoot, search: string[]): string[] {
  const pathspecs = [
    ...(names ? namePathspecs(dirs, names) : dirs.includes('') ? [] : dirs.map((dir) => `:(literal)${dir}`)),
    ...skipPathspecs(dirs, skip),
  ];
  return [
    // The user's settings must not change the output's shape or what is searched.
    '-c', 'grep.lineNumber=false', '-c', 'grep.column=false', '-c', 'grep.fullName=false',
    '-c', 'submodule.recurse=false', '-c', 'color.grep=never', '-c', 'grep.fallbackToNoIndex=false',
    // -a: binary files are searched as text (the reader judges them); -z: paths end with NUL.
    'grep', '-a', '-z', ...search, '--', ...pathspecs,
  ];
}

/** One pathspec per folder and name glob: `**` matches any depth, the glob only the last segment. */
function namePathspecs(dirs: readonly string[], names: readonly string[]): string[] {
  return folderPrefixes(dirs).flatMap((folder) => names.map((name) => `:(glob,icase)${folder}**/${name}`));
}

/** Exclusions apply to the whole search, whatever folder a file was included by. */
function skipPathspecs(dirs: readonly string[], skip: readonly string[]): string[] {
  return folderPrefixes(dirs).flatMap((folder) => skip.map((glob) => `:(exclude,glob)${folder}${glob}`));
}

function folderPrefixes(dirs: readonly string[]): string[] {
  return dirs.includes('') ? [''] : dirs.map((dir) => `${escapeGlob(dir)}/`);
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\\]/g, '\\$&');
}
