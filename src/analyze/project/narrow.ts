// An importer (a file involved only because it imports a provider, with no pre-filter needle, no
// env key read, and imported by no involved file) is analyzed on the top-level statements that can
// matter, not on the whole file: in a large repository most of its code is unrelated to the import.
//
// Why the result is the same as for the whole file:
// - Such a file holds no needle, and the pre-filter's rule is that every legacy finding needs one in
//   its file (discover/prefilter.ts), so a request in it can only be legacy through a value from another
//   module (an imported name, `require`/`import()`, `module`/`exports`) or the environment (`process`):
//   every statement naming one of those is kept.
// - A request that is not legacy leaves no trace in the results, except through a client config:
//   every config's credentials are collected for redaction. Configs come from imported clients or
//   from the globals `axios`, `$` and `jQuery` (also as `window.$`), so statements naming those are
//   kept. So are those naming `window` or `document`: the file's browser-side verdict reads them.
// - A kept statement depends on other statements only through names declared at the top level of
//   the file (a local or a parameter of its own is its own; a global nobody declares is unknown
//   either way): every statement whose text holds such a name written in a kept statement is kept,
//   until nothing changes. Words are read from the code's text (comments aside), a superset of the
//   identifiers (strings and property names included), so nothing is missed; a statement that may
//   hoist a `var` (a loop, a block) counts every word of its own as declared.
// - Nothing outside the file reaches into it (no involved file imports it), so what the dropped
//   statements export or define is never asked about.
// - A file whose text holds OAuth evidence is not narrowed: dual-mode detection reads a whole
//   top-level scope for it. Nor is one with a `\u` escape: an identifier may be spelled with one.
import type { AstNode } from '../ast.ts';
import { declaredNames } from './top-level.ts';

/** Globals through which a statement may reach outside the file, configure a client, or make the file browser-side. */
const REACHING_NAMES = ['require', 'import', 'module', 'exports', 'process', 'axios', '$', 'jQuery', 'window', 'document'];

/** Words that are never a name, so a shared keyword does not tie two statements. */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
]);
/** Also reserved in module code (always strict). */
const RESERVED_IN_MODULES = new Set([...RESERVED, 'await', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

/** Mirrors the gateway evidence dual-mode detection looks for. */
const OAUTH_EVIDENCE = /api\.bigcommerce\.com|x-auth-token/i;

/** An identifier may be spelled with escapes (`\u0061`): its words would not match. */
const ESCAPE = /\\u/;

/** Identifier-like words (Unicode ones too); `${` opens a template substitution, not a `$` name. */
const WORD = /[\p{ID_Start}_][\p{ID_Continue}$\u200C\u200D]*|\$(?!\{)[\p{ID_Continue}$\u200C\u200D]*/gu;

/** A top-level statement (or a run of them), as the closure below reads it. */
export interface Piece {
  /** Identifier-like words of its text. */
  words: string[];
  /** The names it declares in the module scope; null: any of its words may be one. */
  declared: string[] | null;
  /** An import or re-export: always kept. */
  imports: boolean;
}

/** Whether the file must be analyzed whole whatever its statements (see the header). */
export function mustStayWhole(text: string): boolean {
  return OAUTH_EVIDENCE.test(text) || ESCAPE.test(text);
}

/** Identifier-like words of `code` (a text with its comments blanked, see `withoutComments`) in [start, end). */
export function wordsIn(code: string, start: number, end: number): string[] {
  return code.slice(start, end).match(WORD) ?? [];
}

/** The text with these comments turned to spaces (same length): comments hold no names. */
export function withoutComments(text: string, comments: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of comments) {
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Which pieces to keep: the imports, those naming a reaching global, and, until nothing changes,
 * those naming a top-level name that a kept piece names.
 */
export function keptPieces(pieces: readonly Piece[], module: boolean): boolean[] {
  const reserved = module ? RESERVED_IN_MODULES : RESERVED;
  const topLevel = new Set<string>();
  for (const piece of pieces) for (const name of piece.declared ?? piece.words) if (!reserved.has(name)) topLevel.add(name);
  const names = new Set<string>(REACHING_NAMES);
  const kept = new Array<boolean>(pieces.length).fill(false);
  const keep = (i: number) => {
    kept[i] = true;
    for (const word of pieces[i].words) if (topLevel.has(word)) names.add(word);
  };
  // Imports first: the names they bind are what the file takes from other modules.
  pieces.forEach((piece, i) => piece.imports && keep(i));
  const namesAny = (words: readonly string[]): boolean => {
    for (let w = 0; w < words.length; w++) if (names.has(words[w])) return true;
    return false;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < pieces.length; i++) {
      if (kept[i] || !namesAny(pieces[i].words)) continue;
      keep(i);
      changed = true;
    }
  }
  return kept;
}

/**
 * The Program with only the top-level statements that can matter (same nodes, same offsets), or
 * the Program itself when nothing can be left out. `comments`: the file's, as the parser found them.
 */
export function narrowProgram(program: AstNode, text: string, comments: readonly AstNode[]): AstNode {
  const body = program.body as AstNode[];
  if (mustStayWhole(text)) return program;
  const code = withoutComments(text, comments.map((c) => [c.start ?? 0, c.end ?? 0] as const));
  const pieces = body.map((statement) => ({
    words: wordsIn(code, statement.start ?? 0, statement.end ?? text.length),
    declared: declaredNames(statement),
    imports: !!statement.source || statement.type === 'TSImportEqualsDeclaration',
  }));
  const kept = keptPieces(pieces, program.sourceType === 'module');
  if (kept.every(Boolean)) return program;
  return { ...program, body: body.filter((_, i) => kept[i]) };
}
