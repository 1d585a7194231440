import { promises as fsPromises } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverFiles, type DiscoverOptions } from '../../src/discover/discover.ts';
import { DiscoverError } from '../../src/discover/errors.ts';
import type { DiscoveredFile } from '../../src/discover/types.ts';
import { listGitFiles } from '../../src/discover/git.ts';
import { addToTree, git, makeTree, removeTree, type TreeSpec } from './tree.ts';

const SOURCE_TREE: TreeSpec = {
  '.gitignore': 'ignored/\n*.log.js\n!keep.log.js\n',
  'src/app.ts': 'export {};\n',
  'src/lib/client.js': 'module.exports = {};\n',
  'src/lib/.gitignore': 'secret.js\n/local-only/\n',
  'src/lib/secret.js': 'ignored by the nested .gitignore\n',
  'src/lib/local-only/x.js': 'ignored: anchored to src/lib\n',
  'src/local-only/y.js': 'kept: the anchored rule is relative to src/lib\n',
  'ignored/z.js': 'ignored folder\n',
  'debug.log.js': 'ignored by pattern\n',
  'keep.log.js': 're-included by a negation\n',
  'node_modules/pkg/index.js': 'dependency\n',
  'packages/web/dist/out.js': 'build output\n',
  'vendor/lib.php': '<?php\n',
  'public/app.min.js': 'x\n',
  'public/app.bundle.js': 'x\n',
  'config/.env': 'A=1\n',
  'config/.env.example': 'A=\n',
  '.env.production': 'A=2\n',
  'settings.yml': 'a: 1\n',
  'config.json': '{}\n',
  'package-lock.json': '{}\n',
  'tsconfig.json': '{}\n',
  'api.php': '<?php\n',
  'client.py': 'pass\n',
  'client.rb': 'nil\n',
  'README.md': '# readme\n',
  'types.d.ts': 'export {};\n',
  'gone.js': 'deleted from the work tree after commit\n',
};

const EXPECTED = [
  '.env.production', 'api.php', 'client.py', 'client.rb', 'config.json', 'config/.env', 'config/.env.example',
  'keep.log.js', 'settings.yml', 'src/app.ts', 'src/lib/client.js', 'src/local-only/y.js',
];

function options(root: string, extra: Partial<DiscoverOptions> = {}): DiscoverOptions {
  return { root, paths: [], include: [], exclude: [], maxFileSize: 1 << 20, ...extra };
}

async function listPaths(root: string, extra: Partial<DiscoverOptions> = {}): Promise<string[]> {
  return (await discoverFiles(options(root, extra))).files.map((file) => file.path);
}

const roots: string[] = [];
async function tree(spec: TreeSpec): Promise<string> {
  const root = await makeTree(spec);
  roots.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(roots.map(removeTree));
});

describe('discoverFiles outside git', () => {
  let root: string;
  beforeAll(async () => {
    root = await tree(SOURCE_TREE);
    await unlink(join(root, 'gone.js'));
  });

  it('honours .gitignore files at every level, default excludes and known kinds', async () => {
    expect(await listPaths(root)).toEqual(EXPECTED);
  });

  it('gives each file its kind and an absolute path under the root', async () => {
    const { files } = await discoverFiles(options(root));
    const app = files.find((file) => file.path === 'src/app.ts');
    expect(app).toEqual({ path: 'src/app.ts', absolutePath: join(root, 'src/app.ts'), size: -1, kind: 'js' });
    expect(files.find((file) => file.path === 'config/.env.example')?.kind).toBe('env');
  });

  it('narrows with --include and removes with --exclude', async () => {
    expect(await listPaths(root, { include: ['src/**'] })).toEqual(['src/app.ts', 'src/lib/client.js', 'src/local-only/y.js']);
    expect(await listPaths(root, { exclude: ['config', '*.py', 'src/lib/**'] })).toEqual(
      EXPECTED.filter((path) => !path.startsWith('config/') && path !== 'client.py' && !path.startsWith('src/lib/')),
    );
  });

  it('lists only under the paths given, honouring .gitignore files above them', async () => {
    expect(await listPaths(root, { paths: ['src/lib'] })).toEqual(['src/lib/client.js']);
    expect(await listPaths(root, { paths: [join(root, 'src'), 'src/lib'] })).toEqual([
      'src/app.ts', 'src/lib/client.js', 'src/local-only/y.js',
    ]);
  });

  it('looks inside a default-excluded folder the user names', async () => {
    expect(await listPaths(root, { paths: ['packages/web/dist'] })).toEqual(['packages/web/dist/out.js']);
  });

  it('keeps a file named explicitly even when it is ignored', async () => {
    expect(await listPaths(root, { paths: ['ignored/z.js', 'client.py'] })).toEqual(['client.py', 'ignored/z.js']);
  });

  it('throws DiscoverError for a path that does not exist', async () => {
    await expect(discoverFiles(options(root, { paths: ['src/nope'] }))).rejects.toThrow(new DiscoverError('path not found: src/nope', 'src/nope'));
  });

  it('throws DiscoverError for a path outside the root', async () => {
    await expect(discoverFiles(options(join(root, 'src'), { paths: ['../config'] }))).rejects.toBeInstanceOf(DiscoverError);
    await expect(discoverFiles(options(join(root, 'src'), { paths: ['../config'] }))).rejects.toThrow(/outside the root/);
  });

  it('throws DiscoverError when the root does not exist', async () => {
    await expect(discoverFiles(options(join(root, 'missing')))).rejects.toBeInstanceOf(DiscoverError);
  });

  describe('an unreadable folder', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('is skipped as unreadable with the OS message, and the rest is listed', async () => {
      const readdir = fsPromises.readdir;
      vi.spyOn(fsPromises, 'readdir').mockImplementation((async (path: string, ...rest: unknown[]) => {
        if (String(path).endsWith(join('src', 'lib'))) {
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
        }
        return (readdir as (...args: unknown[]) => unknown)(path, ...rest);
      }) as typeof fsPromises.readdir);
      const discovery = await discoverFiles(options(root, { useGit: false }));
      expect(discovery.skipped).toEqual([
        { file: 'src/lib', reason: 'unreadable', message: expect.stringContaining('EACCES: permission denied') },
      ]);
      expect(discovery.files.map((file) => file.path)).toEqual(EXPECTED.filter((path) => !path.startsWith('src/lib/')));
    });
  });
});

describe('discoverFiles in a git work tree', () => {
  let root: string;
  beforeAll(async () => {
    root = await tree(SOURCE_TREE);
    git(root, 'init', '-q');
    git(root, 'add', 'src', 'gone.js', '.gitignore', 'api.php', 'config');
    git(root, 'commit', '-q', '-m', 'some files tracked, others not');
    await unlink(join(root, 'gone.js'));
  });

  it('lists through git (tracked and untracked-not-ignored), not the walk', async () => {
    const listing = await listGitFiles(root, ['']);
    const paths = listing?.entries.map((entry) => entry.path) ?? [];
    expect(paths).toContain('src/app.ts'); // tracked
    expect(paths).toContain('client.py'); // untracked
    expect(paths).not.toContain('ignored/z.js');
    expect(paths).not.toContain('gone.js'); // deleted since the commit
  });

  it('gives the same files as the walk on the same tree', async () => {
    const viaGit = await listPaths(root);
    expect(viaGit).toEqual(EXPECTED);
    expect(await listPaths(root, { useGit: false })).toEqual(viaGit);
  });

  it('lists the files of a submodule and of a nested clone, as the walk does, and keeps no digests for them', async () => {
    const dir = await tree({ 'app.js': 'x;\n', 'sub/lib.js': 'y;\n', 'sub/.gitignore': 'out/\n', 'sub/out/built.js': 'z;\n', 'clone/tool.js': 'w;\n' });
    for (const inner of ['sub', 'clone']) {
      git(join(dir, inner), 'init', '-q');
      git(join(dir, inner), 'add', '.');
      git(join(dir, inner), 'commit', '-q', '-m', 'inner');
    }
    git(dir, 'init', '-q');
    git(dir, 'add', 'app.js');
    const head = git(join(dir, 'sub'), 'rev-parse', 'HEAD').trim();
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${head},sub`);
    git(dir, 'commit', '-q', '-m', 'outer');
    const expected = ['app.js', 'clone/tool.js', 'sub/lib.js'];
    expect(await listPaths(dir)).toEqual(expected);
    expect(await listPaths(dir, { useGit: false })).toEqual(expected);
    const listing = await listGitFiles(dir, [''], undefined, { unchanged: { tracked: () => false, whole: () => false }, maxFileSize: 1 << 20 });
    expect(listing?.nested?.sort()).toEqual(['clone', 'sub']);
    expect(listing?.digests).toBeUndefined();
  });

  it('lists the tsconfig, jsconfig and package.json files it sees, as the walk does, none in node_modules', async () => {
    const configs = { 'apps/web/tsconfig.json': '{}', 'jsconfig.json': '{}', 'node_modules/pkg/tsconfig.json': '{}', 'node_modules/pkg/package.json': '{}', 'apps/web/tsconfig.base.json': '{}', 'apps/web/package.json': '{}' };
    const dir = await tree({ ...configs, 'apps/web/src/a.ts': 'export {};\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '-f', '.');
    git(dir, 'commit', '-q', '-m', 'configs');
    const options = { root: dir, paths: [], include: [], exclude: [], maxFileSize: 1 << 20 };
    const viaGit = await discoverFiles(options);
    expect(viaGit.configs.sort()).toEqual(['apps/web/package.json', 'apps/web/tsconfig.json', 'jsconfig.json']);
    expect((await discoverFiles({ ...options, useGit: false })).configs.sort()).toEqual(viaGit.configs.sort());
  });

  it('gives the same files as the walk for paths and globs', async () => {
    const extra = { paths: ['src', 'config'], exclude: ['**/.env'], include: [] };
    const viaGit = await listPaths(root, extra);
    expect(viaGit).toEqual(['config/.env.example', 'src/app.ts', 'src/lib/client.js', 'src/local-only/y.js']);
    expect(await listPaths(root, { ...extra, useGit: false })).toEqual(viaGit);
  });

  it('returns null from the git lister outside a work tree', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'bcom-nogit-'));
    try {
      expect(await listGitFiles(outside, [''])).toBeNull();
    } finally {
      await rm(outside, { recursive: true });
    }
  });

  it('walks a folder git ignores when it is the root itself', async () => {
    expect(await listPaths(join(root, 'ignored'))).toEqual(['z.js']);
  });
});

describe('symlinks', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    outside = await tree({ 'secret.js': 'outside the root\n', 'folder/a.js': 'outside\n' });
    root = await tree({
      '.gitignore': 'hidden/\n',
      'src/app.ts': 'export {};\n',
      'hidden/real.js': 'only reachable through a link\n',
      'out.js': { link: join(outside, 'secret.js') },
      'out-folder': { link: join(outside, 'folder') },
      'loop-a.js': { link: 'loop-b.js' },
      'loop-b.js': { link: 'loop-a.js' },
      'src/self': { link: '..' },
      'alias.ts': { link: 'src/app.ts' },
      'linked.js': { link: 'hidden/real.js' },
      'src-link': { link: 'src' },
      'dangling.js': { link: 'nowhere.js' },
      'notes-link': { link: 'nowhere.txt' },
    });
  });

  const expectedSkips = [
    { file: 'dangling.js', reason: 'unreadable', message: expect.stringContaining('broken symbolic link') },
    { file: 'loop-a.js', reason: 'symlink-loop', message: expect.any(String) },
    { file: 'loop-b.js', reason: 'symlink-loop', message: expect.any(String) },
    { file: 'out-folder', reason: 'symlink-outside-root', message: expect.any(String) },
    { file: 'out.js', reason: 'symlink-outside-root', message: expect.any(String) },
    { file: 'src/self', reason: 'symlink-loop', message: expect.stringContaining('folder that contains it') },
  ];

  it('never follows a link out of the root, reports loops, and reads in-root file links at their target', async () => {
    const discovery = await discoverFiles(options(root, { useGit: false }));
    expect(discovery.skipped).toEqual(expectedSkips);
    // alias.ts is dropped: its target src/app.ts is listed under its own name. Folder links are not entered.
    expect(discovery.files.map((file) => [file.path, file.absolutePath])).toEqual([
      ['linked.js', join(root, 'hidden/real.js')],
      ['src/app.ts', join(root, 'src/app.ts')],
    ]);
  });

  it('judges links the same way when git lists them, tracked or untracked', async () => {
    const copy = await tree({});
    await addToTree(copy, {
      '.gitignore': 'hidden/\n',
      'src/app.ts': 'export {};\n',
      'hidden/real.js': 'only reachable through a link\n',
      'out.js': { link: join(outside, 'secret.js') },
      'out-folder': { link: join(outside, 'folder') },
      'loop-a.js': { link: 'loop-b.js' },
      'loop-b.js': { link: 'loop-a.js' },
      'src/self': { link: '..' },
    });
    git(copy, 'init', '-q');
    git(copy, 'add', 'out.js', 'loop-a.js', 'src');
    git(copy, 'commit', '-q', '-m', 'tracked links');
    await addToTree(copy, { 'linked.js': { link: 'hidden/real.js' }, 'dangling.js': { link: 'nowhere.js' } });
    const viaGit = await discoverFiles(options(copy));
    expect(viaGit.skipped).toEqual(expectedSkips);
    expect(viaGit.files.map((file) => file.path)).toEqual(['linked.js', 'src/app.ts']);
    // git also gives object ids (for the scan cache) and says where it can search; everything else is the same.
    const withoutBlobs = ({ files, git: _git, ...rest }: Awaited<ReturnType<typeof discoverFiles>>) => ({ ...rest, files: files.map(({ blob: _blob, ...file }) => file) });
    expect(await discoverFiles(options(copy, { useGit: false }))).toEqual(withoutBlobs(viaGit));
  });

  it('gives the tracked regular files early, each exactly as the result holds it', async () => {
    const copy = await tree({ '.gitignore': 'ignored.js\n', 'src/app.ts': 'export {};\n', 'dist/out.js': 'built\n', 'notes.txt': 'not source\n', 'ignored.js': 'tracked anyway\n' });
    git(copy, 'init', '-q');
    git(copy, 'add', '.');
    git(copy, 'add', '-f', 'ignored.js');
    git(copy, 'commit', '-q', '-m', 'start');
    await addToTree(copy, { 'untracked.js': 'new\n', 'link.js': { link: 'src/app.ts' } }); // the link: read at its target, once
    let early: DiscoveredFile[] = [];
    const discovery = await discoverFiles(options(copy, { onEarlyFiles: (files) => (early = files) }));
    expect(early.map((file) => file.path)).toEqual(['ignored.js', 'src/app.ts']);
    for (const file of early) expect(discovery.files.find((listed) => listed.path === file.path)).toEqual(file);
    expect(discovery.files.map((file) => file.path)).toEqual(['ignored.js', 'src/app.ts', 'untracked.js']);
  });

  it('gives no early files when it walks instead of asking git', async () => {
    const onEarlyFiles = vi.fn();
    await discoverFiles(options(root, { useGit: false, onEarlyFiles }));
    expect(onEarlyFiles).not.toHaveBeenCalled();
  });

  it('refuses a path argument that links out of the root', async () => {
    await expect(discoverFiles(options(root, { paths: ['out.js'] }))).rejects.toThrow(/outside the root/);
  });
});
