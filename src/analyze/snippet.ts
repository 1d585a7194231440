// The source line(s) a finding points at, with every known secret blanked before it is stored.
import { redactSecret } from '../report/redact.ts';

const MAX_SNIPPET_LINES = 3;

/** Lines `line`..`endLine` (1-based, at most three), as written. */
export function snippetOf(text: string, line: number, endLine: number): string {
  const lines = text.split(/\r?\n/);
  const last = Math.min(endLine, line + MAX_SNIPPET_LINES - 1, lines.length);
  return lines.slice(line - 1, last).join('\n');
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
