import type { FileKind } from './types.ts';
import { unparsedLanguageOf } from './unparsed-languages.ts';

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  js: 'js', jsx: 'js', ts: 'js', tsx: 'js', mjs: 'js', cjs: 'js', mts: 'js', cts: 'js',
  vue: 'js', svelte: 'js', astro: 'js', gs: 'js',
  yml: 'yaml', yaml: 'yaml',
  json: 'json',
  php: 'php',
  py: 'python',
  rb: 'ruby',
  ipynb: 'notebook',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', mk: 'shell', dockerfile: 'shell',
};

/** Single-file components: their <script> blocks are JS/TS (analyze/components.ts). */
const COMPONENT = /\.(?:vue|svelte|astro)$/i;

export function isComponentPath(path: string): boolean {
  return COMPONENT.test(path);
}

/** Makefiles and Dockerfiles, by name: their commands are read like a shell script's. */
const SHELL_FILE = /^(?:GNUmakefile|[Mm]akefile|Dockerfile|Containerfile)(?:\..+)?$/;

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
  if (SHELL_FILE.test(base)) return 'shell';
  return unparsedLanguageOf(base) ? 'unparsed' : null;
}

/**
 * Whether git's search answers for every file of this kind (KIND_NAME_GLOBS match them all). Shell
 * files and the unparsed languages are not searched by git: the globs for their many names made
 * git's search of a 20k-file repository cost a third more CPU (measured for the shell names alone).
 * The scan reads them itself.
 */
export function gitSearchesKind(kind: FileKind): boolean {
  return kind !== 'shell' && kind !== 'unparsed';
}

/** Files of rarer extensions (components, Google Apps Script's `.gs`, notebooks): few, and read by the scan itself. */
const READ_BY_SCAN = /\.(?:vue|svelte|astro|gs|ipynb)$/i;

/**
 * Whether git's search answers for this file: its kind's, except for the rarer extensions
 * (three more name globs cost git's search 15% more CPU on the 20k-file repository, which has none).
 */
export function gitSearchesFile(path: string, kind: FileKind): boolean {
  return gitSearchesKind(kind) && !READ_BY_SCAN.test(path);
}

/**
 * Globs (case-insensitive, matched against base names) that every file git searches
 * (`gitSearchesFile`) matches, and more: for asking git to search only files the scan reads (a theme
 * repository holds far more bytes of images and fonts than of code).
 */
export const KIND_NAME_GLOBS: readonly string[] = [
  ...Object.entries(KIND_BY_EXTENSION).filter(([extension, kind]) => gitSearchesFile(`.${extension}`, kind)).map(([extension]) => `*.${extension}`),
  '.env', '.env.*', '*.env',
];
