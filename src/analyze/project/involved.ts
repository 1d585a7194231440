// Which files the project pass looks at: the files the fast scan flagged, the modules they import,
// and the files that import a module holding legacy values (found with a byte search for the
// module's name before any parse). Everything is bounded: rounds, import depth and file count.
import { readFile } from 'node:fs/promises';
import type { DiscoveredFile } from '../../discover/types.ts';
import { mightBeLegacy } from '../../discover/prefilter.ts';
import { importNeedle, relativeSpecifiers, resolveSpecifier } from './module-specifiers.ts';

export interface InvolvedInput {
  files: readonly DiscoveredFile[];
  /** Files with fast-scan findings. */
  flagged: ReadonlySet<string>;
  /** Env keys whose values name a store location: files reading them are involved. */
  envKeys: readonly string[];
  maxFileSize: number;
}

export interface InvolvedFiles {
  /** JS/TS and JSON modules to load, sorted. */
  modules: string[];
  /** True when some involved module imports another involved module: only then is the checker needed. */
  crossModule: boolean;
}

const MAX_ROUNDS = 4;
const MAX_IMPORT_DEPTH = 3;
const MAX_FILES = 3000;
const READ_CONCURRENCY = 32;
const MAX_NEEDLES = 16;
const EXPORTS = /\bexport\b|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/;

export async function findInvolvedFiles(input: InvolvedInput): Promise<InvolvedFiles> {
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  const modulePaths = new Set(input.files.filter((f) => f.kind === 'js' || f.kind === 'json').map((f) => f.path));
  const jsFiles = input.files.filter((f) => f.kind === 'js');
  const texts = await readAll(jsFiles, input.maxFileSize);
  const textOf = (path: string): string | null => texts.get(path)?.toString('utf8') ?? null;

  const involved = new Set<string>();
  let providers = new Set<string>();
  const add = (path: string, provider: boolean) => {
    if (involved.size >= MAX_FILES) return;
    involved.add(path);
    if (provider) providers.add(path);
  };

  for (const path of input.flagged) if (modulePaths.has(path)) add(path, true);
  const envNeedles = input.envKeys.map((k) => Buffer.from(k));
  for (const [path, buffer] of inOrder(jsFiles, texts)) {
    if (involved.has(path)) continue;
    const holdsLegacy = mightBeLegacy(buffer, 'js');
    const readsEnv = envNeedles.some((n) => buffer.indexOf(n) !== -1);
    if (!holdsLegacy && !readsEnv) continue;
    // A module that holds a store URL but exports nothing cannot lend it to anyone.
    const exports = EXPORTS.test(buffer.toString('latin1'));
    if (readsEnv || exports) add(path, exports);
  }
  // JSON holding a store location is a provider too (`require('../config.json')`).
  for (const file of input.files) {
    if (file.kind !== 'json' || involved.has(file.path)) continue;
    const buffer = await readSmall(file, input.maxFileSize);
    if (buffer && mightBeLegacy(buffer, 'js')) add(file.path, true);
  }

  const addImports = (start: Iterable<string>) => {
    let frontier = [...start];
    for (let depth = 0; depth < MAX_IMPORT_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        const text = textOf(path);
        if (!text) continue;
        for (const spec of relativeSpecifiers(text)) {
          const target = resolveSpecifier(path, spec, modulePaths);
          if (target && !involved.has(target)) {
            add(target, false);
            next.push(target);
          }
        }
      }
      frontier = next;
    }
  };
  addImports(involved);

  // Round by round: files importing a provider join; those that export something may pass it on.
  // Few providers: a byte search for their names picks the candidates. Many: every file's imports
  // are read once instead (one regex per file beats a needle per provider per file).
  const allProviders = new Set(providers);
  const importsOf = new Map<string, Array<string | null>>();
  const importsOfFile = (path: string, text: string) => {
    let list = importsOf.get(path);
    if (!list) {
      list = relativeSpecifiers(text).map((s) => resolveSpecifier(path, s, modulePaths));
      importsOf.set(path, list);
    }
    return list;
  };
  for (let round = 0; round < MAX_ROUNDS && providers.size > 0 && involved.size < MAX_FILES; round++) {
    const current = providers;
    providers = new Set();
    const needles = current.size <= MAX_NEEDLES ? [...new Set([...current].map(importNeedle))].map((n) => Buffer.from(n)) : null;
    const added: string[] = [];
    for (const [path, buffer] of inOrder(jsFiles, texts)) {
      if (involved.has(path) || (needles && !needles.some((n) => buffer.indexOf(n) !== -1))) continue;
      const text = buffer.toString('latin1');
      if (!importsOfFile(path, text).some((target) => target !== null && current.has(target))) continue;
      add(path, EXPORTS.test(text));
      added.push(path);
    }
    for (const p of providers) allProviders.add(p);
    addImports(added);
  }

  const modules = [...involved].filter((p) => byPath.has(p)).sort();
  const crossModule = modules.some((path) => {
    const text = textOf(path);
    return !!text && relativeSpecifiers(text).some((s) => {
      const target = resolveSpecifier(path, s, modulePaths);
      return target !== null && involved.has(target);
    });
  });
  return { modules, crossModule };
}

/** Discovery order (sorted by path), so the bounded selection is the same on every run. */
function* inOrder(files: readonly DiscoveredFile[], buffers: Map<string, Buffer>): Generator<[string, Buffer]> {
  for (const file of files) {
    const buffer = buffers.get(file.path);
    if (buffer) yield [file.path, buffer];
  }
}

async function readAll(files: readonly DiscoveredFile[], maxFileSize: number): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const buffer = await readSmall(file, maxFileSize);
      if (buffer) out.set(file.path, buffer);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out;
}

async function readSmall(file: DiscoveredFile, maxFileSize: number): Promise<Buffer | null> {
  try {
    const buffer = await readFile(file.absolutePath);
    return buffer.length <= maxFileSize ? buffer : null;
  } catch {
    return null;
  }
}
