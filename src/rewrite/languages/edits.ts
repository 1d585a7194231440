// Text edits on exact node ranges: everything outside the ranges is kept byte for byte.
import type { Node } from 'web-tree-sitter';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export function replaceNode(node: Node, text: string): TextEdit {
  return { start: node.startIndex, end: node.endIndex, text };
}

/** Removes a statement together with its line when nothing else is on that line. */
export function removeStatement(source: string, node: Node): TextEdit {
  const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
  const newline = source.indexOf('\n', node.endIndex);
  const lineEnd = newline === -1 ? source.length : newline + 1;
  const before = source.slice(lineStart, node.startIndex);
  const after = source.slice(node.endIndex, newline === -1 ? source.length : newline);
  if (/^\s*$/.test(before) && /^\s*;?\s*$/.test(after)) return { start: lineStart, end: lineEnd, text: '' };
  return { start: node.startIndex, end: node.endIndex, text: '' };
}

/** Removes one item of a comma-separated list (an argument, a pair) with the comma that joins it. */
export function removeListItem(node: Node): TextEdit {
  const next = node.nextNamedSibling;
  if (next) return { start: node.startIndex, end: next.startIndex, text: '' };
  const previous = node.previousNamedSibling;
  if (previous) return { start: previous.endIndex, end: node.endIndex, text: '' };
  return { start: node.startIndex, end: node.endIndex, text: '' };
}

export function applyEdits(source: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error('Overlapping edits');
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}
