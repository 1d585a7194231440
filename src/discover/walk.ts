import { promises as fs, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { FileError, SkippedFile } from '../types.ts';
import { isExcludedDirName, type GlobFilter } from './excludes.ts';
import { isIgnored, parseGitignore, type IgnoreLevel } from './gitignore.ts';
import type { ListedEntry, Listing } from './listing.ts';
import { Slots } from './slots.ts';

const CONCURRENT_READDIRS = 32;

/**
 * Lists files under `dirs` (relative to `root`, '' = all) by walking the tree: honours .gitignore
 * files at every level, never enters default-excluded or --exclude'd folders, and never follows a
 * symlink (symlinks are listed as entries for the caller to judge, as git lists them).
 */
export async function walkFiles(root: string, dirs: readonly string[], filter: GlobFilter): Promise<Listing> {
  const entries: ListedEntry[] = [];
  const skipped: SkippedFile[] = [];
  const errors: FileError[] = [];
  const slots = new Slots(CONCURRENT_READDIRS);

  async function readGitignore(dir: string): Promise<IgnoreLevel | null> {
    const file = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
    try {
      return parseGitignore(dir, await slots.run(() => fs.readFile(join(root, file), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        errors.push({ file, message: `could not read ignore rules: ${(error as Error).message}` });
      }
      return null;
    }
  }

  async function visit(dir: string, levels: readonly IgnoreLevel[]): Promise<void> {
    let children: Dirent[];
    try {
      children = await slots.run(() => fs.readdir(join(root, dir), { withFileTypes: true }));
    } catch (error) {
      skipped.push({ file: dir || '.', reason: 'unreadable', message: `folder not readable: ${(error as Error).message}` });
      return;
    }
    let here = levels;
    if (children.some((child) => child.name === '.gitignore' && !child.isDirectory())) {
      const level = await readGitignore(dir);
      if (level) here = [...levels, level];
    }
    const subfolders: Promise<void>[] = [];
    for (const child of children) {
      const path = dir === '' ? child.name : `${dir}/${child.name}`;
      if (child.isDirectory()) {
        if (isExcludedDirName(child.name) || !filter.entersDir(path) || isIgnored(here, `${path}/`)) continue;
        subfolders.push(visit(path, here));
      } else if (child.isFile() || child.isSymbolicLink()) {
        if (!isIgnored(here, path)) entries.push({ path, symlink: child.isSymbolicLink() });
      }
    }
    await Promise.all(subfolders);
  }

  await Promise.all(dirs.map(async (dir) => visit(dir, await ancestorLevels(dir, readGitignore))));
  return { entries, skipped, errors };
}

/** The .gitignore rules of the folders above `dir`, up to the root, which also apply inside it. */
async function ancestorLevels(
  dir: string,
  readGitignore: (dir: string) => Promise<IgnoreLevel | null>,
): Promise<IgnoreLevel[]> {
  if (dir === '') return [];
  const parts = dir.split('/');
  const above = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  const levels = await Promise.all(['', ...above].map(readGitignore));
  return levels.filter((level): level is IgnoreLevel => level !== null);
}
