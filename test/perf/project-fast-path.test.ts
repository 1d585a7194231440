// The cross-file pass's fast paths: it takes what the fast scan learned (pre-filter hits, relative
// specifiers read from bytes, parsed Programs) instead of reading the tree again, and builds the
// TypeScript program over the imported modules only. Each must give what the slow path gives.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS benchmark module without type declarations
import { generateRepo } from '../../bench/generate.js';
import { scanProject } from '../../src/analyze/index.ts';
import { runProjectPass } from '../../src/analyze/project/index.ts';
import { walk, type AstNode } from '../../src/analyze/ast.ts';
import { createDefinitionFinder, loadDefinitionFinder } from '../../src/analyze/project/declarations.ts';
import { relativeSpecifierHints, relativeSpecifiers } from '../../src/analyze/project/module-specifiers.ts';
import { readHints } from '../../src/analyze/project/involved.ts';
import { jsUnit } from '../../src/analyze/project/units.ts';
import { discoverFiles } from '../../src/discover/discover.ts';
import { summarize } from '../analyze/project/helpers.ts';
import { testConfig } from '../analyze/helpers.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const JS = /\.(?:[cm]?[jt]sx?)$/;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsFiles(path);
    return entry.isFile() && JS.test(entry.name) ? [path] : [];
  });
}

describe('relativeSpecifierHints', () => {
  it('finds every specifier the project pass reads, in every fixture file', () => {
    const files = jsFiles(join(REPO, 'fixtures'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const bytes = readFileSync(file);
      const hints = new Set(relativeSpecifierHints(bytes));
      const missing = relativeSpecifiers(bytes.toString('latin1')).filter((s) => !hints.has(s));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('reads every import form, the bare folder forms included', () => {
    const text = [
      "import a from './a.js';",
      'export * from "../b";',
      "const c = require('../../c/index.ts');",
      "const d = await import('./d');",
      "import e from '.';",
      'import f from "..";',
    ].join('\n');
    expect(new Set(relativeSpecifierHints(Buffer.from(text)))).toEqual(new Set(relativeSpecifiers(text)));
  });
});

describe('the cross-file pass on a repository where a tenth of the files import a shared wrapper', () => {
  let parent: string;
  let repo: { dir: string; legacyFiles: string[]; importerFiles: string[] };

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'bc-perf-deep-'));
    repo = generateRepo({ dir: join(parent, 'repo'), files: 400, seed: 11, importerShare: 0.1 });
  }, 120_000);

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('finds a call at every importer of the wrapper', async () => {
    const { report } = await scanProject({ root: repo.dir, paths: [], config: testConfig });
    const flagged = new Set(report.findings.map((f) => f.file));
    expect(repo.importerFiles.length).toBe(40);
    expect(repo.importerFiles.filter((f: string) => !flagged.has(f))).toEqual([]);
    expect(repo.legacyFiles.filter((f: string) => !flagged.has(f))).toEqual([]);
  }, 60_000);

  it('gives the same findings from the fast scan’s hints as from reading the tree itself', async () => {
    const full = await scanProject({ root: repo.dir, paths: [], config: testConfig });
    const fast = await scanProject({ root: repo.dir, paths: [], config: testConfig, projectPass: false });
    const { files } = await discoverFiles({ root: repo.dir, paths: [], include: [], exclude: [], maxFileSize: testConfig.maxFileSize });
    const slow = await runProjectPass({ files, findings: fast.report.findings, analyzed: fast.files, config: testConfig });
    const rules = ['legacy-api-call', 'legacy-request-wrapper', 'legacy-client-config', 'legacy-credentials-config', 'hardcoded-credential'];
    expect(summarize(full.report.findings, rules)).toEqual(summarize(slow.findings, rules));
    expect(summarize(full.report.findings, rules).length).toBeGreaterThan(40);
    // The importers call a plainly exported function: no question needs the checker.
    expect(slow.usedChecker).toBe(false);
  }, 60_000);
});

describe('the TypeScript program of the cross-file pass', () => {
  const base = "export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';\n";
  const route = "import { BASE } from '../lib/bc.js';\nexport const url = BASE + '/orders';\n";
  let dir: string;
  beforeAll(async () => {
    // Real folders: TypeScript's module resolution asks whether a folder exists before looking in it.
    dir = await mkdtemp(join(tmpdir(), 'bc-perf-checker-'));
    await mkdir(join(dir, 'lib'));
    await mkdir(join(dir, 'routes'));
    await writeFile(join(dir, 'lib/bc.ts'), base);
    await writeFile(join(dir, 'routes/a.ts'), route);
    await writeFile(join(dir, 'routes/b.ts'), route);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const units = () => ['lib/bc.ts', 'routes/a.ts', 'routes/b.ts'].map((file) => jsUnit(file, join(dir, file), file.startsWith('lib') ? base : route, null));
  const usage = (root: AstNode): AstNode => {
    let found: AstNode | null = null;
    walk(root, (node, parent) => {
      if (node.type === 'Identifier' && node.name === 'BASE' && parent?.type === 'BinaryExpression') found = node;
    });
    return found!;
  };

  it('answers a plainly exported name without building a program', async () => {
    const [, a] = units();
    const all = [units()[0], a, units()[2]];
    const finder = await loadDefinitionFinder(all);
    const node = usage(a.root);
    const site = finder.definitionOf('routes/a.ts', node.start!, node.end!, node);
    expect(site).toMatchObject({ file: 'lib/bc.ts', kind: 'value', start: base.indexOf("'https") });
    expect(finder.programFiles()).toBe(0);
    expect(finder.checkerLoaded()).toBe(false);
  });

  it('holds only the imported modules while every question is about an imported name', async () => {
    const [, a] = units();
    const all = [units()[0], a, units()[2]];
    const finder = createDefinitionFinder(all, { plainExports: false });
    const node = usage(a.root);
    const site = finder.definitionOf('routes/a.ts', node.start!, node.end!, node);
    expect(site).toMatchObject({ file: 'lib/bc.ts', kind: 'value', start: base.indexOf("'https") });
    expect(finder.programFiles()).toBe(1);
  });

  it('takes every file in, with the same answer, when a question needs the asking file', async () => {
    const all = units();
    const finder = await loadDefinitionFinder(all);
    const node = usage(all[1].root);
    const site = finder.definitionOf('routes/a.ts', node.start!, node.end!);
    expect(site).toMatchObject({ file: 'lib/bc.ts', kind: 'value', start: base.indexOf("'https") });
    expect(finder.programFiles()).toBe(3);
  });
});

describe('skipping detection in involved files that stand alone', () => {
  let parent: string;
  let generated: string;
  let importing: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'bc-perf-alone-'));
    // No importers: every exporting pre-filter hit is involved, none is imported.
    generated = generateRepo({ dir: join(parent, 'repo'), files: 1200, seed: 5 }).dir;
    // A pre-filter hit the fast scan finds clean, whose request takes its host from an import.
    importing = join(parent, 'importing');
    await mkdir(join(importing, 'lib'), { recursive: true });
    await mkdir(join(importing, 'routes'));
    await writeFile(join(importing, 'lib/bc.ts'), "export const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';\n");
    // A direct call, so that the fast scan finds something and the pass runs.
    await writeFile(
      join(importing, 'routes/products.ts'),
      "export const products = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/products.json', { headers: { Authorization: 'Basic ' + btoa('user:key') } });\n",
    );
    await writeFile(
      join(importing, 'routes/orders.ts'),
      [
        '// Reads /api/v2 orders through the shared base URL.',
        "import { BASE } from '../lib/bc.js';",
        "export const orders = () => fetch(BASE + '/orders.json', { headers: { Authorization: 'Basic ' + btoa('user:key') } });",
        '',
      ].join('\n'),
    );
  }, 120_000);

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  /** The pass over a root, once with the fast scan's clean files named (so it may skip them) and once without. */
  async function bothWays(root: string) {
    const { files } = await discoverFiles({ root, paths: [], include: [], exclude: [], maxFileSize: testConfig.maxFileSize });
    const fast = await scanProject({ root, paths: [], config: testConfig, projectPass: false });
    const hints = readHints(files, testConfig.maxFileSize);
    const unclean = new Set([...fast.report.findings.map((f) => f.file), ...fast.report.errors.map((e) => e.file)]);
    const cleanJs = new Set([...hints.sources.keys()].filter((path) => JS.test(path) && !unclean.has(path)));
    const input = { files, findings: fast.report.findings, analyzed: fast.files, config: testConfig };
    const skipping = await runProjectPass({ ...input, hints: { ...hints, cleanJs } });
    const full = await runProjectPass({ ...input, hints });
    return { skipping, full, cleanJs };
  }

  it('gives the same findings and secrets as detecting in every involved file', async () => {
    const roots = [
      generated,
      importing,
      join(REPO, 'fixtures/example-app'),
      ...['scan', 'deep'].flatMap((group) => readdirSync(join(REPO, 'fixtures', group)).map((name) => join(REPO, 'fixtures', group, name))),
    ];
    let cleanInvolved = 0;
    for (const root of roots) {
      const { skipping, full, cleanJs } = await bothWays(root);
      cleanInvolved += full.reanalyzed.filter((path) => cleanJs.has(path)).length;
      expect({ root, findings: skipping.findings, secrets: skipping.secrets.sort(), errors: skipping.errors }).toEqual({
        root,
        findings: full.findings,
        secrets: full.secrets.sort(),
        errors: full.errors,
      });
      expect(skipping.analyzed.map((a) => a.source.file.path)).toEqual(full.analyzed.map((a) => a.source.file.path));
    }
    expect((await bothWays(importing)).full.findings.map((f) => f.file)).toContain('routes/orders.ts');
    // The comparison means something only if some involved files were clean decoys.
    expect(cleanInvolved).toBeGreaterThan(10);
  }, 120_000);
});
