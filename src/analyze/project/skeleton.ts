// An importer's skeleton: its text with the top-level statements that cannot matter blanked out
// (same length, same line breaks, so every offset, line and column stays as it was), cut from the
// text alone (top-level-lines.ts) with the closure narrow.ts applies to parsed statements. Parsing
// the skeleton costs a fraction of parsing the file. Where the text gives no certain answer the
// result is null, and the file is parsed whole.
//
// The kept statements are a superset of those narrowProgram keeps from the parsed file: a region is
// one or more whole statements, its words and declared names include theirs (a region whose head
// does not show what it declares counts all its words). One difference with parsing the file whole:
// a statement left out is never parsed, so a syntax error there does not hide the file's calls.
import { isComponentPath } from '../components.ts';
import { pluginsFor } from '../parse.ts';
import { keptPieces, mustStayWhole, withoutComments, wordsIn, type Piece } from './narrow.ts';
import { topLevelLines, type TopLevelReading } from './top-level-lines.ts';

/** A name right after a declaration keyword (and its modifiers). */
const DECLARATION_HEAD = /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const|let|var|enum|interface|type|namespace)\s+([\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*)/u;
const EXPORT_DEFAULT = /^\s*export\s+default\b/;
const REEXPORT = /^\s*export\s+(?:type\s+)?(?:\{|\*)/;
const IMPORT_KEYWORDS = new Set(['import', 'from', 'type', 'typeof', 'as', 'require', 'assert', 'with']);
const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g;
const HEAD_LENGTH = 400;

export interface Skeleton {
  text: string;
  /** The kept regions, [start, end) in order: each a run of whole top-level statements. */
  kept: Array<[number, number]>;
}

/** The skeleton of an importer's text, or null when it is not worth or not safe to cut. */
export function importerSkeleton(text: string, file: string): Skeleton | null {
  // A component's markup is no statement: it is parsed whole, markup blanked (components.ts).
  if (isComponentPath(file) || mustStayWhole(text)) return null;
  const reading = topLevelLines(text, pluginsFor(file).includes('jsx'));
  if (!reading || reading.lines.length === 0) return null;
  const regions = regionsOf(text, reading);
  const marksIn = marksPerRegion(regions, reading.marks);
  const code = withoutComments(text, reading.comments);
  const pieces = regions.map(([start, end], k) => pieceOf(code, start, end, marksIn[k], k === 0 && start !== reading.lines[0].start));
  const module = reading.lines.some((line) => line.word === 'import' || line.word === 'export');
  const kept = keptPieces(pieces, module);
  if (kept.every(Boolean)) return null;
  // A file is a module by its imports and exports: dropping them all would parse the rest as a script.
  if (module && !regions.some(([start], k) => kept[k] && /^\s*(?:import|export)\b/.test(code.slice(start, start + HEAD_LENGTH)))) return null;
  return { text: blankOut(text, regions.filter((_, k) => !kept[k])), kept: regions.filter((_, k) => kept[k]) };
}

/** The same text with these ranges turned to spaces, line breaks kept. */
export function blankOut(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start);
    // Each run between line breaks becomes as many spaces.
    LINE_BREAK.lastIndex = start;
    let from = start;
    for (let m = LINE_BREAK.exec(text); m && m.index < end; m = LINE_BREAK.exec(text)) {
      out += spaces(m.index - from) + m[0];
      from = m.index + 1;
    }
    out += spaces(end - from);
    at = end;
  }
  return out + text.slice(at);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const SPACES = ' '.repeat(1024);

function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

function regionsOf(text: string, reading: TopLevelReading): Array<[number, number]> {
  const starts = reading.lines.map((line) => line.start);
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((start, k) => [start, k + 1 < starts.length ? starts[k + 1] : text.length]);
}

/** The marks inside each region (not at its first character), regions and marks both in order. */
function marksPerRegion(regions: ReadonlyArray<[number, number]>, marks: readonly number[]): number[][] {
  const out: number[][] = regions.map(() => []);
  let k = 0;
  for (const mark of marks) {
    while (k < regions.length && mark >= regions[k][1]) k++;
    if (k < regions.length && mark > regions[k][0]) out[k].push(mark);
  }
  return out;
}

/** `code`: the text with its comments blanked. */
function pieceOf(code: string, start: number, end: number, marks: readonly number[], prefix: boolean): Piece {
  const words = wordsIn(code, start, end);
  if (prefix) return { words, declared: null, imports: false };
  // The regular expressions below read a statement's head only.
  const slice = code.slice(start, Math.min(end, start + HEAD_LENGTH));
  if (/^\s*import\b/.test(slice)) {
    if (end > start + HEAD_LENGTH) return { words, declared: null, imports: true };
    // The names an import binds are among its words, the keywords and the module's name aside.
    const bound = slice.replace(STRING, '').match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/gu) ?? [];
    return { words, declared: bound.filter((w) => !IMPORT_KEYWORDS.has(w)), imports: true };
  }
  if (REEXPORT.test(slice)) return { words, declared: [], imports: true };
  if (!oneStatement(code, end, marks)) return { words, declared: null, imports: false };
  // `export default <expression>` declares nothing; `export default function f` declares `f`.
  if (EXPORT_DEFAULT.test(slice) && !/^\s*export\s+default\s+(?:async\s+)?(?:function|class)\b/.test(slice)) return { words, declared: [], imports: false };
  const head = DECLARATION_HEAD.exec(slice);
  return { words, declared: head ? [head[1]] : null, imports: false };
}

/** No `,`, `;` or other line at depth 0 inside, but a `;` that ends it. */
function oneStatement(code: string, end: number, marks: readonly number[]): boolean {
  if (marks.length === 0) return true;
  return marks.length === 1 && code[marks[0]] === ';' && code.slice(marks[0] + 1, end).trim() === '';
}
