// Which modules a file imports, read cheaply from its text (no parse): relative `import … from`,
// `export … from`, `require(…)` and `import(…)` specifiers, resolved against the discovered files
// the way Node and bundlers do (extensionless, `index` files, `.js` written for a `.ts` source); and
// the project's path aliases (`'@/lib/x'`, path-aliases.ts), once a scan has set them.
import { posix } from 'node:path';
import { aliasesFor, aliasPrefixes, aliasTargets, type PathAliases, type ProjectAliases } from './path-aliases.ts';

const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*|\.{1,2})\1/g;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'];
const SWAPS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The path a relative specifier names from a file: `posix.normalize(posix.join(posix.dirname(fromFile),
 * specifier))` without a leading `./`. Worked out segment by segment for the usual case (a clean
 * file path, a specifier without empty segments), which the project pass meets tens of thousands
 * of times, mostly for a few files in a row.
 */
export function targetOf(fromFile: string, specifier: string): string {
  const dir = folderOf(fromFile);
  if (dir !== null) {
    const target = joinClean(dir, specifier);
    if (target !== null) return target;
  }
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/^\.\//, '');
}

interface Folder {
  /** The folder's path, '' for the root. */
  path: string;
  /** Where each of its first k segments ends in `path`, for k = 0..segments. */
  ends: number[];
}

let lastFile: string | null = null;
let lastFolder: Folder | null = null;

/** The folder of a clean relative file path (no empty, `.` or `..` segment); null for any other. */
function folderOf(fromFile: string): Folder | null {
  if (fromFile === lastFile) return lastFolder;
  let folder: Folder | null = null;
  if (!fromFile.startsWith('/') && !fromFile.endsWith('/')) {
    const slash = fromFile.lastIndexOf('/');
    const path = slash === -1 ? '' : fromFile.slice(0, slash);
    const ends = [0];
    let clean = true;
    for (let at = 0; clean && slash !== -1 && at <= path.length; ) {
      const next = path.indexOf('/', at);
      const end = next === -1 ? path.length : next;
      const part = path.slice(at, end);
      clean = part !== '' && part !== '.' && part !== '..';
      ends.push(end);
      at = end + 1;
    }
    if (clean) folder = { path, ends };
  }
  lastFile = fromFile;
  lastFolder = folder;
  return folder;
}

/** `specifier` read from `folder` as `posix.normalize` would; null when it has an empty segment. */
function joinClean(folder: Folder, specifier: string): string | null {
  let keep = folder.ends.length - 1;
  const extra: string[] = [];
  for (let at = 0; ; ) {
    const next = specifier.indexOf('/', at);
    const end = next === -1 ? specifier.length : next;
    const part = specifier.slice(at, end);
    if (part === '') return null;
    if (part === '..') {
      if (extra.length > 0 && extra[extra.length - 1] !== '..') extra.pop();
      else if (extra.length === 0 && keep > 0) keep--;
      else extra.push(part);
    } else if (part !== '.') {
      extra.push(part);
    }
    if (next === -1) break;
    at = next + 1;
  }
  const base = folder.path.slice(0, folder.ends[keep]);
  if (extra.length === 0) return base === '' ? '.' : base;
  return base === '' ? extra.join('/') : `${base}/${extra.join('/')}`;
}

/**
 * The path aliases in force, with what is built from them; set once per scan (`usePathAliases`).
 * The searches use every config's prefixes (a superset for any one file); resolution uses the
 * aliases of the file's own config.
 */
let aliases: { project: ProjectAliases; specifier: RegExp; quoted: RegExp; hinted: RegExp; pattern: string } | null = null;

/** Sets the project's path aliases for what follows (null: none). */
export function usePathAliases(project: ProjectAliases | null): void {
  const prefixes = project ? [...new Set(project.scopes.flatMap((s) => (s.aliases ? aliasPrefixes(s.aliases) : [])))] : [];
  if (!project || prefixes.length === 0) {
    aliases = null;
    return;
  }
  const alternatives = prefixes.map(escapeRegExp).join('|');
  aliases = {
    project,
    specifier: new RegExp(String.raw`(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])((?:${alternatives})[^'"\n]*)\1`, 'g'),
    quoted: new RegExp(String.raw`(['"\`])((?:${alternatives})[^'"\`\n]*)\1`, 'g'),
    // As git's search reads SPECIFIER_HINT_PATTERNS: the closing quote may open the next match.
    hinted: new RegExp(String.raw`(['"])((?:${alternatives})[^'"\n]*)(?=\1)`, 'g'),
    pattern: String.raw`(['"])(?:${alternatives})[^'"\n]*(?=\g{-1})`,
  };
}

/** A literal, escaped for a JavaScript or PCRE pattern alike. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The path aliases in force for a file (for the TypeScript checker's options: the root's). */
export function pathAliasesOf(file: string): PathAliases | null {
  return aliases ? aliasesFor(aliases.project, file) : null;
}

/** The root-relative paths an aliased specifier written in `fromFile` may name ([] for any other). */
export function aliasedTargets(fromFile: string, specifier: string): string[] {
  const table = pathAliasesOf(fromFile);
  return table ? aliasTargets(table, specifier) : [];
}

/** A specifier written in `fromFile` that names a module of the project: relative, or matching one of its path aliases. */
export function isLocalSpecifier(specifier: string, fromFile: string): boolean {
  return specifier.startsWith('.') || aliasedTargets(fromFile, specifier).length > 0;
}

/** Relative (and aliased) specifiers written in the text, in order, without duplicates. */
export function relativeSpecifiers(text: string): string[] {
  const out = new Set<string>();
  // An exec loop rather than matchAll: the same matches, without an iterator result per match.
  SPECIFIER.lastIndex = 0;
  for (let match = SPECIFIER.exec(text); match; match = SPECIFIER.exec(text)) out.add(match[2]);
  if (aliases) {
    const aliased = aliases.specifier;
    aliased.lastIndex = 0;
    for (let match = aliased.exec(text); match; match = aliased.exec(text)) out.add(match[2]);
  }
  return [...out];
}

/** The discovered file a relative specifier names, or null (a package, or a file not scanned). */
export function resolveSpecifier(fromFile: string, specifier: string, known: ReadonlySet<string>): string | null {
  return resolveAmong(fromFile, specifier, known, null);
}

/**
 * `resolveSpecifier` over one set of files (not changed afterwards), for many specifiers: the same
 * answers, but a specifier that names none of the files is turned down without trying each extension
 * and index file, and each (file, specifier) is resolved once (the project pass asks again for the
 * same imports).
 */
export function specifierResolver(known: ReadonlySet<string>): (fromFile: string, specifier: string) => string | null {
  const stems = stemsOf(known);
  const answers = new Map<string, Map<string, string | null>>();
  return (fromFile, specifier) => {
    let byFile = answers.get(fromFile);
    if (!byFile) {
      byFile = new Map();
      answers.set(fromFile, byFile);
    }
    let answer = byFile.get(specifier);
    if (answer === undefined) {
      answer = resolveAmong(fromFile, specifier, known, stems);
      byFile.set(specifier, answer);
    }
    return answer;
  };
}

/**
 * What the files of a set can be named by without their extension: `stems` has `a/b` for `a/b.ts`,
 * `dirs` has `a` for `a/index.js` (EXTENSIONS only). So `x + e` is in the set for some extension e
 * exactly when x is a stem, and `x/index + e` exactly when x is a dir.
 */
interface Stems {
  stems: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
}

const EXTENSION_SET: ReadonlySet<string> = new Set(EXTENSIONS);

function stemsOf(files: ReadonlySet<string>): Stems {
  const stems = new Set<string>();
  const dirs = new Set<string>();
  for (const file of files) {
    // An extension starts at the last dot: a name ends with at most one of EXTENSIONS.
    const dot = file.lastIndexOf('.');
    if (dot === -1 || !EXTENSION_SET.has(file.slice(dot))) continue;
    const stem = file.slice(0, dot);
    stems.add(stem);
    if (stem.endsWith('/index')) dirs.add(stem.slice(0, -'/index'.length));
  }
  return { stems, dirs };
}

function resolveAmong(fromFile: string, specifier: string, known: ReadonlySet<string>, stems: Stems | null): string | null {
  if (!specifier.startsWith('.')) {
    for (const target of aliasedTargets(fromFile, specifier)) {
      const found = resolveTarget(target, known, stems);
      if (found) return found;
    }
    return null;
  }
  return resolveTarget(targetOf(fromFile, specifier), known, stems);
}

/** The file a root-relative target names, trying what a resolver tries (the candidates of `specifierCandidates`, in its order). */
function resolveTarget(target: string, known: ReadonlySet<string>, stems: Stems | null): string | null {
  if (target.startsWith('../')) return null;
  if (known.has(target)) return target;
  const ext = posix.extname(target);
  for (const swap of SWAPS[ext] ?? []) {
    const candidate = target.slice(0, -ext.length) + swap;
    if (known.has(candidate)) return candidate;
  }
  if (!stems || stems.stems.has(target)) for (const e of EXTENSIONS) if (known.has(target + e)) return target + e;
  if (!stems || stems.dirs.has(target)) for (const e of EXTENSIONS) if (known.has(`${target}/index${e}`)) return `${target}/index${e}`;
  return null;
}

/**
 * Every path a relative specifier may name, in the order `resolveSpecifier` tries them. With the
 * stems of the files they are looked for among, the extension and index candidates none of which
 * can be one of those files are left out.
 */
function specifierCandidates(fromFile: string, specifier: string, stems: Stems | null = null): string[] {
  return targetCandidates(targetOf(fromFile, specifier), stems);
}

function targetCandidates(target: string, stems: Stems | null): string[] {
  if (target.startsWith('../')) return [];
  const candidates = [target];
  const ext = posix.extname(target);
  for (const swap of SWAPS[ext] ?? []) candidates.push(target.slice(0, -ext.length) + swap);
  if (!stems || stems.stems.has(target)) for (const e of EXTENSIONS) candidates.push(target + e);
  if (!stems || stems.dirs.has(target)) for (const e of EXTENSIONS) candidates.push(`${target}/index${e}`);
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
  return possibleImportsAmong(fromFile, text, among, null);
}

/** `possibleImports` over one set of files (not changed afterwards), for many texts (see `specifierResolver`). */
export function possibleImportsReader(among: ReadonlySet<string>): (fromFile: string, text: string) => string[] {
  const stems = stemsOf(among);
  return (fromFile, text) => possibleImportsAmong(fromFile, text, among, stems);
}

function possibleImportsAmong(fromFile: string, text: string, among: ReadonlySet<string>, stems: Stems | null): string[] {
  const out: string[] = [];
  ANY_RELATIVE.lastIndex = 0;
  for (let match = ANY_RELATIVE.exec(text); match; match = ANY_RELATIVE.exec(text)) {
    const specifier = match[2].replace(/(.)\/+$/, '$1');
    if (stems && !mayBeAmong(fromFile, specifier, among, stems)) continue;
    for (const candidate of specifierCandidates(fromFile, specifier, stems)) if (among.has(candidate)) out.push(candidate);
  }
  if (aliases) {
    // Any quoted string an alias matches, wherever it is written, as for relative ones above.
    const quoted = aliases.quoted;
    quoted.lastIndex = 0;
    for (let match = quoted.exec(text); match; match = quoted.exec(text)) {
      for (const target of aliasedTargets(fromFile, match[2].replace(/(.)\/+$/, '$1'))) {
        for (const candidate of targetCandidates(target, stems)) if (among.has(candidate)) out.push(candidate);
      }
    }
  }
  return out;
}

/** False when no candidate of `specifierCandidates` is in `among`. */
function mayBeAmong(fromFile: string, specifier: string, among: ReadonlySet<string>, stems: Stems): boolean {
  const target = targetOf(fromFile, specifier);
  if (target.startsWith('../')) return false;
  if (among.has(target) || stems.stems.has(target) || stems.dirs.has(target)) return true;
  const ext = posix.extname(target);
  return (SWAPS[ext] ?? []).some((swap) => among.has(target.slice(0, -ext.length) + swap));
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
  // Aliased specifiers: a quote, then an alias's prefix. One pass of one pattern, however many
  // prefixes (a `baseUrl` gives one per entry of its folder).
  if (aliases) {
    const hinted = aliases.hinted;
    const text = bytes.toString('latin1');
    hinted.lastIndex = 0;
    for (let match = hinted.exec(text); match; match = hinted.exec(text)) out.push(match[2]);
  }
  return out;
}

/**
 * What `relativeSpecifierHints` finds, as PCRE alternatives for `git grep -P -o` (for the files the
 * fast scan never read): a quote, then the specifier, checked to be followed by the same quote
 * without taking it, so that it may open the next match as it may in the byte search. Each match is
 * the opening quote and the specifier. `\g{-1}` keeps each pattern independent of the groups of the
 * alternatives joined before it.
 */
export const SPECIFIER_HINT_PATTERNS: readonly string[] = [
  String.raw`(['"])\.\.?(?=\g{-1})`,
  String.raw`(['"])\.?\./[^'"\n]*(?=\g{-1})`,
];

/** SPECIFIER_HINT_PATTERNS, and, with path aliases in force, one more for all their prefixes (after a quote). */
export function specifierHintPatterns(): readonly string[] {
  return aliases ? [...SPECIFIER_HINT_PATTERNS, aliases.pattern] : SPECIFIER_HINT_PATTERNS;
}

/** `relativeSpecifierHints`, from what a search for `specifierHintPatterns()` matched in a file. */
export function specifierHintsFromMatches(matches: readonly string[]): string[] {
  const out: string[] = [];
  for (const match of matches) {
    const first = match.charCodeAt(0);
    if (first === 0x27 || first === 0x22) out.push(match.slice(1));
  }
  return out;
}
