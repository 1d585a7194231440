// Inline suppression comments:
//   // bc-oauth-migrate-ignore-next-line <reason>
//   /* bc-oauth-migrate-ignore-file <reason> */
// (and the same in `#` comments for YAML, .env, Python, Ruby and PHP). The directive must open the
// comment, as ESLint's do; the reason may follow `--` (ESLint's form) or `:`.
import type { Suppression } from '../types.ts';

export interface CommentInput {
  /** The comment's body without its delimiters (`//`, `#`, `/*`, `*\/`), as @babel/parser gives it. */
  text: string;
  /** 1-based line where the comment starts. */
  line: number;
  block: boolean;
}

const DIRECTIVE = /^bc-oauth-migrate-ignore-(next-line|file)(?=$|[\s:])([\s\S]*)$/;

/**
 * The suppression a comment declares, or null when it is an ordinary comment. A directive with no
 * reason still gives a suppression, with `reason: null`, so `check` can report it.
 *
 * Pass the file's text as `source` to let a next-line suppression reach past further comment lines
 * stacked under it (another tool's directive, say); without it, the covered line is the one after
 * the comment ends.
 */
export function parseSuppressionComment(comment: CommentInput, file: string, source?: string): Suppression | null {
  const body = normalizeBody(comment.text, comment.block);
  const match = DIRECTIVE.exec(body);
  if (!match) return null;
  const kind = match[1] === 'file' ? 'file' : 'next-line';
  const reason = parseReason(match[2]);
  if (kind === 'file') return { file, line: comment.line, kind, reason };

  const lastLine = comment.line + countNewlines(comment.text);
  const appliesToLine =
    source === undefined ? lastLine + 1 : firstCodeLineAfter(source.split(/\r\n|\r|\n/), lastLine, commentSyntaxFor(file));
  return { file, line: comment.line, kind, appliesToLine, reason };
}

function normalizeBody(text: string, block: boolean): string {
  let body = text.trim();
  // Tolerate callers that hand over the delimiters too.
  body = body.replace(/^(\/\/+|#+|\/\*+)/, '');
  body = body.replace(/\*+\/$/, '');
  if (block) {
    // JSDoc-style blocks: ` * bc-oauth-migrate-ignore-file reason` on its own line.
    body = body
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/^\s*\*+(?!\/)/, ''))
      .join('\n');
  }
  return body.trim();
}

function parseReason(rest: string): string | null {
  const reason = rest
    .trim()
    .replace(/^(--|:)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return reason === '' ? null : reason;
}

function countNewlines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

interface CommentSyntax {
  line: string[];
  block: boolean;
}

const HASH_ONLY: CommentSyntax = { line: ['#'], block: false };
const C_LIKE: CommentSyntax = { line: ['//'], block: true };
const PHP: CommentSyntax = { line: ['//', '#'], block: true };

function commentSyntaxFor(file: string): CommentSyntax {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (base.startsWith('.env') || /\.(ya?ml|py|pyw|rb|rake|gemspec|env)$/.test(base)) return HASH_ONLY;
  if (/\.(php|phtml|inc)$/.test(base)) return PHP;
  return C_LIKE;
}

/**
 * The first line after `afterLine` that holds anything other than comments. Blank lines count as
 * code here, as in ESLint: a suppression separated from its target by a blank line covers nothing.
 */
function firstCodeLineAfter(lines: string[], afterLine: number, syntax: CommentSyntax): number {
  let inBlock = false;
  for (let index = afterLine; index < lines.length; index += 1) {
    let text = lines[index].trim();
    if (inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) continue;
      inBlock = false;
      text = text.slice(end + 2).trim();
      if (text === '') continue;
      return index + 1;
    }
    // PHP 8 attributes (`#[Route]`) are code, not comments.
    const isAttribute = syntax === PHP && text.startsWith('#[');
    if (!isAttribute && syntax.line.some((opener) => text.startsWith(opener))) continue;
    if (syntax.block && text.startsWith('/*')) {
      const end = text.indexOf('*/', 2);
      if (end < 0) {
        inBlock = true;
        continue;
      }
      if (text.slice(end + 2).trim() === '') continue;
    }
    return index + 1;
  }
  return afterLine + 1;
}
