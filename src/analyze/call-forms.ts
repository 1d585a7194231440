// `f(a, b)`, `f.call(self, a, b)` and `f.apply(self, [a, b])` all call `f` with `a, b`: which
// same-file function a call calls, and the call as that function receives it.
import { isMember, memberPropertyName, unwrap, type AstNode } from './ast.ts';
import type { Env, Evaluator, Resolved } from './evaluate.ts';

export interface CalledFunction {
  fn: Resolved;
  /** The call itself, or for `.call` / `.apply` a copy holding the arguments the function receives. */
  received: AstNode;
}

export function calledFunction(ev: Evaluator, call: AstNode, env: Env | null = null): CalledFunction | null {
  const direct = ev.resolveFunction(call.callee, env);
  if (direct) return { fn: direct, received: call };
  const received = forwardedCall(ev, call, env);
  if (!received) return null;
  const fn = ev.resolveFunction(unwrap(call.callee)!.object, env);
  return fn ? { fn, received } : null;
}

/**
 * `f.call(self, a, b)` / `f.apply(self, [a, b])` as the call `f` receives (`f(a, b)`); null for any
 * other call, and where the arguments are out of sight (`f.apply(self, arguments)`, a spread).
 */
export function forwardedCall(ev: Evaluator, call: AstNode, env: Env | null = null): AstNode | null {
  const callee = unwrap(call.callee);
  if (!callee || !isMember(callee)) return null;
  const name = memberPropertyName(callee);
  const args: AstNode[] = call.arguments ?? [];
  if (name !== 'call' && name !== 'apply') return null;
  if (args.some((a) => a.type === 'SpreadElement')) return null;
  if (name === 'call') return { ...call, arguments: args.slice(1) };
  if (args.length < 2) return { ...call, arguments: [] };
  const array = ev.resolve(args[1], env);
  // Elements are read with the caller's parameter values: an array reached through another's is left alone.
  if (!array || array.node.type !== 'ArrayExpression' || array.env !== env) return null;
  const elements: Array<AstNode | null> = array.node.elements;
  if (elements.some((e) => !e || e.type === 'SpreadElement')) return null;
  return { ...call, arguments: elements };
}
