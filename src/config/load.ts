import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Config } from '../types.ts';
import { CONFIG_FILE_NAME, defaultConfig } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { validateConfig } from './validate.ts';

export interface LoadConfigOptions {
  root: string;
  /** An explicit config file (--config), absolute or relative to the root; it must exist. */
  path?: string;
}

/**
 * Reads `.bc-oauth-migrate.yml` at the root (or `path`), validates it and fills in defaults.
 * A missing default file gives the defaults; a missing explicit file is an error.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const root = resolve(options.root);
  const file = resolve(root, options.path ?? CONFIG_FILE_NAME);
  const label = displayName(root, file);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.path === undefined) return defaultConfig();
    const problem = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new ConfigError(`config error in ${label}: ${problem}`, label);
  }
  const settings = validateConfig(parseConfigDocument(source, label).toJS(), label);
  return { ...settings, path: file };
}

/** Parses the YAML, turning the first syntax error into a ConfigError with its line and column. */
export function parseConfigDocument(source: string, label: string): Document {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(`config error in ${label}: line ${line}, column ${col}: ${error.message}`, label, undefined, line, col);
  }
  return document;
}

/** The file as the user knows it: relative to the root when inside it. */
export function displayName(root: string, file: string): string {
  const rel = relative(root, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
}
