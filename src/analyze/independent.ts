// Results that read no parameter: in the project pass a wrapper's request is read again at each of
// its call sites (thousands in a large repository) with that call's arguments bound, but much of it,
// the `Authorization: basicAuth()` header above all, reads no argument and is the same every time.
// Such a result is remembered per evaluator, when its computation looked up no parameter value at
// all (see `readsNoParameter` in evaluate.ts): it would then take the same path, so give the same
// result, whatever values and whatever instance a call binds.
import type { AstNode } from './ast.ts';
import { readsNoParameter, type Evaluator } from './evaluate.ts';

/** By evaluator, then by kind of result, then by the nodes it is about. */
const remembered = new WeakMap<Evaluator, Map<string, Map<AstNode | null, Map<AstNode | null, unknown>>>>();

/**
 * Lets `independently` remember results for this evaluator. Only for evaluators whose callers start
 * every computation afresh (a detector reading a request, never one evaluation inside another).
 */
export function rememberIndependentResults(ev: Evaluator): void {
  if (!remembered.has(ev)) remembered.set(ev, new Map());
}

/**
 * `compute()`, or, when an earlier `compute()` for the same evaluator, kind and nodes read no
 * parameter, what that one gave. `copy` makes what is handed out, so a caller may change it. What
 * `compute` returns must hold no `Env` (nodes, text and flags only): it is handed to other calls.
 * Everything else an evaluation reads stays as it was (the files, which file a node is in, env
 * file values), and the evaluator is not in the middle of another evaluation (see above), so its
 * depth guards start empty each time.
 */
export function independently<T>(ev: Evaluator, kind: string, first: AstNode | null, second: AstNode | null, compute: () => T, copy: (value: T) => T): T {
  const kinds = remembered.get(ev);
  if (!kinds) return compute();
  let byFirst = kinds.get(kind);
  if (!byFirst) {
    byFirst = new Map();
    kinds.set(kind, byFirst);
  }
  let bySecond = byFirst.get(first);
  if (!bySecond) {
    bySecond = new Map();
    byFirst.set(first, bySecond);
  }
  if (bySecond.has(second)) return copy(bySecond.get(second) as T);
  const { value, independent } = readsNoParameter(compute);
  if (independent) bySecond.set(second, copy(value));
  return value;
}
