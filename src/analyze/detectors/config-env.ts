// `.env` files: KEY=value lines, the whole file one group.
import { analyzeConfigEntries, unquote, withoutComment, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
import type { Config } from '../../types.ts';

/** A name and its `=`; the value is the rest of the line, trimmed (no pattern over it: linear on any line). */
const ASSIGNMENT = /^\s*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/;

export function analyzeEnvFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const entries: ConfigEntry[] = [];
  let lineStart = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const assignment = envAssignment(raw);
    if (assignment) {
      const written = valueOffsets(raw, assignment.rawValue, lineStart);
      entries.push({ key: assignment.key, value: envValue(assignment.rawValue), line: index + 1, column: raw.indexOf(assignment.key) + 1, group: '', ...written });
    }
    lineStart += raw.length + (text.startsWith('\r\n', lineStart + raw.length) ? 2 : 1);
  });
  return analyzeConfigEntries(file, text, entries, config, isRealEnvFile(file) ? 'real-env' : 'env-template');
}

/**
 * A `.env` line's assignment: the name and the value as written (trimmed), or null for a comment or
 * any other line. The one reader of env lines: the scan, the cross-file pass and the rewrite of
 * `.env.example` all use it.
 */
export function envAssignment(raw: string): { key: string; rawValue: string } | null {
  if (/^\s*#/.test(raw)) return null;
  const match = ASSIGNMENT.exec(raw);
  return match ? { key: match[1], rawValue: raw.slice(match[0].length).trim() } : null;
}

/** The value an assignment gives: without a comment after it, unquoted. */
export function envValue(rawValue: string): string {
  return unquote(withoutComment(rawValue, /\s#/));
}

/** `.env.example`, `.env.sample`, `.env.template` are committed templates; anything else may hold live secrets. */
export function isRealEnvFile(file: string): boolean {
  const base = file.split('/').pop() ?? file;
  return !/\.(example|sample|template|dist|defaults?)$/i.test(base);
}

/** Offsets in the file of a value written (trimmed) at the end of its line, which starts at `lineStart`. */
export function valueOffsets(raw: string, rawValue: string, lineStart: number): { valueStart: number; valueEnd: number } {
  const end = raw.trimEnd().length;
  return { valueStart: lineStart + end - rawValue.length, valueEnd: lineStart + end };
}
