// Static evaluation of Ruby string expressions: literals with `#{}` holes, `+` concatenation,
// format strings with literal formats, locals, constants and instance variables bound once.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import type { Bindings } from '../bindings.ts';
import { assignmentBindings, decodeEscape, MAX_DEPTH, printfFormat, staticTextOf, type NumericEscape } from '../string-evaluation.ts';
import { field, namedChildren } from '../syntax.ts';
import { argumentFor, BindsArguments } from '../wrappers.ts';

const SCOPES = new Set(['method', 'singleton_method', 'class', 'module', 'lambda']);
const BOUND_NAMES: ReadonlySet<string> = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'global_variable']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', s: ' ', e: '\x1b', '#': '#' };
const NUMERIC_ESCAPES: readonly NumericEscape[] = [
  [/^x([0-9a-f]{1,2})$/i, 16],
  [/^u([0-9a-f]{4})$/i, 16],
];
const FORMAT_DIRECTIVE = /%(?:%|[-+ 0#]*\d*(?:\.\d+)?[sdifxXeEgGbo])/g;

export class RubyEvaluator extends BindsArguments<RubyEvaluator> {
  readonly bindings: Bindings;

  constructor(root: Node) {
    super();
    this.bindings = assignmentBindings(root, { scopes: SCOPES, assignment: 'assignment', bindable: (left) => BOUND_NAMES.has(left.type) });
  }

  evaluate(node: Node, depth = 0): PartialString {
    if (depth > MAX_DEPTH) return [{ hole: node.text }];
    switch (node.type) {
      case 'integer':
        return [{ text: node.text }];
      // `:put` where a method name or string is expected (`run_request(:put, ...)`): its name.
      case 'simple_symbol':
        return [{ text: node.text.slice(1) }];
      case 'string':
        return this.stringLiteral(node, depth);
      case 'chained_string':
        return namedChildren(node).flatMap((c) => this.evaluate(c, depth + 1));
      case 'parenthesized_statements': {
        const inner = namedChildren(node);
        return inner.length === 1 ? this.evaluate(inner[0], depth + 1) : [{ hole: node.text }];
      }
      case 'binary': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        const operator = field(node, 'operator')?.text;
        if (left && right && operator === '+') return [...this.evaluate(left, depth + 1), ...this.evaluate(right, depth + 1)];
        if (left && right && operator === '%') return this.format(node, left, right.type === 'array' ? namedChildren(right) : [right], depth);
        return [{ hole: node.text }];
      }
      case 'identifier':
      case 'constant': {
        const argument = node.type === 'identifier' ? argumentFor(this.arguments, node, this.bindings) : null;
        if (argument) return this.arguments!.caller.evaluate(argument, depth + 1);
        const value = this.bindings.lookup(node.text, node, node.type === 'constant');
        return value ? this.evaluate(value, depth + 1) : [{ hole: node.text }];
      }
      case 'instance_variable':
      case 'class_variable':
      case 'global_variable': {
        const values = this.bindings.allValues(node.text);
        return values.length === 1 ? this.evaluate(values[0], depth + 1) : [{ hole: node.text }];
      }
      case 'call': {
        const method = field(node, 'method')?.text;
        const receiver = field(node, 'receiver');
        const args = namedChildren(field(node, 'arguments') ?? node).filter((a) => a !== receiver);
        if (!receiver && (method === 'format' || method === 'sprintf') && args[0]) return this.format(node, args[0], args.slice(1), depth);
        return [{ hole: node.text }];
      }
      default:
        return [{ hole: node.text }];
    }
  }

  staticText(node: Node): string | null {
    return staticTextOf(this.evaluate(node));
  }

  private stringLiteral(node: Node, depth: number): PartialString {
    const single = node.text.startsWith("'") || /^%q/.test(node.text);
    const out: PartialString = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'string_content') out.push({ text: child.text });
      else if (child.type === 'escape_sequence') out.push({ text: single ? child.text.slice(1) : decodeEscape(child.text, ESCAPES, NUMERIC_ESCAPES) });
      else if (child.type === 'interpolation') {
        const inner = namedChildren(child);
        out.push(...(inner.length === 1 ? this.evaluate(inner[0], depth + 1) : [{ hole: child.text }]));
      }
    }
    return out;
  }

  private format(node: Node, formatNode: Node, args: Node[], depth: number): PartialString {
    const format = this.staticText(formatNode);
    if (format === null) return [{ hole: node.text }];
    return printfFormat(format, FORMAT_DIRECTIVE, args, (arg) => this.evaluate(arg, depth + 1));
  }
}

/** A call's positional arguments and its `key: value` / `:key => value` pairs by key name. */
export function rubyArguments(call: Node): { positional: Node[]; pairs: Map<string, { pair: Node; value: Node }>; block: Node | null } {
  const list = field(call, 'arguments');
  const positional: Node[] = [];
  const pairs = new Map<string, { pair: Node; value: Node }>();
  for (const arg of list ? namedChildren(list) : []) {
    if (arg.type === 'pair') {
      addPair(arg, pairs);
    } else if (arg.type === 'hash') {
      for (const [key, value] of hashPairs(arg)) pairs.set(key, value);
    } else if (arg.type !== 'block_argument' && arg.type !== 'comment') {
      positional.push(arg);
    }
  }
  return { positional, pairs, block: field(call, 'block') };
}

/** The pairs of a hash literal, by key name. */
export function hashPairs(hash: Node): Map<string, { pair: Node; value: Node }> {
  const pairs = new Map<string, { pair: Node; value: Node }>();
  for (const p of namedChildren(hash)) if (p.type === 'pair') addPair(p, pairs);
  return pairs;
}

function addPair(pair: Node, into: Map<string, { pair: Node; value: Node }>): void {
  const key = field(pair, 'key');
  const value = field(pair, 'value');
  if (!key || !value) return;
  into.set(keyName(key), { pair, value });
}

export function keyName(key: Node): string {
  const text = key.text;
  if (key.type === 'hash_key_symbol') return text;
  if (key.type === 'simple_symbol') return text.replace(/^:/, '');
  if (key.type === 'string') return namedChildren(key).map((c) => c.text).join('');
  return text.replace(/^:/, '').replace(/^["']|["']$/g, '');
}
