// Pieces the PHP, Python and Ruby string evaluators share, parameterised by what differs between the
// grammars: the node types that bind a name, the format directives, the escapes.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../partial.ts';
import { Bindings } from './bindings.ts';
import { field } from './syntax.ts';

/** How many names and nested expressions an evaluator follows before the value becomes a hole. */
export const MAX_DEPTH = 12;

export interface AssignmentGrammar {
  /** Node types that open a scope. */
  scopes: ReadonlySet<string>;
  /** The node type of `left = right`. */
  assignment: string;
  /** Whether a `left` node names something the evaluator follows (a variable, a constant, `$this->x`...). */
  bindable(left: Node): boolean;
}

/** The names bound by plain assignments, per scope. */
export function assignmentBindings(root: Node, grammar: AssignmentGrammar): Bindings {
  return new Bindings(root, {
    isScope: (n) => grammar.scopes.has(n.type),
    binding: (n) => {
      if (n.type !== grammar.assignment) return null;
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (!left || !right || !grammar.bindable(left)) return null;
      return { name: left.text, value: right };
    },
  });
}

/** The text of a partial string when it has no hole, else null. */
export function staticTextOf(parts: PartialString): string | null {
  return parts.every((p) => 'text' in p) ? parts.map((p) => ('text' in p ? p.text : '')).join('') : null;
}

/** A format string with each match of `directive` (a global pattern) replaced by what `fill` gives for it. */
export function fillFormat(format: string, directive: RegExp, fill: (match: RegExpExecArray) => PartialString): PartialString {
  const out: PartialString = [];
  let last = 0;
  for (const match of format.matchAll(directive)) {
    out.push({ text: format.slice(last, match.index) });
    out.push(...fill(match));
    last = match.index + match[0].length;
  }
  out.push({ text: format.slice(last) });
  return out.filter((p) => !('text' in p) || p.text !== '');
}

/** A printf-style format: `%%` is a percent sign, each other directive takes the next argument (a hole when none is left). */
export function printfFormat(format: string, directive: RegExp, args: Node[], evaluate: (arg: Node) => PartialString): PartialString {
  let next = 0;
  return fillFormat(format, directive, (match) => {
    if (match[0] === '%%') return [{ text: '%' }];
    const arg = args[next++];
    return arg ? evaluate(arg) : [{ hole: match[0] }];
  });
}

/** A numeric escape form: the pattern (over the escape without its backslash) captures the digits, read in `radix`. */
export type NumericEscape = readonly [pattern: RegExp, radix: number];

/** The character a backslash escape stands for; the escape as written when it is none the language knows. */
export function decodeEscape(text: string, simple: Record<string, string>, numeric: readonly NumericEscape[]): string {
  const body = text.slice(1);
  if (body in simple) return simple[body];
  for (const [pattern, radix] of numeric) {
    const digits = pattern.exec(body)?.[1];
    if (digits !== undefined) return String.fromCodePoint(parseInt(digits, radix));
  }
  return text;
}
