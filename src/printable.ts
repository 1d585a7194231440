// Text taken from scanned code or paths, made safe to show a person. Every human-readable output
// (text and Markdown reports, diffs and summaries, the review screen) goes through here, so that
// a newline in a file name cannot start a CI log line of its own (`::warning …` is a GitHub
// workflow command) and an ESC or BEL in a snippet cannot drive the terminal. Machine formats
// (JSON, SARIF, JUnit, GitHub annotations) escape by their own syntax instead.

/** C0 controls but tab, DEL, C1 controls, line/paragraph separators and bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** The same, but line breaks (`\n`, `\r\n`) are kept: for multi-line code and diffs. */
const UNSAFE_BUT_LINE_BREAKS = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line, every control character shown as an escape: `new\nline.js`, `\x1b[31m`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Like `printable`, but keeps line breaks: for code frames and diffs that span lines. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_BUT_LINE_BREAKS, escapeChar);
}

/**
 * A copy of a report-shaped value with every string made printable; `snippet` fields keep their
 * line breaks (they are code, split into lines by whoever shows them).
 */
export function printableDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') return (key === 'snippet' ? printableLines(value) : printable(value)) as T;
  if (Array.isArray(value)) return value.map((item) => printableDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = printableDeep(v, k);
    return out as T;
  }
  return value;
}
