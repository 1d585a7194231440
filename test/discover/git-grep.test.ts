// git searches the tracked files for the pre-filter's needles (and, when the cross-file pass needs
// them, for relative specifiers), so the scan need not read the files it finds nothing in. What git
// finds must be what the byte search would find in the work tree, file for file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discover/discover.ts';
import { nulSeparated, parseMatches, trackedFilesContaining, trackedMatches } from '../../src/discover/git-grep.ts';
import { excludedFolderGlobs, isDefaultExcluded } from '../../src/discover/excludes.ts';
import { fileKindOf, KIND_NAME_GLOBS } from '../../src/discover/kinds.ts';
import { ALL_PREFILTER_NEEDLES } from '../../src/discover/prefilter.ts';
import type { DiscoveredFile } from '../../src/discover/types.ts';
import { relativeSpecifierHints, SPECIFIER_HINT_PATTERNS, specifierHintsFromMatches } from '../../src/analyze/project/module-specifiers.ts';
import { addToTree, git, makeTree, removeTree, type TreeSpec } from './tree.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LEGACY = "fetch('https://store-abc123.mybigcommerce.com/api/v2/orders');\n";
const PLAIN = "import { x } from './x.js';\nexport const y = x + 1;\n";

function committed(root: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
}

describe('nulSeparated', () => {
  it('gives each record once it is complete, a character cut between chunks included', () => {
    const split = nulSeparated();
    const bytes = Buffer.from('a.js\0dossiers/café.js\0b.js\0');
    const cut = bytes.indexOf(Buffer.from('é')) + 1; // inside the two bytes of é
    expect(split(bytes.subarray(0, cut))).toEqual(['a.js']);
    expect(split(bytes.subarray(cut))).toEqual(['dossiers/café.js', 'b.js']);
    expect(split(Buffer.alloc(0))).toEqual([]);
  });
});

describe('parseMatches', () => {
  it('reads each match under its path, a path with a newline in it included', () => {
    const output = Buffer.concat([Buffer.from("odd\nname.js\0'./a\nodd\nname.js\0/api/v2\nz.js\0'..\n")]);
    expect(parseMatches(output)).toEqual(new Map([['odd\nname.js', ["'./a", '/api/v2']], ['z.js', ["'.."]]]));
  });
});

describe('trackedFilesContaining', () => {
  let root: string;
  afterEach(async () => removeTree(root));

  it('lists the tracked files with a needle, as the work tree holds them, and streams them', async () => {
    root = await makeTree({
      'src/legacy.js': LEGACY,
      'src/plain.js': PLAIN,
      'src/café.ts': LEGACY,
      'src/binary.js': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(LEGACY)]),
      'src/edited.js': PLAIN,
    });
    committed(root);
    await addToTree(root, { 'src/edited.js': LEGACY, 'src/untracked.js': LEGACY });
    const streamed: string[] = [];
    const found = await trackedFilesContaining({ root, dirs: [''] }, ALL_PREFILTER_NEEDLES, (paths) => streamed.push(...paths));
    expect([...(found ?? [])].sort()).toEqual(['src/binary.js', 'src/café.ts', 'src/edited.js', 'src/legacy.js']);
    expect(streamed.sort()).toEqual([...(found ?? [])].sort());
  });

  it('searches every file the scan reads, whatever the case of its name, and no other file', async () => {
    const kindNames = ['src/A.JS', 'src/b.Ts', 'src/c.mjs', 'src/d.cts', 'cfg/app.YML', 'cfg/c.json', 'x.php', 'y.py', 'z.rb', 'deep/x/.env', 'deep/x/.env.production', 'prod.env'];
    const otherNames = ['img/logo.png', 'README.md', 'fonts/a.woff2', 'src/.js'];
    root = await makeTree(Object.fromEntries([...kindNames, ...otherNames].map((path) => [path, LEGACY])));
    committed(root);
    expect(kindNames.every((path) => fileKindOf(path) !== null) && otherNames.every((path) => fileKindOf(path) === null)).toBe(true);
    const found = await trackedFilesContaining({ root, dirs: [''], names: KIND_NAME_GLOBS }, ALL_PREFILTER_NEEDLES);
    // '.js' alone is no kind (no name before the dot); the glob takes it too, which is harmless.
    expect([...(found ?? [])].sort()).toEqual([...kindNames, 'src/.js'].sort());
    const underSrc = await trackedFilesContaining({ root, dirs: ['src'], names: KIND_NAME_GLOBS }, ALL_PREFILTER_NEEDLES);
    expect([...(underSrc ?? [])].sort()).toEqual(['src/.js', 'src/A.JS', 'src/b.Ts', 'src/c.mjs', 'src/d.cts']);
  });

  it('leaves out only paths the default excludes drop, relative to the folder searched', async () => {
    const excluded = ['node_modules/pkg/a.js', 'src/vendor/x.php', 'pkg/dist/b.js', 'lib/app.min.js', 'lib/app.bundle.cjs'];
    const kept = ['distance/c.js', 'node_modules_x/d.js', 'src/Vendor/e.js', 'lib/APP.MIN.JS', 'lib/minify.js', 'src/a.js'];
    root = await makeTree(Object.fromEntries([...excluded, ...kept].map((path) => [path, LEGACY])));
    committed(root);
    expect(excluded.filter((path) => !isDefaultExcluded(path))).toEqual([]);
    expect(kept.filter((path) => isDefaultExcluded(path))).toEqual(['lib/APP.MIN.JS']);
    const skip = excludedFolderGlobs([...excluded, ...kept]);
    expect(skip).toEqual(['**/dist/**', '**/node_modules/**', '**/vendor/**']);
    const found = await trackedFilesContaining({ root, dirs: [''], names: KIND_NAME_GLOBS, skip }, ALL_PREFILTER_NEEDLES);
    // Every path kept by the default excludes is searched (bundles too: the scan drops them itself).
    expect([...(found ?? [])].sort()).toEqual([...kept, 'lib/app.min.js', 'lib/app.bundle.cjs'].sort());
    const inNodeModules = await trackedFilesContaining({ root, dirs: ['node_modules/pkg'], names: KIND_NAME_GLOBS, skip }, ALL_PREFILTER_NEEDLES);
    expect(inNodeModules).toEqual(new Set(['node_modules/pkg/a.js']));
  });

  it('searches only under the folders asked for', async () => {
    root = await makeTree({ 'a/one.js': LEGACY, 'b/two.js': LEGACY });
    committed(root);
    expect(await trackedFilesContaining({ root, dirs: ['b'] }, ALL_PREFILTER_NEEDLES)).toEqual(new Set(['b/two.js']));
  });

  it('answers an empty set when nothing matches, and null outside a work tree', async () => {
    root = await makeTree({ 'plain.js': PLAIN });
    expect(await trackedFilesContaining({ root, dirs: [''] }, ALL_PREFILTER_NEEDLES)).toBeNull();
    committed(root);
    expect(await trackedFilesContaining({ root, dirs: [''] }, ALL_PREFILTER_NEEDLES)).toEqual(new Set());
  });
});

describe('trackedMatches with the specifier patterns', () => {
  let root: string;
  afterEach(async () => removeTree(root));

  const hintsByGit = async (spec: TreeSpec) => {
    root = await makeTree(spec);
    committed(root);
    const found = await trackedMatches({ root, dirs: [''] }, SPECIFIER_HINT_PATTERNS);
    expect(found).not.toBeNull();
    return (path: string) => new Set(specifierHintsFromMatches(found!.get(path) ?? []));
  };

  it('finds what the byte search finds, in every JS fixture file', async () => {
    const spec: TreeSpec = {};
    for (const file of jsFixtureFiles(join(REPO, 'fixtures'))) spec[file.slice(REPO.length + 1)] = readFileSync(file);
    expect(Object.keys(spec).length).toBeGreaterThan(20);
    const byGit = await hintsByGit(spec);
    for (const [path, bytes] of Object.entries(spec)) {
      expect({ path, hints: byGit(path) }).toEqual({ path, hints: new Set(relativeSpecifierHints(bytes as Buffer)) });
    }
  });

  it('agrees with the byte search where quotes touch, nest or stay open', async () => {
    const cases: Record<string, string> = {
      'touching.js': "x = './a'./b';\n",
      'nested.js': `s = "'./in-single'" + '"./in-double"';\n`,
      'open.js': "a = './no-end\nb = \"./mixed';\nc = '../ok';\n",
      'bare.js': "import a from '.';\nimport b from \"..\";\nq = '.'.'\n",
      'dots.js': "p = '.../x'; r = 'a./b'; s = '../../up/index.js';\n",
      'crlf.js': "import a from './a';\r\nimport b from \"../b\";\r\n",
      'latin1.js': Buffer.concat([Buffer.from("import a from './caf"), Buffer.from([0xe9]), Buffer.from("';\n")]).toString('latin1'),
    };
    const spec: TreeSpec = Object.fromEntries(Object.entries(cases).map(([path, text]) => [path, Buffer.from(text, 'latin1')]));
    const byGit = await hintsByGit(spec);
    for (const [path, text] of Object.entries(cases)) {
      expect({ path, hints: byGit(path) }).toEqual({ path, hints: new Set(relativeSpecifierHints(Buffer.from(text, 'latin1'))) });
    }
  });
});

describe('discoverFiles with needles', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTree({ 'src/legacy.js': LEGACY, 'src/plain.js': PLAIN, 'src/settings.yml': 'a: 1\n', 'src/held.js': PLAIN });
    committed(root);
  });
  afterEach(async () => removeTree(root));

  const discover = async (early: DiscoveredFile[] = []) =>
    discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: 1 << 20, needles: ALL_PREFILTER_NEEDLES, onEarlyFiles: (files) => early.push(...files) });
  const marked = (files: DiscoveredFile[]) => files.filter((file) => file.noNeedle).map((file) => file.path);

  it('marks the tracked files git found no needle in, and hands out early only those it did', async () => {
    const early: DiscoveredFile[] = [];
    const discovery = await discover(early);
    expect(marked(discovery.files)).toEqual(['src/held.js', 'src/plain.js', 'src/settings.yml']);
    expect(early.map((file) => file.path)).toEqual(['src/legacy.js']);
    expect(discovery.git).toEqual({ root, dirs: [''], names: KIND_NAME_GLOBS });
  });

  it('has git leave out the default-excluded folders the listing holds, and only those', async () => {
    await addToTree(root, { 'node_modules/pkg/index.js': LEGACY, 'src/vendors/x.js': PLAIN });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'deps');
    const discovery = await discover();
    expect(discovery.git?.skip).toEqual(['**/node_modules/**']);
    expect(discovery.files.some((file) => file.path.startsWith('node_modules/'))).toBe(false);
    expect(marked(discovery.files)).toEqual(['src/held.js', 'src/plain.js', 'src/settings.yml', 'src/vendors/x.js']);
  });

  it('searches a default-excluded folder when it is asked for by name next to another', async () => {
    await addToTree(root, { 'dist/built.js': LEGACY, 'dist/plain.js': PLAIN });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'dist');
    const discovery = await discoverFiles({ root, paths: ['.', 'dist'], include: [], exclude: [], maxFileSize: 1 << 20, needles: ALL_PREFILTER_NEEDLES });
    expect(discovery.git?.skip).toBeUndefined();
    expect(discovery.files.filter((file) => file.path.startsWith('dist/')).map((file) => [file.path, Boolean(file.noNeedle)])).toEqual([
      ['dist/built.js', false],
      ['dist/plain.js', true],
    ]);
  });

  it('leaves unmarked what git does not read from the work tree: untracked and assume-unchanged files', async () => {
    git(root, 'update-index', '--assume-unchanged', 'src/held.js');
    await addToTree(root, { 'src/held.js': LEGACY, 'src/new.js': PLAIN });
    expect(marked((await discover()).files)).toEqual(['src/plain.js', 'src/settings.yml']);
  });

  it('marks nothing when it walks instead of asking git', async () => {
    const discovery = await discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: 1 << 20, needles: ALL_PREFILTER_NEEDLES, useGit: false });
    expect(marked(discovery.files)).toEqual([]);
    expect(discovery.git).toBeUndefined();
  });
});

function jsFixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsFixtureFiles(path);
    return entry.isFile() && /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [path] : [];
  });
}
