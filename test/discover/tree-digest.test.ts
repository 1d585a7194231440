// The digests that let a kept scan result be given again (analyze/result-cache.ts) must change with
// anything that can change the scan's result, and only then is a kept result trusted.
import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listGitFiles } from '../../src/discover/git.ts';
import type { TreeDigests, UnchangedProbe } from '../../src/discover/tree-digest.ts';
import { git, makeTree, removeTree } from './tree.ts';

const NEVER: UnchangedProbe = { tracked: () => false, whole: () => false };

async function digestsOf(root: string, maxFileSize = 1_000_000): Promise<TreeDigests | undefined> {
  const listing = await listGitFiles(root, [''], undefined, { unchanged: NEVER, maxFileSize });
  return listing?.digests;
}

describe('tree digests', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTree({ 'src/a.js': 'export const a = 1;\n', 'src/b.js': 'export const b = 2;\n', 'logo.png': 'png' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
  });
  afterEach(async () => {
    await removeTree(root);
  });

  it('are the same for the same tree', async () => {
    expect(await digestsOf(root)).toEqual(await digestsOf(root));
  });

  it('change with a committed change', async () => {
    const before = await digestsOf(root);
    await writeFile(join(root, 'src/a.js'), 'export const a = 3;\n');
    git(root, 'commit', '-q', '-am', 'change');
    const after = await digestsOf(root);
    expect(after?.tracked).not.toBe(before?.tracked);
    expect(after?.whole).not.toBe(before?.whole);
  });

  it('change each time a file already modified in the work tree is edited again', async () => {
    await writeFile(join(root, 'src/a.js'), 'export const a = 3;\n');
    const once = await digestsOf(root);
    await writeFile(join(root, 'src/a.js'), 'export const a = 4;\n');
    const twice = await digestsOf(root);
    expect(twice?.tracked).not.toBe(once?.tracked);
  });

  it('do not trust a file marked assume-unchanged', async () => {
    const before = await digestsOf(root);
    git(root, 'update-index', '--assume-unchanged', 'src/a.js');
    await writeFile(join(root, 'src/a.js'), 'export const a = 3;\n');
    const marked = await digestsOf(root);
    await writeFile(join(root, 'src/a.js'), 'export const a = 4;\n');
    expect((await digestsOf(root))?.tracked).not.toBe(marked?.tracked);
    expect(marked?.tracked).not.toBe(before?.tracked);
  });

  it('change the whole but not the tracked part when an untracked source file appears or changes', async () => {
    const before = await digestsOf(root);
    await writeFile(join(root, 'src/new.js'), 'export const n = 1;\n');
    const added = await digestsOf(root);
    expect(added?.tracked).toBe(before?.tracked);
    expect(added?.whole).not.toBe(before?.whole);
    await writeFile(join(root, 'src/new.js'), 'export const n = 2;\n');
    expect((await digestsOf(root))?.whole).not.toBe(added?.whole);
  });

  it('change when a symlink is pointed at another file, even one with the same content', async () => {
    await writeFile(join(root, 'src/c.js'), 'export const a = 1;\n');
    await symlink('a.js', join(root, 'src/link.js'));
    const first = await digestsOf(root);
    await rm(join(root, 'src/link.js'));
    await symlink('c.js', join(root, 'src/link.js'));
    expect((await digestsOf(root))?.whole).not.toBe(first?.whole);
  });

  it('ignore the content of a file the scan would skip for its size, but not its size', async () => {
    await writeFile(join(root, 'src/big.js'), 'x'.repeat(200));
    const first = await digestsOf(root, 100);
    await writeFile(join(root, 'src/big.js'), 'y'.repeat(200));
    expect((await digestsOf(root, 100))?.whole).toBe(first?.whole);
    await writeFile(join(root, 'src/big.js'), 'y'.repeat(300));
    expect((await digestsOf(root, 100))?.whole).not.toBe(first?.whole);
  });

  it('are not taken when too many files would need hashing', async () => {
    for (let i = 0; i < 2_001; i++) await writeFile(join(root, `src/untracked-${i}.js`), '');
    expect(await digestsOf(root)).toBeUndefined();
  });

  it('let a probe that recognises the tree end listing with no entries', async () => {
    const digests = (await digestsOf(root))!;
    let entriesSeen = false;
    const listing = await listGitFiles(root, [''], () => (entriesSeen = true), {
      unchanged: { tracked: (d) => d === digests.tracked, whole: (d) => d === digests.whole },
      maxFileSize: 1_000_000,
    });
    expect(listing?.unchanged).toBe(true);
    expect(listing?.entries).toEqual([]);
    expect(entriesSeen).toBe(false);
  });

  it('let a probe that knows only the tracked part still get every entry', async () => {
    const digests = (await digestsOf(root))!;
    await writeFile(join(root, 'src/new.js'), 'export const n = 1;\n');
    const listing = await listGitFiles(root, [''], undefined, {
      unchanged: { tracked: (d) => d === digests.tracked, whole: (d) => d === digests.whole },
      maxFileSize: 1_000_000,
    });
    expect(listing?.unchanged).toBeUndefined();
    expect(listing?.entries.map((e) => e.path).sort()).toEqual(['logo.png', 'src/a.js', 'src/b.js', 'src/new.js']);
  });
});
