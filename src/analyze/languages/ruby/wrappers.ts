// Same-file wrappers in Ruby (see ../wrappers.ts): `def bc_get(path)` around an HTTParty or Faraday
// request, called as `bc_get('/orders')`, `self.bc_get(...)`, `BC.fetch(...)` for `def self.fetch`,
// or on a variable holding `ThisClass.new`. A method that is not private can be called from another
// file, whose calls are not followed.
import type { Node } from 'web-tree-sitter';
import type { PartialString } from '../../partial.ts';
import { closest, field, isInside, namedChildren } from '../syntax.ts';
import { decidedByParameters, type LanguageWrapper } from '../wrappers.ts';
import { rubyArguments, type RubyEvaluator } from './evaluate.ts';

export interface RubyWrapper extends LanguageWrapper {
  /** Parameters passed by position, in order; the others in `params` are keywords. */
  positional: string[];
}

const DEFINITIONS = new Set(['method', 'singleton_method']);

export function wrapperAround(request: Node, url: PartialString, methodNode: Node | null, evaluator: RubyEvaluator): RubyWrapper | null {
  const fn = closest(request, (n) => DEFINITIONS.has(n.type));
  const name = fn ? field(fn, 'name')?.text : undefined;
  if (!fn || !name) return null;
  const { positional, keywords, defaults } = parametersOf(fn);
  const params = [...positional, ...keywords];
  if (!decidedByParameters(url, methodNode?.type === 'identifier' ? methodNode : null, params)) return null;
  const owner = closest(fn, (n) => n.type === 'class' || n.type === 'module');
  const calls = callsOf(fn, name, owner, evaluator);
  if (calls.length === 0) return null;
  return { fn, name, params, positional, defaults, calls, reachableElsewhere: !isPrivate(fn) };
}

/** The wrapper's parameters bound to a call's arguments: by position, keywords by name, then defaults. */
export function argumentsAt(wrapper: RubyWrapper, call: Node): Map<string, Node> {
  const { positional, pairs } = rubyArguments(call);
  const args = new Map<string, Node>();
  for (const param of wrapper.params) {
    const k = wrapper.positional.indexOf(param);
    const value = (k >= 0 ? positional[k] : pairs.get(param)?.value) ?? wrapper.defaults.get(param);
    if (value) args.set(param, value);
  }
  return args;
}

function parametersOf(fn: Node): { positional: string[]; keywords: string[]; defaults: Map<string, Node> } {
  const positional: string[] = [];
  const keywords: string[] = [];
  const defaults = new Map<string, Node>();
  let splatted = false;
  for (const param of namedChildren(field(fn, 'parameters') ?? fn)) {
    if (param.type === 'splat_parameter') splatted = true;
    const name = param.type === 'identifier' ? param : field(param, 'name');
    if (!name || (param.type !== 'identifier' && param.type !== 'optional_parameter' && param.type !== 'keyword_parameter')) continue;
    if (param.type === 'keyword_parameter') keywords.push(name.text);
    else if (!splatted) positional.push(name.text);
    const value = field(param, 'value');
    if (value) defaults.set(name.text, value);
  }
  return { positional, keywords, defaults };
}

/** `private` on its own line earlier in the same body, or `private def ...`. */
function isPrivate(fn: Node): boolean {
  if (fn.parent?.type === 'argument_list' && field(fn.parent.parent ?? fn, 'method')?.text === 'private') return true;
  const body = fn.parent;
  if (!body || body.type !== 'body_statement') return false;
  return namedChildren(body).some((s) => s.endIndex <= fn.startIndex && s.type === 'identifier' && s.text === 'private');
}

/**
 * Calls of the wrapper outside itself: with no receiver or `self` (inside its class, or anywhere for
 * a top-level method), on the class's name for a `def self.` method, or on a name bound to `Class.new`.
 */
function callsOf(fn: Node, name: string, owner: Node | null, evaluator: RubyEvaluator): Node[] {
  const className = owner ? field(owner, 'name')?.text : null;
  return fn.tree.rootNode.descendantsOfType('call').filter((call): call is Node => {
    if (!call || isInside(call, fn) || field(call, 'method')?.text !== name) return false;
    const receiver = field(call, 'receiver');
    if (!receiver || receiver.type === 'self') return !owner || isInside(call, owner);
    if (fn.type === 'singleton_method') return receiver.text === className;
    if (receiver.type !== 'identifier' || !className) return false;
    const instance = evaluator.bindings.lookup(receiver.text, call, false);
    return instance?.type === 'call' && field(instance, 'method')?.text === 'new' && field(instance, 'receiver')?.text === className;
  });
}
