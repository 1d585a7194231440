// Listing through git and walking the tree (honouring nested .gitignore files) must give the same
// files: git is the fast path, the walk the fallback, and a scan must not depend on which ran.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, unlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS benchmark module without type declarations
import { generateRepo } from '../../bench/generate.js';
import { discoverFiles } from '../../src/discover/discover.ts';
import { listGitFiles } from '../../src/discover/git.ts';

let root: string;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'bc-perf-listing-'));
  root = join(parent, 'repo');
  // The benchmark's generator: packages with nested .gitignore files hiding legacy-looking files.
  generateRepo({ dir: root, files: 600, seed: 7 });
  const extra: Record<string, string> = {
    'packages/extra/.gitignore': '*.js\n!keep.js\nnested/\n',
    'packages/extra/keep.js': 'export const kept = 1;\n',
    'packages/extra/drop.js': 'export const dropped = 1;\n',
    'packages/extra/nested/inside.ts': 'export {};\n',
    'packages/extra/sub/.gitignore': '!again.js\n',
    'packages/extra/sub/again.js': 'export const again = 1;\n',
    'untracked/new-file.ts': 'export const untracked = true;\n',
    'dist/bundle.js': 'ignored by the root .gitignore\n',
  };
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  // A tracked file deleted from the work tree: git still has it in the index, the walk cannot see it.
  execFileSync('git', ['rm', '-q', '--cached', '--ignore-unmatch', 'README.md'], { cwd: root });
  execFileSync('git', ['add', 'untracked/new-file.ts'], { cwd: root });
  await unlink(join(root, 'untracked/new-file.ts'));
}, 120_000);

afterAll(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

const options = (useGit: boolean) => ({ root, paths: [], include: [], exclude: [], maxFileSize: 1 << 20, useGit });

describe('git listing and directory walk', () => {
  it('is a git work tree, so the git path is really exercised', async () => {
    const listing = await listGitFiles(root, ['']);
    expect(listing?.entries.length).toBeGreaterThan(600);
  });

  it('give the same files on a generated tree with nested .gitignore files', async () => {
    const viaGit = (await discoverFiles(options(true))).files.map((f) => f.path);
    const viaWalk = (await discoverFiles(options(false))).files.map((f) => f.path);
    expect(viaGit).toEqual(viaWalk);
    expect(viaGit).toContain('packages/extra/keep.js');
    expect(viaGit).toContain('packages/extra/sub/again.js');
    expect(viaGit).not.toContain('packages/extra/drop.js');
    expect(viaGit).not.toContain('untracked/new-file.ts');
    expect(viaGit.some((path) => path.includes('/generated/') || path.endsWith('.local.js'))).toBe(false);
  });

  it('give the same files for a sub-folder', async () => {
    const sub = { ...options(true), paths: ['packages/extra'] };
    const viaGit = (await discoverFiles(sub)).files.map((f) => f.path);
    const viaWalk = (await discoverFiles({ ...sub, useGit: false })).files.map((f) => f.path);
    expect(viaGit).toEqual(viaWalk);
    expect(viaGit).toEqual(['packages/extra/keep.js', 'packages/extra/sub/again.js']);
  });
});
