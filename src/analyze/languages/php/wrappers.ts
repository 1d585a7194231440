// Same-file wrappers in PHP (see ../wrappers.ts): `function bc_api($path, $method = 'GET')` around a
// cURL handle or a Guzzle request, called as `bc_api('/orders')`, `$this->call(...)`,
// `self::call(...)`, or on a variable holding `new ThisClass(...)`. A function, or a method that is
// not private, can be called from another file, whose calls are not followed.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import { closest, field, isInside, namedChildren } from '../syntax.ts';
import { bindPositional, decidedByParameters, type LanguageWrapper } from '../wrappers.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';

const FUNCTIONS = new Set(['function_definition', 'method_declaration']);

/** The function around a request whose URL or method depends on its parameters, when this file calls it; else null. */
export function wrapperAround(request: Node, url: PartialString, methodNode: Node | null, evaluator: PhpEvaluator): LanguageWrapper | null {
  const fn = closest(request, (n) => FUNCTIONS.has(n.type) || n.type === 'anonymous_function' || n.type === 'arrow_function');
  const name = fn && FUNCTIONS.has(fn.type) ? field(fn, 'name')?.text : undefined;
  if (!fn || !name) return null;
  const { params, defaults } = parametersOf(fn);
  if (!decidedByParameters(url, methodNode?.type === 'variable_name' ? methodNode : null, params)) return null;
  const cls = fn.type === 'method_declaration' ? closest(fn, (n) => n.type === 'class_declaration') : null;
  const calls = callsOf(fn, name, cls, evaluator);
  if (calls.length === 0) return null;
  const isPrivate = namedChildren(fn).some((c) => c.type === 'visibility_modifier' && c.text === 'private');
  return { fn, name, params, defaults, calls, reachableElsewhere: !isPrivate };
}

export function argumentsAt(wrapper: LanguageWrapper, call: Node): Map<string, Node> {
  return bindPositional(wrapper, argumentValues(call));
}

function parametersOf(fn: Node): { params: string[]; defaults: Map<string, Node> } {
  const params: string[] = [];
  const defaults = new Map<string, Node>();
  for (const param of namedChildren(field(fn, 'parameters') ?? fn)) {
    // `...$rest` takes every argument after it: none is bound by position past it.
    if (param.type === 'variadic_parameter') break;
    const name = field(param, 'name') ?? namedChildren(param).find((c) => c.type === 'variable_name');
    if (!name) continue;
    params.push(name.text);
    const value = field(param, 'default_value');
    if (value) defaults.set(name.text, value);
  }
  return { params, defaults };
}

/** Names of functions and methods are case-insensitive in PHP; a namespaced call names it last. */
function sameName(node: Node | null, name: string): boolean {
  const last = node?.type === 'qualified_name' ? namedChildren(node).at(-1) : node;
  return !!last && last.type === 'name' && last.text.toLowerCase() === name.toLowerCase();
}

function callsOf(fn: Node, name: string, cls: Node | null, evaluator: PhpEvaluator): Node[] {
  const root = fn.tree.rootNode;
  const inside = (call: Node) => isInside(call, fn);
  if (!cls) {
    return root.descendantsOfType('function_call_expression').filter((call): call is Node => !!call && !inside(call) && sameName(field(call, 'function'), name));
  }
  const className = field(cls, 'name')?.text.toLowerCase();
  return root.descendantsOfType(['member_call_expression', 'scoped_call_expression']).filter((call): call is Node => {
    if (!call || inside(call) || !sameName(field(call, 'name'), name)) return false;
    if (call.type === 'scoped_call_expression') return isInside(call, cls) && /^(self|static)$/i.test(field(call, 'scope')?.text ?? '');
    const receiver = field(call, 'object');
    if (receiver?.text === '$this') return isInside(call, cls);
    const instance = receiver?.type === 'variable_name' ? evaluator.variables.lookup(receiver.text, call, false) : null;
    const created = instance?.type === 'object_creation_expression' ? namedChildren(instance).find((c) => c.type === 'name' || c.type === 'qualified_name') : null;
    return !!created && !!className && sameName(created, className);
  });
}
