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
  // The candidates of `specifierCandidates`, in its order, tried without building the list.
  const target = posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/^\.\//, '');
  if (target.startsWith('../')) return null;
  if (known.has(target)) return target;
  const ext = posix.extname(target);
  for (const swap of SWAPS[ext] ?? []) {
    const candidate = target.slice(0, -ext.length) + swap;
    if (known.has(candidate)) return candidate;
  }
  for (const e of EXTENSIONS) if (known.has(target + e)) return target + e;
  for (const e of EXTENSIONS) if (known.has(`${target}/index${e}`)) return `${target}/index${e}`;
  return null;
}

/** Every path a relative specifier may name, in the order `resolveSpecifier` tries them. */
function specifierCandidates(fromFile: string, specifier: string): string[] {
  const target = posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/^\.\//, '');
  if (target.startsWith('../')) return [];
  const candidates = [target];
  const ext = posix.extname(target);
  for (const swap of SWAPS[ext] ?? []) candidates.push(target.slice(0, -ext.length) + swap);
  for (const e of EXTENSIONS) candidates.push(target + e);
  for (const e of EXTENSIONS) candidates.push(`${target}/index${e}`);
  return candidates;
}

/** Any quoted string (any quote) that starts like a relative path, wherever it is written. */
const ANY_RELATIVE = /(['"`])(\.{1,2}(?:\/[^'"`\n]*)?)\1/g;

/**
 * Every file of `among` some relative-looking string in `text` could name, whichever candidate a
 * resolver would settle on: more than any reading of the file's imports (a resolver in the
 * TypeScript checker included) can reach, so a file absent from it is imported by nothing in `text`.
 */
export function possibleImports(fromFile: string, text: string, among: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(ANY_RELATIVE)) {
    const specifier = match[2].replace(/(.)\/+$/, '$1');
    for (const candidate of specifierCandidates(fromFile, specifier)) if (among.has(candidate)) out.push(candidate);
  }
  return out;
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

const DOT = 0x2e;
const QUOTES = new Set([0x22, 0x27]);
const NEWLINE = 0x0a;
const DOT_SLASH = Buffer.from('./', 'latin1');
const BARE: Array<[Buffer, string]> = [`'.'`, `"."`, `'..'`, `".."`].map((n) => [Buffer.from(n, 'latin1'), n.slice(1, -1)]);

/**
 * Every quoted string in `bytes` that looks like a relative specifier (`'./x'`, `"../x/y"`, `'.'`,
 * `'..'`), found with byte searches and no decoding: a superset of what `relativeSpecifiers` returns
 * (it does not require `from` / `require(` / `import` before the quote). Cheap enough to run on
 * every file the fast scan reads, so the project pass need not read the whole tree again to find
 * a module's importers. Decoded as latin1, as the project pass reads importers.
 */
export function relativeSpecifierHints(bytes: Buffer): string[] {
  const out: string[] = [];
  const take = (start: number, quote: number) => {
    let end = start;
    while (end < bytes.length && bytes[end] !== quote && !QUOTES.has(bytes[end]) && bytes[end] !== NEWLINE) end++;
    if (end < bytes.length && bytes[end] === quote) out.push(bytes.toString('latin1', start, end));
    return end;
  };
  for (let at = bytes.indexOf(DOT_SLASH); at !== -1; at = bytes.indexOf(DOT_SLASH, at + 1)) {
    const start = at > 0 && bytes[at - 1] === DOT ? at - 1 : at;
    if (start > 0 && QUOTES.has(bytes[start - 1])) at = Math.max(at, take(start, bytes[start - 1]));
  }
  // The bare forms: '.' and '..' (an index file of this folder or the parent).
  for (const [needle, specifier] of BARE) if (bytes.indexOf(needle) !== -1) out.push(specifier);
  return out;
}
