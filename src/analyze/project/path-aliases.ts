// Import paths a project maps in its tsconfig.json or jsconfig.json (`"paths": { "@/*": ["src/*"] }`,
// with `baseUrl`): `import { bcFetch } from '@/lib/bigcommerce'` names src/lib/bigcommerce.ts as
// surely as a relative specifier does, and the cross-file pass must follow it. Read once per scan,
// from the configs at the scan's root and in any folder discovery lists one in (a monorepo's
// apps/web/tsconfig.json), each with the local files it extends; a file follows the config of its
// nearest folder that has one, as TypeScript's project of that folder would.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 5;

/**
 * The project files the aliases are read from, read through here so that what was read can be
 * checked again: a kept scan result depends on them (../result-cache.ts), and a config outside the
 * scanned folders (the root's, or one a config extends) is not in the tree the result is kept for.
 */
export class ProjectFiles {
  /** Root-relative path (a folder's with a trailing `/`) → the digest of what was read there. */
  readonly read = new Map<string, string>();

  constructor(readonly root: string) {}

  text(path: string): string | null {
    const text = readTextOrNull(this.root, path);
    this.read.set(path, inputDigest(text));
    return text;
  }

  entries(folder: string): Dirent[] | null {
    const entries = readEntriesOrNull(this.root, folder);
    this.read.set(`${folder}/`, inputDigest(entries && entryNames(entries)));
    return entries;
  }

  /** Whether every input recorded by an earlier scan reads the same now. */
  static unchanged(root: string, read: Readonly<Record<string, string>>): boolean {
    return Object.entries(read).every(([path, was]) => {
      const now = path.endsWith('/') ? entryNames(readEntriesOrNull(root, path.slice(0, -1))) : readTextOrNull(root, path);
      return inputDigest(now) === was;
    });
  }
}

function readTextOrNull(root: string, path: string): string | null {
  try {
    return readFileSync(posix.join(root, path), 'utf8');
  } catch {
    return null;
  }
}

function readEntriesOrNull(root: string, folder: string): Dirent[] | null {
  try {
    return readdirSync(posix.join(root, folder), { withFileTypes: true });
  } catch {
    return null;
  }
}

function entryNames(entries: Dirent[] | null): string | null {
  return entries && entries.map((e) => `${e.isDirectory() ? 'd' : e.isFile() ? 'f' : 'o'}:${e.name}`).sort().join('\0');
}

function inputDigest(text: string | null): string {
  return text === null ? 'absent' : createHash('sha256').update(text).digest('hex');
}

export interface PathAlias {
  /** The pattern as written (`@/*`), and its parts around the `*`. */
  pattern: string;
  prefix: string;
  suffix: string;
  wildcard: boolean;
  /** Where it points, relative to the scan root, `*` kept (`src/*`). */
  targets: string[];
}

export interface PathAliases {
  /**
   * In the order they are tried: package.json imports, then `paths` with the longest prefix first
   * (as TypeScript picks), then the entries `baseUrl` (or a lone `*`) allows.
   */
  aliases: PathAlias[];
}

/** Every config folder of a project, deepest first, with the aliases its config maps (null: none). */
export interface ProjectAliases {
  scopes: Array<{ dir: string; aliases: PathAliases | null }>;
}

/**
 * The path aliases of the project at `root` and of the projects and packages in its folders
 * (`configs`: the root-relative tsconfig.json, jsconfig.json and package.json files discovery
 * listed; the root's own are read whether listed or not); null when none maps any. A folder's
 * aliases are the subpath imports of its nearest package.json, then the paths of its nearest
 * tsconfig.json or jsconfig.json: Node and TypeScript look each up on its own.
 */
export function readProjectAliases(root: string, configs: readonly string[], files = new ProjectFiles(root)): ProjectAliases | null {
  const dirOf = (path: string) => clean(posix.dirname(path));
  const packageDirs = new Set(['', ...configs.filter((path) => posix.basename(path) === 'package.json').map(dirOf)]);
  const configDirs = new Set(['', ...configs.filter((path) => posix.basename(path) !== 'package.json').map(dirOf)]);
  const imports = new Map([...packageDirs].map((dir) => [dir, packageImports(files, dir)]));
  const paths = new Map([...configDirs].map((dir) => [dir, readPathAliases(root, dir, files)]));
  const scopes = [...new Set([...packageDirs, ...configDirs])].map((dir) => ({
    dir,
    aliases: withPackageImports(paths.get(nearest(configDirs, dir))!, imports.get(nearest(packageDirs, dir))!),
  }));
  if (!scopes.some((s) => s.aliases)) return null;
  scopes.sort((a, b) => b.dir.length - a.dir.length);
  return { scopes };
}

/** The deepest of `dirs` that is `dir` or holds it ('' always does). */
function nearest(dirs: ReadonlySet<string>, dir: string): string {
  for (let at = dir; at !== ''; at = clean(posix.dirname(at))) {
    if (dirs.has(at)) return at;
  }
  return '';
}

/**
 * A package.json's subpath imports (`"imports": { "#lib/*": "./src/lib/*.js" }`), which Node resolves
 * for every file of the package; a target under conditions counts each of its paths.
 */
function packageImports(files: ProjectFiles, dir: string): PathAlias[] {
  let manifest: { imports?: unknown };
  try {
    manifest = JSON.parse(files.text(dir === '' ? 'package.json' : `${dir}/package.json`) ?? '');
  } catch {
    return [];
  }
  const imports = manifest?.imports;
  if (!imports || typeof imports !== 'object') return [];
  const out: PathAlias[] = [];
  for (const [pattern, target] of Object.entries(imports)) {
    if (!pattern.startsWith('#') || (pattern.match(/\*/g)?.length ?? 0) > 1) continue;
    const targets = stringLeaves(target)
      .filter((t) => t.startsWith('./'))
      .map((t) => clean(posix.join(dir, t)))
      .filter((t) => !t.startsWith('../') && (dir === '' || t.startsWith(`${dir}/`)));
    if (targets.length === 0) continue;
    const star = pattern.indexOf('*');
    out.push({ pattern, prefix: star === -1 ? pattern : pattern.slice(0, star), suffix: star === -1 ? '' : pattern.slice(star + 1), wildcard: star !== -1, targets });
  }
  return out;
}

function stringLeaves(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 4 || !value || typeof value !== 'object') return [];
  return Object.values(value).flatMap((v) => stringLeaves(v, depth + 1));
}

function withPackageImports(aliases: PathAliases | null, imports: PathAlias[]): PathAliases | null {
  if (imports.length === 0) return aliases;
  return { aliases: [...imports, ...(aliases?.aliases ?? [])] };
}

/** The aliases in force for a file: its nearest folder with a config. */
export function aliasesFor(project: ProjectAliases, file: string): PathAliases | null {
  for (const scope of project.scopes) {
    if (scope.dir === '' || file.startsWith(`${scope.dir}/`)) return scope.aliases;
  }
  return null;
}

/** The path aliases of the config in `dir` (root-relative) of the project at `root`, or null when it maps none. */
export function readPathAliases(root: string, dir = '', files = new ProjectFiles(root)): PathAliases | null {
  for (const name of CONFIG_NAMES) {
    const options = compilerOptionsOf(files, dir === '' ? name : `${dir}/${name}`, 0);
    if (!options) continue;
    const { paths } = options;
    if (!paths && options.baseUrl === null) return null;
    const pathsFrom = options.baseUrl ?? options.pathsDir;
    const aliases: PathAlias[] = [];
    for (const [pattern, targets] of Object.entries(paths ?? {})) {
      if (!Array.isArray(targets) || (pattern.match(/\*/g)?.length ?? 0) > 1) continue;
      const star = pattern.indexOf('*');
      const inRoot = targets
        .filter((t): t is string => typeof t === 'string')
        .map((t) => posix.normalize(posix.join(pathsFrom, t)).replace(/^\.\//, ''))
        .filter((t) => !t.startsWith('../') && t !== '..');
      if (inRoot.length === 0) continue;
      aliases.push({
        pattern,
        prefix: star === -1 ? pattern : pattern.slice(0, star),
        suffix: star === -1 ? '' : pattern.slice(star + 1),
        wildcard: star !== -1,
        targets: inRoot,
      });
    }
    aliases.sort((a, b) => b.prefix.length - a.prefix.length);
    // A pattern of `*` alone, and `baseUrl` itself (TypeScript tries `<baseUrl>/<specifier>` for any
    // bare specifier, after `paths`), name what one folder holds: each becomes an alias per entry of
    // that folder, so that the specifiers they allow can be searched for by their first segment.
    const folders = aliases.filter((a) => a.wildcard && a.prefix === '').flatMap((a) => a.targets.filter((t) => t === '*' || t.endsWith('/*')).map((t) => t.slice(0, -2)));
    if (options.baseUrl !== null) folders.push(options.baseUrl);
    const named = aliases.filter((a) => !(a.wildcard && a.prefix === ''));
    const bare = [...new Set(folders)].flatMap((folder) => entryAliases(files, folder === '*' ? '' : folder));
    const all = [...named, ...bare];
    return all.length > 0 ? { aliases: all } : null;
  }
  return null;
}

const MODULE_FILE = /^(.+)\.(?:[cm]?[jt]sx?|json)$/;

/** One alias per entry of a folder (root-relative): `lib/*` and `lib` for a folder, `config` for config.ts. */
function entryAliases(files: ProjectFiles, folder: string): PathAlias[] {
  const entries = files.entries(folder);
  if (!entries) return [];
  const under = (name: string) => (folder === '' ? name : `${folder}/${name}`);
  const out: PathAlias[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) {
      out.push({ pattern: `${entry.name}/*`, prefix: `${entry.name}/`, suffix: '', wildcard: true, targets: [under(`${entry.name}/*`)] });
      out.push({ pattern: entry.name, prefix: entry.name, suffix: '', wildcard: false, targets: [under(entry.name)] });
    } else if (entry.isFile()) {
      const stem = MODULE_FILE.exec(entry.name)?.[1];
      if (stem) out.push({ pattern: stem, prefix: stem, suffix: '', wildcard: false, targets: [under(stem)] });
    }
  }
  return out;
}

/** The root-relative paths (no extension added) an aliased specifier may name, in the order to try them; [] when no alias matches. */
export function aliasTargets(aliases: PathAliases, specifier: string): string[] {
  for (const alias of aliases.aliases) {
    if (!alias.wildcard) {
      if (specifier === alias.pattern) return alias.targets;
      continue;
    }
    if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix) || specifier.length < alias.prefix.length + alias.suffix.length) continue;
    const captured = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
    return alias.targets.map((t) => posix.normalize(t.replace('*', captured))).filter((t) => !t.startsWith('../'));
  }
  return [];
}

/** The literal beginnings of aliased specifiers (`@/`, `~/`, `#lib/`, `lib/` under a `baseUrl`), for searching bytes. */
export function aliasPrefixes(aliases: PathAliases): string[] {
  return [...new Set(aliases.aliases.map((a) => (a.wildcard ? a.prefix : a.pattern)).filter((p) => p !== ''))];
}

interface Options {
  paths: Record<string, unknown> | null;
  /** Root-relative folder of the config that sets `paths`. */
  pathsDir: string;
  /** Root-relative `baseUrl`, from the nearest config that sets it; `paths` targets are relative to it. */
  baseUrl: string | null;
}

/** `compilerOptions.paths` and `baseUrl` of a config, following local `extends`; null when the file is missing or unreadable. */
function compilerOptionsOf(files: ProjectFiles, file: string, depth: number): Options | null {
  let config: { extends?: unknown; compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
  const text = files.text(file);
  if (text === null) return null;
  try {
    // tsconfig files allow comments and trailing commas; jsonc-parser is loaded only when there is one
    // (with require: see analyze/notebooks.ts).
    const { parse } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
    config = parse(text, [], { allowTrailingComma: true }) ?? {};
  } catch {
    return null;
  }
  if (typeof config !== 'object' || config === null) return null;
  const dir = posix.dirname(file);
  const own = config.compilerOptions ?? {};
  const inherited = depth < MAX_EXTENDS ? extended(files, dir, config.extends, depth) : null;
  const ownPaths = own.paths && typeof own.paths === 'object' ? (own.paths as Record<string, unknown>) : null;
  return {
    paths: ownPaths ?? inherited?.paths ?? null,
    pathsDir: ownPaths ? clean(dir) : (inherited?.pathsDir ?? clean(dir)),
    baseUrl: typeof own.baseUrl === 'string' ? clean(posix.join(dir, own.baseUrl)) : (inherited?.baseUrl ?? null),
  };
}

/** The options of the configs a config extends (later ones win), local files only. */
function extended(files: ProjectFiles, dir: string, value: unknown, depth: number): Options | null {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found: Options[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || !entry.startsWith('.')) continue;
    const target = posix.normalize(posix.join(dir, entry.endsWith('.json') ? entry : `${entry}.json`));
    if (target.startsWith('../')) continue;
    const options = compilerOptionsOf(files, target, depth + 1);
    if (options) found.push(options);
  }
  if (found.length === 0) return null;
  const withPaths = found.filter((o) => o.paths).at(-1);
  return { paths: withPaths?.paths ?? null, pathsDir: withPaths?.pathsDir ?? found[0].pathsDir, baseUrl: found.map((o) => o.baseUrl).filter((b) => b !== null).at(-1) ?? null };
}

function clean(path: string): string {
  const normalized = posix.normalize(path);
  if (normalized === '.' || normalized === './') return '';
  return normalized.startsWith('./') ? normalized.slice(2) : normalized;
}
