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
