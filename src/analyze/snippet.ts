// The source line(s) a finding points at, with every known secret blanked before it is stored.
import { redactSecret } from '../redact.ts';

const MAX_SNIPPET_LINES = 3;

/** Lines `line`..`endLine` (1-based, at most three), as written. */
export function snippetOf(text: string, line: number, endLine: number): string {
  // What `text.split(/\r?\n/).slice(line - 1, last).join('\n')` gives, without splitting the whole file.
  const count = Math.min(endLine, line + MAX_SNIPPET_LINES - 1) - line + 1;
  if (line < 1 || count < 1) {
    const lines = text.split(/\r?\n/);
    return lines.slice(line - 1, Math.min(endLine, line + MAX_SNIPPET_LINES - 1, lines.length)).join('\n');
  }
  let start = line > FAR_LINE ? lineStart(text, line) : countedLineStart(text, line);
  if (start === -1) return '';
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next;
    out.push(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 && next !== -1 ? end - 1 : end));
    if (next === -1) break;
    start = next + 1;
  }
  return out.join('\n');
}

/**
 * Past this line, the start of a line is looked up in the file's line index instead of found by
 * counting from the top: a file with thousands of findings (a generated client) made that quadratic.
 */
const FAR_LINE = 200;

/** The last file indexed: findings are made file by file, so one is enough. */
let indexed: { text: string; starts: number[] } | null = null;

/** Where 1-based line `line` starts, counting from the top, or -1 past the end. */
function countedLineStart(text: string, line: number): number {
  let start = 0;
  for (let k = 1; k < line; k++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return -1;
    start = next + 1;
  }
  return start;
}

/** Where 1-based line `line` starts, from the file's line index, or -1 past the end. */
function lineStart(text: string, line: number): number {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    indexed = { text, starts };
  }
  return indexed.starts[line - 1] ?? -1;
}

/** Replaces every occurrence of a known secret (longest first) by its redacted form. */
export function redactSnippet(snippet: string, secrets: Iterable<string>): string {
  const values = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = snippet;
  for (const value of values) {
    if (out.includes(value)) out = out.split(value).join(redactSecret(value));
  }
  return out;
}
