// A string known only in part: static text pieces and holes for what cannot be known statically.
import { HOLE } from './endpoints.ts';
import type { AstNode } from './ast.ts';

export interface TextPart {
  text: string;
  /** The literal the text was read from (string literal, template element), for rewrites and secrets. */
  node?: AstNode;
  /** Where `text` starts inside that literal's value. */
  offset?: number;
}

export interface HolePart {
  /** The source text of the unknown expression. */
  hole: string;
  node?: AstNode;
}

export type PartialString = Array<TextPart | HolePart>;

export function isHole(part: TextPart | HolePart): part is HolePart {
  return 'hole' in part;
}

/** Holes become HOLE, so string tools (splitUrl, normalizeEndpoint) can see where they are. */
export function renderPartial(p: PartialString): string {
  return p.map((part) => (isHole(part) ? HOLE : part.text)).join('');
}

/** Holes become `${source}`, for messages and host names. */
export function describePartial(p: PartialString): string {
  return p.map((part) => (isHole(part) ? '${' + part.hole + '}' : part.text)).join('');
}

/** Text read without a parser (a command, a line of an unparsed language): each match of `holes` (a global pattern) becomes a hole. */
export function withHoles(text: string, holes: RegExp): PartialString {
  const parts: PartialString = [];
  let at = 0;
  for (const hole of text.matchAll(holes)) {
    const index = hole.index ?? 0;
    if (index > at) parts.push({ text: text.slice(at, index) });
    parts.push({ hole: hole[0] });
    at = index + hole[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

export function isStatic(p: PartialString): boolean {
  return p.every((part) => !isHole(part));
}

export function staticText(p: PartialString): string | null {
  return isStatic(p) ? renderPartial(p) : null;
}

/** The parts covering rendered characters [start, end): each hole counts as one character. */
export function slicePartial(p: PartialString, start: number, end: number): PartialString {
  const out: PartialString = [];
  let at = 0;
  for (const part of p) {
    const length = isHole(part) ? 1 : part.text.length;
    const from = Math.max(start, at);
    const to = Math.min(end, at + length);
    if (from < to) {
      if (isHole(part)) out.push(part);
      else out.push({ ...part, text: part.text.slice(from - at, to - at), offset: (part.offset ?? 0) + (from - at) });
    }
    at += length;
    if (at >= end) break;
  }
  return out;
}

export function concatPartials(...parts: PartialString[]): PartialString {
  return parts.flat();
}

export function textPart(text: string, node?: AstNode, offset = 0): TextPart {
  return node ? { text, node, offset } : { text };
}
