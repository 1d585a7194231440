// Which of the files about to be written have changes git does not have (modified, staged or
// untracked). Outside a git repository there is nothing to protect this way: none. A file inside a
// repository nested in the root (a submodule, a clone) is asked of that repository: the outer one
// only sees the folder.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { posix } from 'node:path';

export function uncommittedFiles(root: string, files: string[]): string[] {
  const dirty: string[] = [];
  for (const [repo, inRepo] of byRepository(root, files)) {
    const local = inRepo.map((file) => (repo === '' ? file : file.slice(repo.length + 1)));
    const found = dirtyIn(repo === '' ? root : posix.join(root, repo), local);
    // A nested repository git cannot answer for: refuse its files rather than risk them.
    const paths = found ?? (repo === '' ? [] : local);
    dirty.push(...paths.map((file) => (repo === '' ? file : `${repo}/${file}`)));
  }
  return dirty.sort();
}

/** The files grouped by the folder of the repository nested in the root that holds them ('' for none). */
function byRepository(root: string, files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    let repo = '';
    for (let dir = posix.dirname(file); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
      if (existsSync(posix.join(root, dir, '.git'))) {
        repo = dir;
        break;
      }
    }
    groups.set(repo, [...(groups.get(repo) ?? []), file]);
  }
  return groups;
}

/** The files among `files` git reports as changed in the repository at `dir`; null when git cannot say. */
function dirtyIn(dir: string, files: string[]): string[] | null {
  if (files.length === 0) return [];
  let output: string;
  try {
    output = execFileSync('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null; // not a repository, or no git
  }
  const dirty: string[] = [];
  const entries = output.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    dirty.push(entry.slice(3));
    if (status[0] === 'R' || status[0] === 'C') i++; // the source path follows
  }
  const wanted = new Set(files);
  return dirty.filter((f) => wanted.has(f));
}
