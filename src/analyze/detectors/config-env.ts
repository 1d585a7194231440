// `.env` files: KEY=value lines, the whole file one group.
import { analyzeConfigEntries, unquote, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
import type { Config } from '../../types.ts';

/** A name and its `=`; the value is the rest of the line, trimmed (no pattern over it: linear on any line). */
const ASSIGNMENT = /^\s*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/;

export function analyzeEnvFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const entries: ConfigEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*#/.test(raw)) return;
    const match = ASSIGNMENT.exec(raw);
    if (!match) return;
    entries.push({ key: match[1], value: unquote(stripComment(raw.slice(match[0].length).trim())), line: index + 1, column: raw.indexOf(match[1]) + 1, group: '' });
  });
  return analyzeConfigEntries(file, entries, config, isRealEnvFile(file));
}

/** `.env.example`, `.env.sample`, `.env.template` are committed templates; anything else may hold live secrets. */
export function isRealEnvFile(file: string): boolean {
  const base = file.split('/').pop() ?? file;
  return !/\.(example|sample|template|dist|defaults?)$/i.test(base);
}

function stripComment(value: string): string {
  if (/^["']/.test(value)) return value;
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

