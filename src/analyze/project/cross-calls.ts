// Calls to a wrapper defined in another file: `bigcommerce.get('/orders.json')` in a route, where
// `get` is a method of a client class in lib/. Each is read through the wrapper with its arguments
// bound (and, for a call on an instance, the constructor's arguments too), like a same-file call.
import { isCall, isMember, unwrap, type AstNode } from '../ast.ts';
import { judgeRequest, type Verdict } from '../classify.ts';
import type { DetectContext, RequestMatch } from '../detectors/detector.ts';
import type { Env } from '../evaluate.ts';
import type { WrapperDef } from '../wrappers.ts';
import { calledFunction } from '../call-forms.ts';
import type { ProjectModel } from './model.ts';
import type { UnitAnalysis } from './unit-analysis.ts';

export interface CrossCall {
  /** The file the call is in. */
  caller: UnitAnalysis;
  /** The file the wrapper is defined in. */
  owner: UnitAnalysis;
  wrapper: WrapperDef;
  call: AstNode;
  match: RequestMatch;
  verdict: Verdict;
}

const MAX_NESTING = 4;

export function findCrossCalls(model: ProjectModel, units: readonly UnitAnalysis[]): CrossCall[] {
  const byFunction = new Map<AstNode, { wrapper: WrapperDef; owner: UnitAnalysis }>();
  for (const owner of units) for (const wrapper of owner.wrappers) byFunction.set(wrapper.fn, { wrapper, owner });
  if (byFunction.size === 0) return [];

  const out: CrossCall[] = [];
  for (const caller of units) {
    for (const call of caller.unit.index.calls) {
      if (!isCall(call)) continue;
      const callee = unwrap(call.callee);
      if (!callee || (callee.type !== 'Identifier' && !isMember(callee))) continue;
      const target = calledFunction(caller.ctx.evaluator, call);
      const entry = target ? byFunction.get(target.fn.node) : undefined;
      if (!target || !entry || entry.owner === caller) continue;
      const receiver = isMember(callee) && target.received === call ? constructorEnv(caller, callee.object) : null;
      if (receiver) model.activeEnvs.push(receiver);
      let match: RequestMatch | null;
      try {
        match = resolveAcross(entry.owner.ctx, entry.wrapper, target.received, null, receiver, 0);
      } finally {
        if (receiver) model.activeEnvs.pop();
      }
      if (!match) continue;
      const verdict = judgeRequest(match, entry.owner.fctx);
      if (!verdict.legacy) continue;
      out.push({ caller, owner: entry.owner, wrapper: entry.wrapper, call, match, verdict });
    }
  }
  return out;
}

/** The wrapper's request at this call: arguments bound through each wrapper it goes through. */
function resolveAcross(ctx: DetectContext, def: WrapperDef, call: AstNode, callerEnv: Env | null, receiver: Env | null, depth: number): RequestMatch | null {
  if (depth > MAX_NESTING) return null;
  const env = ctx.evaluator.bindArguments(def.fn, call, callerEnv);
  if (receiver) for (const [binding, value] of receiver) if (!env.has(binding)) env.set(binding, value);
  if (def.via) return resolveAcross(ctx, def.via.inner, def.via.call, env, receiver, depth + 1);
  return def.request.detector.rematch(ctx, def.request.match, env);
}

/** `recv.method(...)` where `recv` is `new Client(args)`: the constructor's parameters bound to `args`. */
function constructorEnv(caller: UnitAnalysis, receiverNode: AstNode): Env | null {
  const ev = caller.ctx.evaluator;
  const instance = ev.resolve(receiverNode);
  if (!instance || instance.node.type !== 'NewExpression') return null;
  const cls = ev.resolve(instance.node.callee, instance.env);
  if (!cls || (cls.node.type !== 'ClassDeclaration' && cls.node.type !== 'ClassExpression')) return null;
  const ctor = (cls.node.body.body as AstNode[]).find((m) => (m.type === 'ClassMethod' && m.kind === 'constructor') || (m.type === 'MethodDefinition' && m.kind === 'constructor'));
  if (!ctor) return null;
  return ev.bindArguments(ctor, instance.node, instance.env);
}
