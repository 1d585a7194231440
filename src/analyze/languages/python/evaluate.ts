// Static evaluation of Python string expressions: literals (f-strings with holes), implicit and `+`
// concatenation, `%` and `.format` with literal formats, and names bound once in reach.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import type { Bindings } from '../bindings.ts';
import { assignmentBindings, decodeEscape, fillFormat, MAX_DEPTH, printfFormat, staticTextOf, type NumericEscape } from '../string-evaluation.ts';
import { field, namedChildren } from '../syntax.ts';
import { argumentFor, BindsArguments } from '../wrappers.ts';

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };
const NUMERIC_ESCAPES: readonly NumericEscape[] = [
  [/^x([0-9a-f]{2})$/i, 16],
  [/^u([0-9a-f]{4})$/i, 16],
];
const PERCENT_DIRECTIVE = /%(?:%|[-+ 0#]*\d*(?:\.\d+)?[sdirfxXeEgGc])/g;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}/g;

export class PythonEvaluator extends BindsArguments<PythonEvaluator> {
  readonly bindings: Bindings;

  constructor(root: Node) {
    super();
    this.bindings = assignmentBindings(root, {
      scopes: SCOPES,
      assignment: 'assignment',
      bindable: (left) => left.type === 'identifier' || left.type === 'attribute',
    });
  }

  evaluate(node: Node, depth = 0): PartialString {
    if (depth > MAX_DEPTH) return [{ hole: node.text }];
    switch (node.type) {
      case 'integer':
        return [{ text: node.text }];
      case 'string':
        return this.stringLiteral(node, depth);
      case 'concatenated_string':
        return namedChildren(node).flatMap((c) => this.evaluate(c, depth + 1));
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.evaluate(inner, depth + 1) : [{ hole: node.text }];
      }
      case 'binary_operator': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        const operator = field(node, 'operator')?.text;
        if (left && right && operator === '+') return [...this.evaluate(left, depth + 1), ...this.evaluate(right, depth + 1)];
        if (left && right && operator === '%') return this.percentFormat(node, left, right, depth);
        return [{ hole: node.text }];
      }
      case 'identifier':
      case 'attribute': {
        const argument = node.type === 'identifier' ? argumentFor(this.arguments, node, this.bindings) : null;
        if (argument) return this.arguments!.caller.evaluate(argument, depth + 1);
        const value = this.bindings.lookup(node.text, node, true) ?? (node.type === 'attribute' && node.text.startsWith('self.') ? this.onlyValue(node.text) : null);
        return value ? this.evaluate(value, depth + 1) : [{ hole: node.text }];
      }
      case 'call': {
        const fn = field(node, 'function');
        if (fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'format') {
          const object = field(fn, 'object');
          if (object) return this.dotFormat(node, object, depth);
        }
        return [{ hole: node.text }];
      }
      default:
        return [{ hole: node.text }];
    }
  }

  staticText(node: Node): string | null {
    return staticTextOf(this.evaluate(node));
  }

  /** `self.x` set once anywhere in the file (usually in `__init__`). */
  private onlyValue(name: string): Node | null {
    const values = this.bindings.allValues(name);
    return values.length === 1 ? values[0] : null;
  }

  private stringLiteral(node: Node, depth: number): PartialString {
    const prefix = (namedChildren(node).find((c) => c.type === 'string_start')?.text ?? '').replace(/['"]+$/, '').toLowerCase();
    const raw = prefix.includes('r');
    const out: PartialString = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'string_content') out.push({ text: child.text });
      else if (child.type === 'escape_sequence') out.push({ text: raw ? child.text : decodeEscape(child.text, ESCAPES, NUMERIC_ESCAPES) });
      else if (child.type === 'interpolation') {
        const expression = field(child, 'expression');
        out.push(...(expression ? this.evaluate(expression, depth + 1) : [{ hole: child.text }]));
      }
    }
    return out;
  }

  private percentFormat(node: Node, left: Node, right: Node, depth: number): PartialString {
    const format = this.staticText(left);
    if (format === null) return [{ hole: node.text }];
    const args = right.type === 'tuple' ? namedChildren(right) : [right];
    return printfFormat(format, PERCENT_DIRECTIVE, args, (arg) => this.evaluate(arg, depth + 1));
  }

  private dotFormat(node: Node, formatNode: Node, depth: number): PartialString {
    const format = this.staticText(formatNode);
    if (format === null) return [{ hole: node.text }];
    const args = namedChildren(field(node, 'arguments') ?? node);
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    const named = new Map(args.filter((a) => a.type === 'keyword_argument').map((a) => [field(a, 'name')?.text ?? '', field(a, 'value')] as const));
    let next = 0;
    return fillFormat(format, FORMAT_FIELD, (match) => {
      if (match[0] === '{{' || match[0] === '}}') return [{ text: match[0][0] }];
      const key = match[1];
      const arg = key === '' ? positional[next++] : /^\d+$/.test(key) ? positional[Number(key)] : named.get(key);
      return arg ? this.evaluate(arg, depth + 1) : [{ hole: match[0] }];
    });
  }
}

/** A call's keyword arguments by name, and its positional arguments in order. */
export function callArguments(call: Node): { positional: Node[]; keywords: Map<string, { pair: Node; value: Node }> } {
  const args = namedChildren(field(call, 'arguments') ?? call).filter((a) => a.type !== 'comment');
  const keywords = new Map<string, { pair: Node; value: Node }>();
  const positional: Node[] = [];
  for (const arg of args) {
    if (arg.type === 'keyword_argument') {
      const name = field(arg, 'name')?.text;
      const value = field(arg, 'value');
      if (name && value) keywords.set(name, { pair: arg, value });
    } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') {
      positional.push(arg);
    }
  }
  return { positional, keywords };
}
