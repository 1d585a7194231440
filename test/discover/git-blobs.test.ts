// The scan cache trusts a file's git object id only when git vouches the work tree holds exactly
// that content; these are the cases where it must not.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGitFiles } from '../../src/discover/git.ts';
import { git, makeTree, removeTree } from './tree.ts';

describe('object ids in the git listing', () => {
  let root: string;
  let blobs: Map<string, string | undefined>;
  beforeAll(async () => {
    root = await makeTree({ 'clean.js': 'a\n', 'edited.js': 'b\n', 'hidden.js': 'c\n', 'new.js': 'd\n' });
    git(root, 'init', '-q');
    git(root, 'add', 'clean.js', 'edited.js', 'hidden.js');
    git(root, 'commit', '-q', '-m', 'three tracked');
    await writeFile(join(root, 'edited.js'), 'b changed\n');
    git(root, 'update-index', '--assume-unchanged', 'hidden.js');
    await writeFile(join(root, 'hidden.js'), 'c changed behind git\n');
    const listing = await listGitFiles(root, ['']);
    blobs = new Map(listing!.entries.map((entry) => [entry.path, entry.blob]));
  });
  afterAll(() => removeTree(root));

  it('gives the object id of a tracked, unmodified file', () => {
    expect(blobs.get('clean.js')).toBe(git(root, 'rev-parse', 'HEAD:clean.js').trim());
  });

  it('gives none for a file modified in the work tree', () => {
    expect(blobs.has('edited.js')).toBe(true);
    expect(blobs.get('edited.js')).toBeUndefined();
  });

  it('gives none for a file marked assume-unchanged, whose content git does not check', () => {
    expect(blobs.has('hidden.js')).toBe(true);
    expect(blobs.get('hidden.js')).toBeUndefined();
  });

  it('gives none for an untracked file', () => {
    expect(blobs.has('new.js')).toBe(true);
    expect(blobs.get('new.js')).toBeUndefined();
  });
});
