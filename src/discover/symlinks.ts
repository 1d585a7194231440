import { promises as fs, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { SkippedFile } from '../types.ts';

export type SymlinkVerdict =
  /** A file inside the root: read it at `realPath`. */
  | { kind: 'file'; realPath: string }
  /** A folder inside the root, or a broken link of no interest: not followed, nothing to say. */
  | { kind: 'ignore' }
  | { kind: 'skip'; reason: SkippedFile['reason']; message: string };

/**
 * Decides what to do with a symlink. Links are never followed out of the root, and folder links
 * are never followed at all (git does not either), so a link cycle cannot make the walk loop.
 */
export async function judgeSymlink(rootReal: string, linkPath: string): Promise<SymlinkVerdict> {
  let realPath: string;
  try {
    realPath = await fs.realpath(linkPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'skip', reason: 'symlink-loop', message: 'symbolic link loop; not followed' };
    if (code === 'ENOENT') return { kind: 'skip', reason: 'unreadable', message: 'broken symbolic link (its target does not exist)' };
    return { kind: 'skip', reason: 'unreadable', message: (error as Error).message };
  }
  if (!isInside(rootReal, realPath)) {
    return { kind: 'skip', reason: 'symlink-outside-root', message: 'symbolic link to a path outside the root; not followed' };
  }
  let target: Stats;
  try {
    target = await fs.stat(realPath);
  } catch (error) {
    return { kind: 'skip', reason: 'unreadable', message: (error as Error).message };
  }
  if (target.isFile()) return { kind: 'file', realPath };
  if (!target.isDirectory()) return { kind: 'ignore' }; // a device or FIFO: nothing to read
  if (isInside(realPath, await fs.realpath(dirname(linkPath)))) {
    return { kind: 'skip', reason: 'symlink-loop', message: 'symbolic link to a folder that contains it; not followed' };
  }
  return { kind: 'ignore' };
}

/** Whether `path` is `dir` or lies under it (both real, absolute). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
