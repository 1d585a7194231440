// The source line(s) a finding points at, with every known secret blanked before it is stored.
import { redactSecret } from '../report/redact.ts';

const MAX_SNIPPET_LINES = 3;

/** Lines `line`..`endLine` (1-based, at most three), as written. */
export function snippetOf(text: string, line: number, endLine: number): string {
  // What `text.split(/\r?\n/).slice(line - 1, last).join('\n')` gives, without splitting the whole file.
  const count = Math.min(endLine, line + MAX_SNIPPET_LINES - 1) - line + 1;
  if (line < 1 || count < 1) {
    const lines = text.split(/\r?\n/);
    return lines.slice(line - 1, Math.min(endLine, line + MAX_SNIPPET_LINES - 1, lines.length)).join('\n');
  }
  let start = 0;
  for (let k = 1; k < line; k++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
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

/** Replaces every occurrence of a known secret (longest first) by its redacted form. */
export function redactSnippet(snippet: string, secrets: Iterable<string>): string {
  const values = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = snippet;
  for (const value of values) {
    if (out.includes(value)) out = out.split(value).join(redactSecret(value));
  }
  return out;
}
