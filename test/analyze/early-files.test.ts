// scanProject starts on git's tracked files while git still walks the tree for untracked ones. What
// it reports must not depend on that: the result is gathered in path order, and a file scanned early
// that the final listing does not hold (git failing half-way, a walk taking over) is left out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListedEntry, Listing } from '../../src/discover/listing.ts';
import { addToTree, git, makeTree, removeTree } from '../discover/tree.ts';
import { testConfig } from './helpers.ts';

const legacy = (resource: string) =>
  `// bc-oauth-migrate-ignore-next-line kept for the ${resource} archive\n` +
  `export const get = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/${resource}.json', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n` +
  `export const again = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/${resource}.json', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n`;

/** How the mocked git listing behaves in the test that needs it; null: the real one. */
const gitStub = vi.hoisted(() => ({ failAfterTracked: null as null | ListedEntry[] }));

vi.mock('../../src/discover/git.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/discover/git.ts')>();
  return {
    listGitFiles: async (root: string, dirs: readonly string[], onTracked?: (entries: readonly ListedEntry[]) => void): Promise<Listing | null> => {
      if (gitStub.failAfterTracked === null) return real.listGitFiles(root, dirs, onTracked);
      onTracked?.(gitStub.failAfterTracked);
      return null; // the untracked walk failed: discovery walks the tree instead
    },
  };
});

const { scanProject } = await import('../../src/analyze/index.ts');

describe('scanning tracked files early', () => {
  let root: string;

  beforeEach(async () => {
    // b.js is tracked (scanned early); a.js is untracked (scanned after), yet sorts first.
    root = await makeTree({ 'src/b.js': legacy('brands'), '.gitignore': 'src/ignored.js\n' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
    await addToTree(root, { 'src/a.js': legacy('orders'), 'src/ignored.js': legacy('customers') });
  });
  afterEach(async () => {
    gitStub.failAfterTracked = null;
    await removeTree(root);
  });

  it('returns files with findings and suppressions in path order, untracked ones included', async () => {
    const result = await scanProject({ root, paths: [], config: testConfig });
    expect(result.files.map((file) => file.source.file.path)).toEqual(['src/a.js', 'src/b.js']);
    expect(result.suppressions.map((suppression) => suppression.file)).toEqual(['src/a.js', 'src/b.js']);
    expect(result.report.summary.filesScanned).toBe(2);
  });

  it('leaves out a file scanned early that the final listing does not hold', async () => {
    // As git would list a tracked file that .gitignore names; the walk that takes over skips it.
    gitStub.failAfterTracked = [
      { path: 'src/b.js', symlink: false, blob: 'f'.repeat(40) },
      { path: 'src/ignored.js', symlink: false, blob: 'e'.repeat(40) },
    ];
    const result = await scanProject({ root, paths: [], config: testConfig });
    expect(result.report.findings.map((finding) => finding.file)).not.toContain('src/ignored.js');
    expect(result.files.map((file) => file.source.file.path)).toEqual(['src/a.js', 'src/b.js']);
    expect(result.suppressions.map((suppression) => suppression.file)).toEqual(['src/a.js', 'src/b.js']);
    expect(result.report.summary.filesScanned).toBe(2);
  });

  it('gives progress a total of at least the tracked files while it scans early, and every file at the end', async () => {
    await addToTree(root, { 'src/plain.js': 'export const x = 1;\n' });
    git(root, 'add', 'src/plain.js');
    git(root, 'commit', '-q', '-m', 'a clean file');
    const seen: Array<{ done: number; total: number }> = [];
    await scanProject({ root, paths: [], config: testConfig, onProgress: ({ done, total }) => seen.push({ done, total }) });
    // Tracked: b.js (scanned early) and plain.js; then a.js, untracked.
    expect(seen[0]).toEqual({ done: 1, total: 2 });
    expect(seen.at(-1)).toEqual({ done: 3, total: 3 });
  });
});
