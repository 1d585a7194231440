// Text edits on exact source ranges: everything outside the ranges stays byte for byte.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class EditConflict extends Error {
  override readonly name = 'EditConflict';
}

/** Two edits collide when their ranges share characters, or both insert at the same point. */
export function collide(a: TextEdit, b: TextEdit): boolean {
  if (a.start! === a.end! && b.start! === b.end!) return a.start! === b.start!;
  if (a.start! === a.end!) return a.start! > b.start! && a.start! < b.end!;
  if (b.start! === b.end!) return b.start! > a.start! && b.start! < a.end!;
  return a.start! < b.end! && b.start! < a.end!;
}

/**
 * Applies edits from the end of the text backwards. Identical edits count once; colliding ones
 * throw EditConflict. At one position an insertion lands before a replacement that starts there.
 */
export function applyTextEdits(source: string, edits: TextEdit[]): string {
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) unique.set(`${edit.start!}:${edit.end!}:${edit.text}`, edit);
  const sorted = [...unique.values()].sort((a, b) => b.start! - a.start! || b.end! - a.end!);
  for (let i = 1; i < sorted.length; i++) {
    if (collide(sorted[i - 1], sorted[i])) throw new EditConflict(`Two changes touch the same code at offset ${sorted[i].start!}.`);
  }
  let out = source;
  for (const edit of sorted) out = out.slice(0, edit.start!) + edit.text + out.slice(edit.end!);
  return out;
}

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the newline that ends the line holding `offset` (or the end of the text). */
export function lineEndOf(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

export function indentOf(source: string, offset: number): string {
  const start = lineStartOf(source, offset);
  return /^[ \t]*/.exec(source.slice(start, offset))?.[0] ?? '';
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(source: string, offset: number): boolean {
  return /^[ \t]*$/.test(source.slice(lineStartOf(source, offset), offset));
}

/** 1-based line of an offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/** The first offset at or after `from` that is not whitespace or a comment. */
export function skipTrivia(source: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < source.length && /\s/.test(source[i])) i++;
    if (source.startsWith('//', i)) {
      const nl = source.indexOf('\n', i);
      i = nl === -1 ? source.length : nl;
    } else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      i = close === -1 ? source.length : close + 2;
    } else {
      return i;
    }
  }
}
