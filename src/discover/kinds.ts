import type { FileKind } from './types.ts';

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  js: 'js', jsx: 'js', ts: 'js', tsx: 'js', mjs: 'js', cjs: 'js', mts: 'js', cts: 'js',
  yml: 'yaml', yaml: 'yaml',
  json: 'json',
  php: 'php',
  py: 'python',
  rb: 'ruby',
};

/**
 * JSON files that are never configuration a person wrote: lock files are machine-written and huge
 * (registry URLs only), and compiler settings hold no URLs or credentials.
 */
const NOT_CONFIG_JSON = /^(package-lock|npm-shrinkwrap|[tj]sconfig(\..*)?)\.json$/;

/** Type declarations hold no executable code, so no request can be in one. */
const DECLARATION = /\.d\.[cm]?ts$/;

/** `.env`, `.env.example`, `.env.production`, and Docker-style `production.env`. */
const ENV_FILE = /^\.env(\..+)?$|^[^.].*\.env$/;

/** The kind of a file from its name, or null when the tool does not read it. */
export function fileKindOf(relativePath: string): FileKind | null {
  const slash = relativePath.lastIndexOf('/');
  const base = slash === -1 ? relativePath : relativePath.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const kind = Object.hasOwn(KIND_BY_EXTENSION, extension) ? KIND_BY_EXTENSION[extension] : undefined;
  if (kind === 'js' && DECLARATION.test(base)) return null;
  if (kind === 'json' && NOT_CONFIG_JSON.test(base)) return null;
  if (kind) return kind;
  if (ENV_FILE.test(base)) return 'env';
  return null;
}

/**
 * Globs (case-insensitive, matched against base names) that every file `fileKindOf` gives a kind
 * matches, and more: for asking git to search only files the scan reads (a theme repository holds
 * far more bytes of images and fonts than of code).
 */
export const KIND_NAME_GLOBS: readonly string[] = [...Object.keys(KIND_BY_EXTENSION).map((extension) => `*.${extension}`), '.env', '.env.*', '*.env'];
