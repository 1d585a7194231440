// Same-file wrappers in Python (see ../wrappers.ts): `def bc_get(path): return requests.get(BASE +
// path, auth=AUTH)` called as `bc_get('/orders')`, `self._call('PUT', ...)`, or on an instance of its
// class. A public function or method can be imported by another file, whose calls are not followed.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import { closest, field, isInside, namedChildren } from '../syntax.ts';
import { bindPositional, decidedByParameters, type LanguageWrapper } from '../wrappers.ts';
import { callArguments, type PythonEvaluator } from './evaluate.ts';

/**
 * The function around a request, when the request's URL or method depends on one of its
 * parameters and the file calls it; else null.
 */
export function wrapperAround(request: Node, url: PartialString, methodNode: Node | null, evaluator: PythonEvaluator): LanguageWrapper | null {
  const fn = closest(request, (n) => n.type === 'function_definition');
  const name = fn ? field(fn, 'name')?.text : undefined;
  if (!fn || !name) return null;
  const cls = classOf(fn);
  const { params, defaults } = parametersOf(fn, cls !== null && !isStatic(fn));
  if (!decidedByParameters(url, methodNode?.type === 'identifier' ? methodNode : null, params)) return null;
  const calls = callsOf(fn, name, cls, evaluator);
  if (calls.length === 0) return null;
  const nested = closest(fn, (n) => n.type === 'function_definition') !== null;
  return { fn, name, params, defaults, calls, reachableElsewhere: !nested && !name.startsWith('_') };
}

/** The wrapper's parameters bound to a call's arguments (positional in order, then by keyword, then defaults). */
export function argumentsAt(wrapper: LanguageWrapper, call: Node): Map<string, Node> {
  const { positional, keywords } = callArguments(call);
  return bindPositional(wrapper, positional, (param) => keywords.get(param)?.value);
}

function classOf(fn: Node): Node | null {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const block = holder.parent;
  return block?.type === 'block' && block.parent?.type === 'class_definition' ? block.parent : null;
}

function isStatic(fn: Node): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  return !!decorated && namedChildren(decorated).some((d) => d.type === 'decorator' && /\bstaticmethod\b/.test(d.text));
}

function parametersOf(fn: Node, method: boolean): { params: string[]; defaults: Map<string, Node> } {
  const params: string[] = [];
  const defaults = new Map<string, Node>();
  for (const param of namedChildren(field(fn, 'parameters') ?? fn)) {
    // `*args`, `**kwargs`, a bare `*` or `/`: later parameters are keyword-only or not bound by position.
    if (param.type === 'list_splat_pattern' || param.type === 'dictionary_splat_pattern' || param.type === 'keyword_separator') break;
    const name = param.type === 'identifier' ? param : (field(param, 'name') ?? namedChildren(param).find((c) => c.type === 'identifier'));
    if (!name) continue;
    params.push(name.text);
    const value = field(param, 'value');
    if (value) defaults.set(name.text, value);
  }
  return { params: method ? params.slice(1) : params, defaults };
}

/**
 * The calls of `name`: as a plain function in the scope it is defined in, or, for a method, on
 * `self`/`cls` inside its class or on a name bound once to an instance of the class. Calls inside
 * the wrapper itself (recursion) are left out.
 */
function callsOf(fn: Node, name: string, cls: Node | null, evaluator: PythonEvaluator): Node[] {
  const scope = cls ?? closest(fn, (n) => n.type === 'function_definition' || n.type === 'module') ?? fn.tree.rootNode;
  const root = fn.tree.rootNode;
  const className = cls ? field(cls, 'name')?.text : null;
  return root.descendantsOfType('call').filter((call): call is Node => {
    if (!call || isInside(call, fn)) return false;
    const callee = field(call, 'function');
    if (!callee) return false;
    if (!cls) return callee.type === 'identifier' && callee.text === name && isInside(call, scope);
    if (callee.type !== 'attribute' || field(callee, 'attribute')?.text !== name) return false;
    const receiver = field(callee, 'object');
    if (!receiver || receiver.type !== 'identifier') return false;
    if ((receiver.text === 'self' || receiver.text === 'cls') && isInside(call, cls)) return true;
    const instance = evaluator.bindings.lookup(receiver.text, call, true);
    return instance?.type === 'call' && field(instance, 'function')?.text === className;
  });
}
