// Jupyter notebooks (.ipynb) are JSON: code cells hold the code, their outputs what it printed
// (saved API responses among them, which call nothing). Only the code cells are read. Their lines
// are laid one cell after another into a text the kernel's language analyzer reads as a file, and
// each line remembers the notebook line its JSON string is on, so findings point into the notebook.
import { createRequire } from 'node:module';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';

// A UMD package whose factory requires its parts at run time: loaded with require(), outside the
// bundle (scripts/bundle.js), as Node's CommonJS loader reads it.
const { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');

/** Lines of code with, for each, where in the notebook it is written. */
export interface CellLines {
  text: string;
  /** Per line of `text`: the 1-based notebook line and how to find its columns there. */
  lines: WrittenAt[];
}

export interface WrittenAt {
  /** 1-based notebook line of the JSON string the code line is in. */
  line: number;
  /** 1-based notebook column of that string's first character (after its opening quote). */
  column: number;
  /** The string as written in the JSON, quotes excluded: escapes make its columns differ from the code's. */
  raw: string;
  /** Where the code line starts in the string's value. */
  start: number;
}

export interface NotebookCode {
  /** The kernel's language, lower case, as the notebook's metadata names it ('python' when it names none). */
  language: string;
  /** The extension of the kernel's source files (`.py`, `.r`), from the metadata, or null. */
  extension: string | null;
  /** Every code cell but the shell ones; a Python kernel's magics (`%timeit`, `!ls`) left out. */
  code: CellLines;
  /** Shell commands: a Python kernel's `!curl ...` lines, and `%%bash` / `%%sh` cells. */
  shell: CellLines;
  /** A Python kernel's cells in another language (`%%html`, `%%javascript`), read as plain text. */
  other: CellLines;
}

export class NotebookError extends Error {
  override readonly name = 'NotebookError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const SHELL_CELL = /^%%(?:bash|sh|script\s+(?:ba|z)?sh)\b/;
/** Cell magics whose body is still Python (timed, captured, profiled, or written to a .py file). */
const PYTHON_CELL = /^%%(?:time|timeit|capture|prun|debug|writefile\s+\S+\.py)\b/;
/** IPython syntax that is not Python: a magic, a shell escape, or help (`?obj`, `obj??`). */
const IPYTHON_LINE = /^\s*(?:[%!?]|[\w.]+\?\??\s*$)/;
/** `files = !ls`, `out = %sx ls`: an assignment from a shell escape or magic. */
const IPYTHON_ASSIGNMENT = /^(\s*[A-Za-z_][\w.]*\s*=\s*)[!%]/;
const SHELL_ESCAPE = /^(\s*)!(?!=)/;

export function notebookCode(text: string): NotebookCode {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const at = first ? position(starts, first.offset) : { line: 1, column: 1 };
    throw new NotebookError(`not a valid notebook: ${first ? printParseErrorCode(first.error) : 'empty'} in its JSON`, at.line, at.column);
  }
  const metadata = findNodeAtLocation(root, ['metadata']);
  const language = stringAt(metadata, ['kernelspec', 'language']) ?? stringAt(metadata, ['language_info', 'name']) ?? 'python';
  const extension = stringAt(metadata, ['language_info', 'file_extension']);
  const python = language.toLowerCase() === 'python' || extension === '.py';
  const code: CellLines = { text: '', lines: [] };
  const shell: CellLines = { text: '', lines: [] };
  const other: CellLines = { text: '', lines: [] };
  for (const cell of codeCells(root)) {
    // nbformat 4 calls a cell's code `source`; nbformat 3 called it `input`.
    const lines = cellLines(findNodeAtLocation(cell, ['source']) ?? findNodeAtLocation(cell, ['input']), text, starts);
    if (lines.length === 0) continue;
    const magic = python && lines[0].text.startsWith('%%') ? lines[0].text : null;
    if (magic && !PYTHON_CELL.test(magic)) {
      append(SHELL_CELL.test(magic) ? shell : other, lines.slice(1));
      continue;
    }
    append(code, python ? lines.map(asPython) : lines);
    if (python) append(shell, lines.flatMap(shellEscape));
  }
  return { language: language.toLowerCase(), extension: extension?.toLowerCase() ?? null, code, shell, other };
}

/** The code cells, of nbformat 4 (`cells`) and of nbformat 3 (`worksheets[].cells`). */
function codeCells(root: JsonNode): JsonNode[] {
  const lists = [findNodeAtLocation(root, ['cells']), ...(findNodeAtLocation(root, ['worksheets'])?.children ?? []).map((w) => findNodeAtLocation(w, ['cells']))];
  return lists.flatMap((list) => (list?.type === 'array' ? (list.children ?? []) : [])).filter((cell) => stringAt(cell, ['cell_type']) === 'code');
}

interface Line {
  text: string;
  at: WrittenAt;
}

/** A cell's source, written as an array of lines (as Jupyter writes it) or as one string. */
function cellLines(source: JsonNode | undefined, text: string, starts: readonly number[]): Line[] {
  if (!source) return [];
  const strings = source.type === 'array' ? (source.children ?? []).filter((n) => n.type === 'string') : source.type === 'string' ? [source] : [];
  const out: Line[] = [];
  for (const node of strings) {
    const value = getNodeValue(node) as string;
    const { line, column } = position(starts, node.offset);
    const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
    // One element is one line in Jupyter's own files; a string holding several puts them all on its line.
    let start = 0;
    for (const code of value.replace(/\r?\n$/, '').split(/\r\n|\r|\n/)) {
      out.push({ text: code, at: { line, column: column + 1, raw, start } });
      start = value.indexOf('\n', start) + 1;
    }
  }
  return out;
}

/** Blanks IPython-only syntax while keeping Python's indentation valid (`pass`, or `= None` for an assignment). */
function asPython(line: Line): Line {
  const assignment = IPYTHON_ASSIGNMENT.exec(line.text);
  if (assignment) return { ...line, text: `${assignment[1]}None` };
  if (!IPYTHON_LINE.test(line.text)) return line;
  return { ...line, text: `${/^\s*/.exec(line.text)![0]}pass` };
}

function shellEscape(line: Line): Line[] {
  const escape = SHELL_ESCAPE.exec(line.text);
  return escape ? [{ text: line.text.slice(escape[0].length), at: { ...line.at, start: line.at.start + escape[0].length } }] : [];
}

/** Adds a cell's lines, and a blank line after them so that cells stay apart. */
function append(into: CellLines, lines: readonly Line[]): void {
  if (lines.length === 0) return;
  for (const { text, at } of lines) {
    into.text += `${text}\n`;
    into.lines.push(at);
  }
  into.text += '\n';
  into.lines.push(lines[lines.length - 1].at);
}

/** The notebook line of a 1-based line of `cells.text`. */
export function notebookLine(cells: CellLines, line: number): number {
  return writtenAt(cells, line)?.line ?? 1;
}

/** The notebook column of a 1-based column of a line of `cells.text`, escapes in the JSON string counted. */
export function notebookColumn(cells: CellLines, line: number, column: number): number {
  const at = writtenAt(cells, line);
  if (!at) return column;
  // Walk the string as written until the code's character is reached: `\"` or `\n` is two
  // characters written for one, `\u00e9` six.
  const target = at.start + column - 1;
  let decoded = 0;
  let raw = 0;
  while (decoded < target && raw < at.raw.length) {
    raw += at.raw[raw] !== '\\' ? 1 : at.raw[raw + 1] === 'u' ? 6 : 2;
    decoded += 1;
  }
  return at.column + raw;
}

function writtenAt(cells: CellLines, line: number): WrittenAt | undefined {
  return cells.lines[Math.min(Math.max(line, 1), cells.lines.length) - 1];
}

function stringAt(node: JsonNode | undefined, path: string[]): string | null {
  const found = node ? findNodeAtLocation(node, path) : undefined;
  return found?.type === 'string' ? (found.value as string) : null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}
