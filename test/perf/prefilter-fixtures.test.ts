// The pre-filter decides which files are analyzed at all: it may let decoys through, but it must
// never drop a file that full analysis flags. Checked by analyzing every fixture file in full, and
// by searching the fixtures with git as the scan does in a work tree.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { analyzeEnvFile } from '../../src/analyze/detectors/config-env.ts';
import { analyzeYamlOrJsonFile } from '../../src/analyze/detectors/config-yaml.ts';
import { analyzeShellFile } from '../../src/analyze/detectors/shell.ts';
import { analyzeUnparsedFile } from '../../src/analyze/detectors/unparsed.ts';
import { analyzeOtherLanguage } from '../../src/analyze/languages/index.ts';
import { analyzeNotebook } from '../../src/analyze/notebook-analysis.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { fileKindOf, gitSearchesFile } from '../../src/discover/kinds.ts';
import { discoverFiles } from '../../src/discover/discover.ts';
import { ALL_PREFILTER_NEEDLES, mightBeLegacy } from '../../src/discover/prefilter.ts';
import type { FileKind } from '../../src/discover/types.ts';
import type { Finding } from '../../src/types.ts';
import { git } from '../discover/tree.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE_ROOTS = ['fixtures', 'test/equivalence/__fixtures__'];

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : allFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

async function fullFindings(path: string, kind: FileKind, text: string): Promise<Finding[]> {
  const config = defaultConfig();
  try {
    switch (kind) {
      case 'js':
        return analyzeJsSource({ path, text }, { config }).findings;
      case 'env':
        return analyzeEnvFile(path, text, config).findings;
      case 'yaml':
      case 'json':
        return analyzeYamlOrJsonFile(path, text, config).findings;
      case 'shell':
        return analyzeShellFile(path, text, config).findings;
      case 'unparsed':
        return analyzeUnparsedFile(path, text, config).findings;
      case 'notebook':
        return (await analyzeNotebook(path, text, config)).findings;
      default:
        return (await analyzeOtherLanguage({ path, text, kind }, { config })).findings;
    }
  } catch {
    return []; // a file that does not parse has no findings to lose (it is reported as an error)
  }
}

describe('pre-filter over every fixture', () => {
  it('lets through every fixture file that full analysis flags, of every kind', async () => {
    const dropped: string[] = [];
    const flaggedByKind = new Map<FileKind, number>();
    for (const root of FIXTURE_ROOTS) {
      for (const absolute of allFiles(join(REPO, root))) {
        const path = relative(REPO, absolute).split('\\').join('/');
        // Fixture repos rename .gitignore to _gitignore; kinds come from the real names.
        const kind = fileKindOf(path);
        if (!kind) continue;
        const buffer = readFileSync(absolute);
        const findings = await fullFindings(path, kind, buffer.toString('utf8').replace(/^\uFEFF/, ''));
        if (findings.length === 0) continue;
        flaggedByKind.set(kind, (flaggedByKind.get(kind) ?? 0) + 1);
        if (!mightBeLegacy(buffer, kind)) dropped.push(`${path} (${findings.map((f) => f.rule).join(', ')})`);
      }
    }
    expect(dropped).toEqual([]);
    // The check above is only as good as its coverage: every analyzer must have flagged something.
    expect(flaggedByKind.get('js') ?? 0).toBeGreaterThan(20);
    for (const kind of ['php', 'python', 'ruby', 'shell', 'notebook', 'unparsed'] as const) expect(flaggedByKind.get(kind) ?? 0).toBeGreaterThan(0);
    expect((flaggedByKind.get('env') ?? 0) + (flaggedByKind.get('yaml') ?? 0) + (flaggedByKind.get('json') ?? 0)).toBeGreaterThan(0);
  }, 120_000);

  it('leaves every fixture file that might be legacy to be read when git searches the tree', async () => {
    // The same files in a git work tree: what git's search calls needle-free is never read.
    const root = await mkdtemp(join(tmpdir(), 'bc-prefilter-git-'));
    try {
      for (const fixtureRoot of FIXTURE_ROOTS) cpSync(join(REPO, fixtureRoot), join(root, fixtureRoot), { recursive: true });
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', 'fixtures');
      const { files } = await discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: 1 << 20, needles: ALL_PREFILTER_NEEDLES });
      const wrong = files.filter((file) => {
        const bytes = readFileSync(file.absolutePath);
        const anyNeedle = ALL_PREFILTER_NEEDLES.some((needle) => bytes.includes(needle));
        // A needle-free file git searches must be marked; the others (shell files, notebooks) are always read.
        const searched = gitSearchesFile(file.path, file.kind);
        return file.noNeedle ? mightBeLegacy(bytes, file.kind) || !searched : !anyNeedle && searched;
      });
      expect(wrong.map((file) => file.path)).toEqual([]);
      expect(files.filter((file) => file.noNeedle).length).toBeGreaterThan(10);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
