// Which files the project pass looks at: the files the fast scan flagged, the modules they import,
// and the files that import a module holding legacy values (found with a byte search for the
// module's name before any parse). Everything is bounded: rounds, import depth and file count.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { DiscoveredFile, SourceText } from '../../discover/types.ts';
import type { AstNode } from '../ast.ts';
import { mightBeLegacy } from '../../discover/prefilter.ts';
import { readSourceFileSync } from '../../discover/read.ts';
import { aliasedTargets, relativeSpecifierHints, relativeSpecifiers, specifierResolver } from './module-specifiers.ts';

/**
 * What the fast scan already learned while it read every file, so the project pass does not read
 * the whole tree again: the bytes of the files that passed the pre-filter, and the relative
 * specifiers each JS file might import (a superset, see `relativeSpecifierHints`).
 */
export interface ScanHints {
  /** JS and JSON files that passed the pre-filter, as read, by path. */
  sources: ReadonlyMap<string, SourceText>;
  /** Babel Programs the fast scan parsed (of `sources`), by path: the pass reuses them. */
  programs: ReadonlyMap<string, AstNode>;
  /**
   * JS files the pre-filter rejected that still name BigCommerce, as read (some of them, by size):
   * most import a module called `bigcommerce`, so the pass reads them as importers.
   */
  mentioning?: ReadonlyMap<string, SourceText>;
  /** JS files with at least one relative-specifier-like string, by path. */
  specifiers: ReadonlyMap<string, readonly string[]>;
  /**
   * JS files the fast scan analyzed without an error and without a finding. Absent: none is known
   * to be, so the pass analyzes every involved file.
   */
  cleanJs?: ReadonlySet<string>;
  /**
   * Of the files git searched and the scan never opened (`DiscoveredFile.noNeedle`), those holding
   * one of `needles`, asked of git; null when git cannot tell (the files are then read here).
   */
  containing?: (needles: readonly string[]) => Promise<ReadonlySet<string> | null>;
}

export interface InvolvedInput {
  files: readonly DiscoveredFile[];
  /** Files with fast-scan findings. */
  flagged: ReadonlySet<string>;
  /** Env keys whose values name a store location: files reading them are involved. */
  envKeys: readonly string[];
  maxFileSize: number;
  /** From the fast scan; without them every JS and JSON file is read here. */
  hints?: ScanHints;
}

export interface InvolvedFiles {
  /** JS/TS and JSON modules to load, sorted. */
  modules: string[];
  /** True when some involved module imports another involved module: only then is the checker needed. */
  crossModule: boolean;
  /**
   * Modules involved only because they import a provider: no fast-scan finding, no pre-filter
   * needle, no env key read. Whatever they hold that matters comes from what they import.
   */
  importers: string[];
  /** The files read here (as `readSourceFileSync` reads them), so that the pass need not read them again. */
  read: ReadonlyMap<string, SourceText>;
}

const MAX_ROUNDS = 4;
const MAX_IMPORT_DEPTH = 3;
const MAX_FILES = 3000;
const EXPORTS = /\bexport\b|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/;
/** Basic auth a module may lend (`export const HEADERS = { Authorization: 'Basic …' }`, an `auth:` option). */
const AUTH = /\bBasic\b|\bauth\s*:/;

/**
 * Whether an imported module may export basic auth: its other importers are then involved too, so
 * that a rewrite of the headers it lends can see every request they reach (edit-uses.ts).
 */
function lendsAuth(buffer: Buffer | null): boolean {
  if (!buffer) return false;
  const text = buffer.toString('latin1');
  return AUTH.test(text) && EXPORTS.test(text);
}

export async function findInvolvedFiles(input: InvolvedInput): Promise<InvolvedFiles> {
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  const modulePaths = new Set(input.files.filter((f) => f.kind === 'js' || f.kind === 'json').map((f) => f.path));
  const resolveSpecifier = specifierResolver(modulePaths);
  const jsFiles = input.files.filter((f) => f.kind === 'js');
  const hints = input.hints ?? readHints(input.files, input.maxFileSize);
  // Files are read here only when needed (importers to confirm, imports to follow), once each.
  const buffers = new Map<string, Buffer | null>([...hints.sources].map(([path, source]) => [path, source.buffer]));
  const read = new Map<string, SourceText>();
  const bufferOf = (path: string): Buffer | null => {
    if (!buffers.has(path)) {
      const kept = hints.mentioning?.get(path);
      if (kept) read.set(path, kept);
      const file = byPath.get(path);
      buffers.set(path, kept ? kept.buffer : file ? readBuffer(file, input.maxFileSize, read) : null);
    }
    return buffers.get(path)!;
  };
  // A file's imports, resolved: from its text decoded as UTF-8 (following imports), or as latin1
  // (confirming importers). The two readings are the same text when the bytes are ASCII.
  const importsRead = new Map<string, Array<string | null> | null>();
  const importsOf = new Map<string, Array<string | null>>();
  const importsOfFile = (path: string, text: string) => {
    let list = importsOf.get(path);
    if (!list) {
      list = resolvedImports(path, text);
      importsOf.set(path, list);
    }
    return list;
  };
  const importsReadAs = (path: string): Array<string | null> | null => {
    let list = importsRead.get(path);
    if (list === undefined) {
      const buffer = bufferOf(path);
      const latin1 = importsOf.get(path);
      list = !buffer ? null : latin1 && isAscii(buffer) ? latin1 : resolvedImports(path, buffer.toString('utf8'));
      importsRead.set(path, list);
    }
    return list;
  };
  const resolvedImports = (path: string, text: string) => relativeSpecifiers(text).map((s) => resolveSpecifier(path, s));

  const involved = new Set<string>();
  const importers: string[] = [];
  let providers = new Set<string>();
  const add = (path: string, provider: boolean) => {
    if (involved.size >= MAX_FILES) return;
    involved.add(path);
    if (provider) providers.add(path);
  };

  for (const path of input.flagged) if (modulePaths.has(path)) add(path, true);
  const envNeedles = input.envKeys.map((k) => Buffer.from(k));
  // Which of the files the scan never opened read an env key: git says, instead of reading them all.
  const containing = envNeedles.length > 0 && jsFiles.some((file) => file.noNeedle) ? hints.containing : undefined;
  const envReaders = containing ? await containing(input.envKeys) : null;
  for (const file of jsFiles) {
    const path = file.path;
    if (involved.has(path)) continue;
    if (envReaders && file.noNeedle && !envReaders.has(path)) continue;
    const holdsLegacy = hints.sources.has(path);
    // Env keys are known only now: reading them needs every JS file's bytes (only when an env file names a store).
    const buffer = holdsLegacy || envNeedles.length > 0 ? bufferOf(path) : null;
    if (!buffer) continue;
    const readsEnv = envNeedles.some((n) => buffer.indexOf(n) !== -1);
    if (!holdsLegacy && !readsEnv) continue;
    // A module that holds a store URL but exports nothing cannot lend it to anyone.
    const exports = EXPORTS.test(buffer.toString('latin1'));
    if (readsEnv || exports) add(path, exports);
  }
  // JSON holding a store location is a provider too (`require('../config.json')`). The pre-filter's
  // needles for JSON include every JS needle, so such a file is among the hits.
  for (const file of input.files) {
    if (file.kind !== 'json' || involved.has(file.path)) continue;
    const buffer = hints.sources.get(file.path)?.buffer;
    if (buffer && mightBeLegacy(buffer, 'js')) add(file.path, true);
  }

  const addImports = (start: Iterable<string>) => {
    let frontier = [...start];
    for (let depth = 0; depth < MAX_IMPORT_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        for (const target of importsReadAs(path) ?? []) {
          if (target && !involved.has(target)) {
            add(target, lendsAuth(bufferOf(target)));
            next.push(target);
          }
        }
      }
      frontier = next;
    }
  };
  addImports(involved);

  // Round by round: files importing a provider join; those that export something may pass it on.
  // The fast scan's specifier hints pick the candidates without reading anything; each candidate
  // is then confirmed on its text, with the same specifier reading as everywhere else here.
  const candidates = candidatesByName(jsFiles, hints.specifiers);
  for (let round = 0; round < MAX_ROUNDS && providers.size > 0 && involved.size < MAX_FILES; round++) {
    const current = providers;
    providers = new Set();
    const names = specifierNames(current);
    const added: string[] = [];
    // The files with a specifier `mayName` accepts, in the order of `jsFiles`: the others fail it.
    const named = new Set<number>();
    for (const name of names) for (const k of candidates.get(name) ?? []) named.add(k);
    for (const k of [...named].sort((a, b) => a - b)) {
      const path = jsFiles[k].path;
      if (involved.has(path)) continue;
      const specs = hints.specifiers.get(path);
      if (!specs || !specs.some((s) => mayName(path, s, names) && current.has(resolveSpecifier(path, s) ?? ''))) continue;
      const buffer = bufferOf(path);
      if (!buffer) continue;
      // ASCII bytes read the same as latin1 and as UTF-8 (no BOM either): the text the pass decodes anyway.
      const source = read.get(path);
      const text = source && isAscii(buffer) ? source.text : buffer.toString('latin1');
      if (!importsOfFile(path, text).some((target) => target !== null && current.has(target))) continue;
      add(path, EXPORTS.test(text));
      added.push(path);
      if (involved.has(path) && !hints.sources.has(path)) importers.push(path);
    }
    addImports(added);
  }

  const modules = [...involved].filter((p) => byPath.has(p)).sort();
  const crossModule = modules.some((path) => (importsReadAs(path) ?? []).some((target) => target !== null && involved.has(target)));
  return { modules, crossModule, importers: importers.filter((p) => byPath.has(p)).sort(), read };
}

/**
 * The last segments a specifier that resolves to one of `files` can end with: the file's name, with
 * or without its extension (`.js` written for `.ts` strips to the same stem), or its folder's name
 * for an index file. `.` and `..` are always checked.
 */
function specifierNames(files: Iterable<string>): Set<string> {
  const names = new Set<string>(['.', '..', '']);
  for (const file of files) {
    const base = posix.basename(file);
    names.add(base);
    names.add(stem(base));
    if (stem(base) === 'index') names.add(posix.basename(posix.dirname(file)));
  }
  return names;
}

function mayName(file: string, specifier: string, names: ReadonlySet<string>): boolean {
  return namesOf(specifier).some((name) => names.has(name)) || aliasedNames(file, specifier).some((name) => names.has(name));
}

/** An aliased specifier names its target, whose name may differ from its own (`'#store'` for src/lib/store-api.js). */
function aliasedNames(file: string, specifier: string): string[] {
  return specifier.startsWith('.') ? [] : aliasedTargets(file, specifier).flatMap(namesOf);
}

/** The names `mayName` looks up for a specifier: its last segment, with and without its extension. */
function namesOf(specifier: string): string[] {
  // `specifier.replace(/\/+$/, '').split('/').pop()`, without the intermediate strings.
  let end = specifier.length;
  while (end > 0 && specifier.charCodeAt(end - 1) === 47) end--;
  const last = end === 0 ? '' : specifier.slice(specifier.lastIndexOf('/', end - 1) + 1, end);
  return [last, stem(last)];
}

/** For each name `mayName` may look up, the files (as indexes in `files`) with a specifier it would accept for that name. */
function candidatesByName(files: readonly DiscoveredFile[], specifiers: ReadonlyMap<string, readonly string[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const note = (name: string, k: number) => {
    const list = out.get(name);
    if (!list) out.set(name, [k]);
    else if (list[list.length - 1] !== k) list.push(k);
  };
  // Indexed loops: this runs over every file of the repository, mostly before it is optimized.
  for (let k = 0; k < files.length; k++) {
    const specs = specifiers.get(files[k].path);
    if (!specs) continue;
    for (let s = 0; s < specs.length; s++) {
      const [last, bare] = namesOf(specs[s]);
      note(last, k);
      note(bare, k);
      for (const name of aliasedNames(files[k].path, specs[s])) note(name, k);
    }
  }
  return out;
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The hints, read here: for callers that have no fast scan behind them. */
export function readHints(files: readonly DiscoveredFile[], maxFileSize: number): ScanHints {
  const sources = new Map<string, SourceText>();
  const specifiers = new Map<string, string[]>();
  for (const file of files) {
    if (file.kind !== 'js' && file.kind !== 'json') continue;
    const buffer = readSmall(file, maxFileSize);
    if (!buffer) continue;
    if (mightBeLegacy(buffer, file.kind)) {
      const read = readSourceFileSync(file, maxFileSize);
      if (!('reason' in read)) sources.set(file.path, read);
    }
    if (file.kind === 'js') {
      const specs = relativeSpecifierHints(buffer);
      if (specs.length > 0) specifiers.set(file.path, specs);
    }
  }
  return { sources, specifiers, programs: new Map() };
}

/**
 * A file's bytes, as `readSmall` gives them; read as a source text where that succeeds (kept in
 * `read`), since most files read here are parsed next.
 */
function readBuffer(file: DiscoveredFile, maxFileSize: number, read: Map<string, SourceText>): Buffer | null {
  const source = readSourceFileSync(file, maxFileSize);
  if (!('reason' in source)) {
    read.set(file.path, source);
    return source.buffer;
  }
  // A file skipped there (binary, a symlink) may still be read here, as it always was.
  return source.reason === 'too-large' ? null : readSmall(file, maxFileSize);
}

/** Synchronous: measured 5-10x faster than fs.promises for the small files a source tree holds. */
function readSmall(file: DiscoveredFile, maxFileSize: number): Buffer | null {
  try {
    const buffer = readFileSync(file.absolutePath);
    return buffer.length <= maxFileSize ? buffer : null;
  } catch {
    return null;
  }
}
