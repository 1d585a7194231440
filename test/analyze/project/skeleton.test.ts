// An importer's skeleton, cut from its text alone, must parse to exactly the top-level statements a
// parse of the whole file has there (same spans, same nodes all the way down), and keep at least
// every statement narrowProgram keeps; the reading of the text must give up wherever it could be
// read two ways.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS benchmark module without type declarations
import { generateRepo } from '../../../bench/generate.js';
import { walk, type AstNode } from '../../../src/analyze/ast.ts';
import { parseJs, pluginsFor } from '../../../src/analyze/parse.ts';
import { narrowProgram } from '../../../src/analyze/project/narrow.ts';
import { importerSkeleton } from '../../../src/analyze/project/skeleton.ts';
import { topLevelLines } from '../../../src/analyze/project/top-level-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const JS = /\.(?:[cm]?[jt]sx?)$/;
const temp = mkdtempSync(join(tmpdir(), 'deep-skeleton-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '.git' ? [] : jsFiles(path);
    return entry.isFile() && JS.test(entry.name) ? [path] : [];
  });
}

function parsed(text: string, file: string) {
  try {
    return parseJs(text, file);
  } catch {
    return null;
  }
}

/** Every node's type and span, in walk order. */
function fingerprint(node: AstNode): string {
  const parts: string[] = [];
  walk(node, (n) => {
    parts.push(`${n.type}@${n.start}-${n.end}`);
  });
  return parts.join(' ');
}

/** What the skeleton of a file that parses whole gets wrong ('' when nothing), or null when there is none. */
function skeletonErrors(text: string, file: string): string | null {
  const whole = parsed(text, file);
  const skeleton = whole ? importerSkeleton(text, file) : null;
  if (!whole || !skeleton) return null;
  const cut = parsed(skeleton.text, file);
  if (!cut) return 'the skeleton does not parse';
  if (cut.program.sourceType !== whole.program.sourceType) return 'sourceType';
  const byStart = new Map((whole.program.body as AstNode[]).map((s) => [s.start, s]));
  for (const statement of cut.program.body as AstNode[]) {
    const same = byStart.get(statement.start);
    if (!same || fingerprint(same) !== fingerprint(statement)) return `statement at ${statement.start} differs`;
  }
  const starts = new Set((cut.program.body as AstNode[]).map((s) => s.start));
  const missing = (narrowProgram(whole.program, text, whole.comments).body as AstNode[]).filter((s) => !starts.has(s.start));
  return missing.length > 0 ? `leaves out ${missing.map((s) => s.start).join(', ')}` : '';
}

describe('topLevelLines', () => {
  it('says a statement begins only where one does, in every fixture file', () => {
    let read = 0;
    for (const path of jsFiles(FIXTURES)) {
      const text = readFileSync(path, 'utf8');
      const whole = parsed(text, path);
      const reading = whole ? topLevelLines(text, pluginsFor(path).includes('jsx')) : null;
      if (!whole || !reading) continue;
      read++;
      const statements = whole.program.body as AstNode[];
      for (const line of reading.lines) {
        const inside = statements.find((s) => s.start! < line.start && line.start < s.end!);
        const begins = statements.some((s) => s.start! >= line.start && !text.slice(line.start, s.start!).trim());
        expect({ path, line, inside: inside?.type ?? null, begins }).toEqual({ path, line, inside: null, begins: true });
      }
    }
    expect(read).toBeGreaterThan(60);
  });

  it.each([
    ['a `/` after `)` with another `/` on its line', 'if (a) /b/.test(c);\nexport const x = 1;\n'],
    ['a `/` after `}` with another `/` on its line', 'function f() {}\n/a/.test(b);\n'],
    ['a string that does not end on its line', "const a = 'x\nexport const b = 1;\n"],
    ['a comment that does not end', 'export const a = 1; /* never closed\n'],
    ['brackets that do not close', 'export const a = [1, 2;\n'],
    ['a name written with non-ASCII letters', 'export const café = 1;\n'],
  ])('gives up on %s', (_, text) => {
    expect(topLevelLines(text, true)).toBeNull();
  });

  it('reads a `/` after a keyword as a regular expression, and after a name that starts like one as a division', () => {
    const text = [
      'function f(x) {',
      '  return /"/.test(x);',
      '}',
      'const returned = 4, typeofs = 2;',
      'const half = returned / 2;',
      'const third = typeofs / 3;',
      'export const g = 1;',
      '',
    ].join('\n');
    const reading = topLevelLines(text, false);
    expect(reading?.lines.map((l) => text.slice(l.start).split(/\s/, 1)[0])).toEqual(['function', 'const', 'const', 'const', 'export']);
  });

  it('reads regular expressions, templates, JSX and decorators, and finds the statements around them', () => {
    const text = [
      "import { bcRequest } from './bc.js';",
      'const re = /["`{]/g; const half = total / 2;',
      'const t = `a ${`b ${c}`} {` + `}`;',
      "export const View = () => <div title=\"it's\">Don't {items.map((i) => <b key={i}>{i}</b>)}</div>;",
      '@sealed',
      'export class Shop {}',
      "export const go = () => bcRequest('GET', '/orders');",
      '',
    ].join('\n');
    const reading = topLevelLines(text, true)!;
    expect(reading.lines.map((l) => text.slice(l.start).split(/\s/, 1)[0])).toEqual(['import', 'const', 'const', 'export', '@sealed', 'export']);
  });
});

describe('importerSkeleton', () => {
  it('parses to the whole file’s statements and keeps what narrowProgram keeps, in every fixture file', () => {
    let cut = 0;
    for (const path of jsFiles(FIXTURES)) {
      const text = readFileSync(path, 'utf8');
      const errors = skeletonErrors(text, path);
      if (errors === null) continue;
      cut++;
      expect({ path, errors }).toEqual({ path, errors: '' });
    }
    expect(cut).toBeGreaterThan(20);
  });

  it('does so for every importer of the benchmark’s repository, JSX and TypeScript alike', () => {
    const repo = generateRepo({ dir: join(temp, 'generated'), files: 2000, seed: 3, importerShare: 0.1 });
    const importers: string[] = repo.importerFiles;
    expect(importers.length).toBe(200);
    const exts = new Set<string>();
    for (const file of importers) {
      const text = readFileSync(join(repo.dir, file), 'utf8');
      expect({ file, errors: skeletonErrors(text, file) }).toEqual({ file, errors: '' });
      exts.add(file.split('.').pop()!);
    }
    expect([...exts].sort()).toEqual(['js', 'mjs', 'ts', 'tsx']);
  });

  it('blanks what it leaves out, keeping every offset and line', () => {
    const text = "import { bcRequest } from './bc.js';\nexport class Cache {\n  get(key) { return key; }\n}\nexport const go = () => bcRequest('GET', '/orders');\n";
    const skeleton = importerSkeleton(text, 'a.js')!;
    expect(skeleton.text.length).toBe(text.length);
    expect(skeleton.text.split('\n').length).toBe(text.split('\n').length);
    expect(skeleton.text).not.toContain('Cache');
    expect(skeleton.text).toContain("export const go = () => bcRequest('GET', '/orders');");
  });

  it('leaves a file it cannot cut to be parsed whole', () => {
    expect(importerSkeleton("import { a } from './a.js';\nif (a) /b/.test(a);\nexport const c = () => a();\n", 'a.js')).toBeNull();
    expect(importerSkeleton("import { a } from './a.js';\nconst x = 'api.bigcommerce.com';\nexport const c = () => a();\n", 'a.js')).toBeNull();
  });
});
