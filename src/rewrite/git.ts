// Which of the files about to be written have changes git does not have (modified, staged or
// untracked). Outside a git repository there is nothing to protect this way: none.
import { execFileSync } from 'node:child_process';

export function uncommittedFiles(root: string, files: string[]): string[] {
  if (files.length === 0) return [];
  let output: string;
  try {
    output = execFileSync('git', ['-C', root, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return []; // not a repository, or no git: proceed
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
  return dirty.filter((f) => wanted.has(f)).sort();
}
