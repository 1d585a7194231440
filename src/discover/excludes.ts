import picomatch from 'picomatch';

/** Folders that hold dependencies, build output or VCS data: never the user's integration code. */
export const DEFAULT_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'vendor', 'dist', 'build', 'coverage', '.git',
]);

/** Minified and bundled output, by name. Content-based detection is `SourceText.minified`. */
const BUNDLE_NAME = /\.(min|bundle)\.[cm]?js$/i;

export function isExcludedDirName(name: string): boolean {
  return DEFAULT_EXCLUDED_DIRS.has(name);
}

/** A default-excluded folder anywhere on a path: a whole segment followed by a slash (so never the file's own name). */
const EXCLUDED_FOLDER = new RegExp(`(?:^|/)(${[...DEFAULT_EXCLUDED_DIRS].map((dir) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})/`);

/**
 * Git pathspec globs (`:(exclude,glob)<folder>/<glob>`) for the default-excluded folders that occur
 * in these paths (relative to that folder): a path matches one only if `isDefaultExcluded` holds for
 * it. Only the folders present are given, since git matches every file against every pattern
 * (thirteen patterns cost a third more time on a 24k-file search that had no such folder).
 */
export function excludedFolderGlobs(relativePaths: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const path of relativePaths) {
    const name = EXCLUDED_FOLDER.exec(path)?.[1];
    if (name !== undefined) names.add(name);
  }
  return [...names].sort().map((name) => `**/${name}/**`);
}

/**
 * True when any folder on the path is a default-excluded one, or the name is a bundle's. Asked of
 * every listed file: one regular expression each, not a slice per folder (a third of the time).
 */
export function isDefaultExcluded(relativePath: string): boolean {
  return BUNDLE_NAME.test(relativePath) || EXCLUDED_FOLDER.test(relativePath);
}

export interface GlobFilter {
  /** Whether a file (relative path) is kept by --include / --exclude. */
  keepsFile(relativePath: string): boolean;
  /** Whether a folder is worth entering: false only when an exclude names it. */
  entersDir(relativePath: string): boolean;
}

/**
 * `--include` narrows, `--exclude` removes; both match the path relative to the root. A pattern
 * without a slash matches the base name (`*.ts`), and a pattern that names a folder (`legacy`,
 * `packages/old`) covers everything under it.
 */
export function makeGlobFilter(include: readonly string[], exclude: readonly string[]): GlobFilter {
  const included = include.length > 0 ? compileGlobs(include) : null;
  const excluded = exclude.length > 0 ? compileGlobs(exclude) : null;
  return {
    keepsFile(relativePath) {
      if (excluded && matchesSelfOrAncestor(excluded, relativePath)) return false;
      if (included && !matchesSelfOrAncestor(included, relativePath)) return false;
      return true;
    },
    entersDir(relativePath) {
      return !(excluded && matchesSelfOrAncestor(excluded, relativePath));
    },
  };
}

/** picomatch's own `basename` option also changes how patterns with slashes match, so split here. */
function compileGlobs(patterns: readonly string[]): (path: string) => boolean {
  const byPath = patterns.filter((pattern) => pattern.includes('/'));
  const byName = patterns.filter((pattern) => !pattern.includes('/'));
  const pathMatches = byPath.length > 0 ? picomatch(byPath, { dot: true }) : () => false;
  const nameMatches = byName.length > 0 ? picomatch(byName, { dot: true }) : () => false;
  return (path) => pathMatches(path) || nameMatches(path.slice(path.lastIndexOf('/') + 1));
}

function matchesSelfOrAncestor(matches: (path: string) => boolean, relativePath: string): boolean {
  if (matches(relativePath)) return true;
  for (let slash = relativePath.indexOf('/'); slash !== -1; slash = relativePath.indexOf('/', slash + 1)) {
    if (matches(relativePath.slice(0, slash))) return true;
  }
  return false;
}
