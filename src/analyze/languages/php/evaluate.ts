// Static evaluation of PHP string expressions: literals, interpolation, `.` concatenation, sprintf,
// same-scope variables, constants (`const`, `define`, class constants) and `$this->prop` defaults.
// What cannot be known becomes a hole carrying its source text.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import type { Bindings } from '../bindings.ts';
import { assignmentBindings, decodeEscape, MAX_DEPTH, printfFormat, staticTextOf, type NumericEscape } from '../string-evaluation.ts';
import { field, namedChildren } from '../syntax.ts';
import { argumentFor, BindsArguments } from '../wrappers.ts';

const SCOPES = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'class_declaration']);
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"', "'": "'", '0': '\0' };
const NUMERIC_ESCAPES: readonly NumericEscape[] = [
  [/^x([0-9a-f]{1,2})$/i, 16],
  [/^([0-7]{1,3})$/, 8],
  [/^u\{([0-9a-f]+)\}$/i, 16],
];
const SPRINTF_DIRECTIVE = /%(?:%|[-+ 0]*\d*(?:\.\d+)?[bcdeEfFgGosuxX])/g;

export class PhpEvaluator extends BindsArguments<PhpEvaluator> {
  readonly variables: Bindings;
  /** `define('X', ...)`, top-level and class `const X = ...`, keyed by name (class constants as `::X`). */
  private readonly constants = new Map<string, Node[]>();

  constructor(root: Node) {
    super();
    this.variables = assignmentBindings(root, {
      scopes: SCOPES,
      assignment: 'assignment_expression',
      bindable: (left) => left.type === 'variable_name' || isThisProperty(left),
    });
    for (const node of namedDescendants(root, ['const_element', 'function_call_expression', 'property_element'])) {
      if (node.type === 'const_element') {
        const [name, value] = namedChildren(node);
        const inClass = node.parent?.parent?.type === 'declaration_list';
        if (name && value) this.addConstant(inClass ? `::${name.text}` : name.text, value);
      } else if (node.type === 'property_element') {
        const name = field(node, 'name');
        const value = field(node, 'default_value');
        if (name && value) this.addConstant(`$this->${name.text.replace(/^\$/, '')}`, value);
      } else if (field(node, 'function')?.text.toLowerCase() === 'define') {
        const args = argumentValues(node);
        const name = args[0] ? this.staticText(args[0]) : null;
        if (name && args[1]) this.addConstant(name, args[1]);
      }
    }
  }

  private addConstant(name: string, value: Node): void {
    const list = this.constants.get(name) ?? [];
    list.push(value);
    this.constants.set(name, list);
  }

  /** The node's value as a partial string (never null: unknown is one hole). */
  evaluate(node: Node, depth = 0): PartialString {
    if (depth > MAX_DEPTH) return [{ hole: node.text }];
    switch (node.type) {
      case 'integer':
        return [{ text: node.text }];
      case 'string':
        return [{ text: singleQuoted(node) }];
      case 'encapsed_string':
      case 'heredoc':
        return this.interpolated(node, depth);
      case 'nowdoc':
        return [{ text: namedChildren(node).filter((c) => c.type === 'nowdoc_body').map((c) => c.text).join('') }];
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.evaluate(inner, depth + 1) : [{ hole: node.text }];
      }
      case 'binary_expression': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left && right && operatorOf(node) === '.') return [...this.evaluate(left, depth + 1), ...this.evaluate(right, depth + 1)];
        return [{ hole: node.text }];
      }
      case 'variable_name':
      case 'member_access_expression': {
        const argument = node.type === 'variable_name' ? argumentFor(this.arguments, node, this.variables) : null;
        if (argument) return this.arguments!.caller.evaluate(argument, depth + 1);
        const value = this.variables.lookup(node.text, node, false);
        if (value) return this.evaluate(value, depth + 1);
        if (node.type === 'member_access_expression') {
          const property = this.constants.get(node.text);
          if (property?.length === 1) return this.evaluate(property[0], depth + 1);
        }
        return [{ hole: node.text }];
      }
      case 'name': {
        const values = this.constants.get(node.text);
        return values?.length === 1 ? this.evaluate(values[0], depth + 1) : [{ hole: node.text }];
      }
      case 'class_constant_access_expression': {
        const [scope, name] = namedChildren(node);
        const local = scope && /^(self|static|relative_scope)$/.test(scope.type === 'relative_scope' ? 'relative_scope' : scope.text);
        const values = local && name ? this.constants.get(`::${name.text}`) : undefined;
        return values?.length === 1 ? this.evaluate(values[0], depth + 1) : [{ hole: node.text }];
      }
      case 'function_call_expression':
        if (field(node, 'function')?.text.toLowerCase() === 'sprintf') return this.sprintf(node, depth);
        return [{ hole: node.text }];
      default:
        return [{ hole: node.text }];
    }
  }

  /** The value when it is fully static, else null. */
  staticText(node: Node): string | null {
    return staticTextOf(this.evaluate(node));
  }

  private interpolated(node: Node, depth: number): PartialString {
    const out: PartialString = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'string_content' || child.type === 'heredoc_body' || child.type === 'string_value') {
        if (child.type === 'heredoc_body') out.push(...this.interpolated(child, depth));
        else out.push({ text: child.text });
      } else if (child.type === 'escape_sequence') {
        out.push({ text: decodeEscape(child.text, SIMPLE_ESCAPES, NUMERIC_ESCAPES) });
      } else if (child.type === 'heredoc_start' || child.type === 'heredoc_end') {
        continue;
      } else {
        out.push(...this.evaluate(child, depth + 1));
      }
    }
    return out;
  }

  private sprintf(node: Node, depth: number): PartialString {
    const args = argumentValues(node);
    const format = args[0] ? this.staticText(args[0]) : null;
    if (format === null) return [{ hole: node.text }];
    return printfFormat(format, SPRINTF_DIRECTIVE, args.slice(1), (arg) => this.evaluate(arg, depth + 1));
  }
}

/** The value nodes of a call's arguments, in order (named arguments included as written). */
export function argumentValues(call: Node): Node[] {
  const args = field(call, 'arguments') ?? namedChildren(call).find((c) => c.type === 'arguments');
  if (!args) return [];
  return namedChildren(args)
    .filter((a) => a.type === 'argument')
    .map((a) => {
      const label = field(a, 'name');
      return namedChildren(a).filter((c) => !label || c.id !== label.id).pop() ?? a;
    });
}

export function operatorOf(node: Node): string | null {
  const operator = field(node, 'operator');
  if (operator) return operator.text;
  return node.children.find((c) => c !== null && !c.isNamed)?.text ?? null;
}

function isThisProperty(node: Node): boolean {
  return node.type === 'member_access_expression' && field(node, 'object')?.text === '$this';
}

function singleQuoted(node: Node): string {
  return namedChildren(node)
    .map((c) => (c.type === 'escape_sequence' ? c.text.slice(1) : c.text))
    .join('');
}

function namedDescendants(root: Node, types: string[]): Node[] {
  return root.descendantsOfType(types).filter((n): n is Node => n !== null);
}
