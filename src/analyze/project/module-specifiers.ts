// Which modules a file imports, read cheaply from its text (no parse): relative `import … from`,
// `export … from`, `require(…)` and `import(…)` specifiers, resolved against the discovered files
// the way Node and bundlers do (extensionless, `index` files, `.js` written for a `.ts` source).
import { posix } from 'node:path';

const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*|\.{1,2})\1/g;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'];
const SWAPS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** Relative specifiers written in the text, in order, without duplicates. */
export function relativeSpecifiers(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) out.add(match[2]);
  return [...out];
}

/** The discovered file a relative specifier names, or null (a package, or a file not scanned). */
export function resolveSpecifier(fromFile: string, specifier: string, known: ReadonlySet<string>): string | null {
  const target = posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/^\.\//, '');
  if (target.startsWith('../')) return null;
  const candidates = [target];
  const ext = posix.extname(target);
  for (const swap of SWAPS[ext] ?? []) candidates.push(target.slice(0, -ext.length) + swap);
  for (const e of EXTENSIONS) candidates.push(target + e);
  for (const e of EXTENSIONS) candidates.push(`${target}/index${e}`);
  return candidates.find((c) => known.has(c)) ?? null;
}

/** What an importer's text must contain to possibly import `file`: its name without extension (or its folder's, for an index file). */
export function importNeedle(file: string): string {
  const base = posix.basename(file).replace(/\.[^.]+$/, '');
  if (base === 'index') {
    const dir = posix.basename(posix.dirname(file));
    return dir === '.' || dir === '' ? 'index' : dir;
  }
  return base;
}
