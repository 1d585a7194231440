// Wrappers inside one file: functions and methods whose parameters flow into a request's URL or
// method. Each call to a wrapper is read again through the client's own matcher with the call's
// arguments bound, so a resolved call is judged exactly like a call written out by hand.
import { isFunction, isIdentifier, propertyKeyName, walk, type AstNode } from './ast.ts';
import type { DetectContext, Detector, RequestMatch } from './detectors/detector.ts';
import type { Env } from './evaluate.ts';
import { isHole, renderPartial } from './partial.ts';
import { isV2ApiPath, normalizeEndpoint } from './endpoints.ts';
import { splitUrl } from './url.ts';
import { joinUrl } from './classify.ts';
import { calledFunction } from './call-forms.ts';

export interface DetectedRequest {
  detector: Detector;
  match: RequestMatch;
}

export interface WrapperDef {
  /** The function node (FunctionDeclaration, arrow, ClassMethod, or a method's FunctionExpression). */
  fn: AstNode;
  /** `bcRequest`, `BigCommerceClient.request`, `api.get`. */
  name: string;
  /** The parameter names that reach the request. */
  params: string[];
  /** The request the wrapper sends, directly or through another wrapper. */
  request: DetectedRequest;
  /** Set when the wrapper sends its request by calling another wrapper; `call` as `inner` receives it (see call-forms.ts). */
  via: { inner: WrapperDef; call: AstNode } | null;
}

export interface WrapperCall {
  wrapper: WrapperDef;
  /** The call to the wrapper. */
  call: AstNode;
  /** The request as it is at this call, arguments bound; null when the matcher no longer sees one. */
  resolved: RequestMatch | null;
}

const MAX_NESTING = 4;

export function findWrappers(ctx: DetectContext, requests: DetectedRequest[]): { wrappers: WrapperDef[]; calls: WrapperCall[] } {
  const wrappers: WrapperDef[] = [];
  const byFunction = new Map<AstNode, WrapperDef>();

  for (const request of requests) {
    if (!leavesRequestOpen(request.match)) continue;
    const params = paramsReaching(ctx, request.match);
    for (const [fn, names] of params) {
      if (byFunction.has(fn)) continue;
      const def: WrapperDef = { fn, name: functionName(ctx, fn), params: names, request, via: null };
      byFunction.set(fn, def);
      wrappers.push(def);
      break; // the innermost function that passes parameters is the wrapper
    }
  }

  const calls: WrapperCall[] = [];
  let frontier = [...wrappers];
  for (let depth = 0; depth < MAX_NESTING && frontier.length > 0; depth++) {
    const next: WrapperDef[] = [];
    for (const call of ctx.index.calls) {
      if (call.type === 'NewExpression') continue;
      const target = calledFunction(ctx.evaluator, call);
      if (!target) continue;
      const def = byFunction.get(target.fn.node);
      if (!def || !frontier.includes(def)) continue;
      const resolved = resolveCall(ctx, def, target.received, null);
      // A call that still leaves the request open, inside a function whose own parameters reach the
      // arguments, makes that function a wrapper too.
      const outer = resolved && leavesRequestOpen(resolved) ? outerWrapperOf(ctx, target.received, def) : null;
      if (outer) {
        if (!byFunction.has(outer.fn)) {
          byFunction.set(outer.fn, outer);
          wrappers.push(outer);
          next.push(outer);
        }
        continue;
      }
      calls.push({ wrapper: def, call, resolved });
    }
    frontier = next;
  }
  calls.sort((a, b) => (a.call.start ?? 0) - (b.call.start ?? 0));
  return { wrappers, calls };
}

/** The request a call to `def` sends, with the call's arguments bound to the wrapper's parameters (`call` as `def` receives it). */
export function resolveCall(ctx: DetectContext, def: WrapperDef, call: AstNode, callerEnv: Env | null, depth = 0): RequestMatch | null {
  if (depth > MAX_NESTING) return null;
  const env = ctx.evaluator.bindArguments(def.fn, call, callerEnv);
  if (def.via) return resolveCall(ctx, def.via.inner, def.via.call, env, depth + 1);
  return def.request.detector.rematch(ctx, def.request.match, env);
}

/**
 * Only a request whose endpoint or method is left open makes a wrapper: `getOrder(id)` fetching
 * `/orders/${id}` is an ordinary call with a known endpoint (`/v2/orders/{id}`).
 */
export function leavesRequestOpen(match: RequestMatch): boolean {
  if (match.method === null) return true;
  const url = joinUrl(match.baseUrl?.value ?? null, match.url?.value ?? null);
  if (!url.some(isHole)) return false;
  const rendered = renderPartial(url);
  const path = splitUrl(rendered).path;
  return normalizeEndpoint(path).endpoint === null || !isV2ApiPath(path);
}

/** The wrapper whose request the chain ends in (itself when it calls the client directly). */
export function innermostWrapper(def: WrapperDef): WrapperDef {
  let current = def;
  while (current.via) current = current.via.inner;
  return current;
}

/**
 * The items grouped under every wrapper they go through: the one they call (`wrapperOf`) and each
 * wrapper that one calls in turn. One pass over the items, however many wrappers a file has (a
 * generated client can have thousands, where asking each wrapper of each item was quadratic).
 */
export function byWrapperReached<T>(items: readonly T[], wrapperOf: (item: T) => WrapperDef): Map<WrapperDef, T[]> {
  const out = new Map<WrapperDef, T[]>();
  for (const item of items) {
    for (let current: WrapperDef | null = wrapperOf(item); current; current = current.via?.inner ?? null) {
      const list = out.get(current);
      if (list) list.push(item);
      else out.set(current, [item]);
    }
  }
  return out;
}

/** Functions (innermost first) whose parameters reach the request's URL, method or options. */
function paramsReaching(ctx: DetectContext, match: RequestMatch): Map<AstNode, string[]> {
  const found = new Map<AstNode, string[]>();
  const add = (node: AstNode | null | undefined) => {
    if (!node) return;
    for (const id of identifiersIn(node)) {
      const binding = ctx.evaluator.paramBindingOf(id);
      if (!binding || !isFunction(binding.scope)) continue;
      const names = found.get(binding.scope) ?? [];
      if (!names.includes(binding.name)) names.push(binding.name);
      found.set(binding.scope, names);
      order.set(binding.name, binding.paramIndex ?? 0);
    }
  };
  const order = new Map<string, number>();
  for (const value of [match.url?.value, match.baseUrl?.value]) {
    for (const part of value ?? []) if (isHole(part)) add(part.node);
  }
  add(match.methodNode);
  // Options the matcher could not see into (`fetch(url, options)`): a parameter there may set anything.
  if (match.method === null && match.methodNode === null) for (const arg of match.call.arguments ?? []) add(arg);
  for (const names of found.values()) names.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  // Innermost function first: sort by how deep the function is (later start = nested deeper).
  return new Map([...found.entries()].sort(([a], [b]) => (b.start ?? 0) - (a.start ?? 0)));
}

function outerWrapperOf(ctx: DetectContext, call: AstNode, inner: WrapperDef): WrapperDef | null {
  const params = new Map<AstNode, string[]>();
  for (const arg of call.arguments ?? []) {
    for (const id of identifiersIn(arg)) {
      const binding = ctx.evaluator.paramBindingOf(id);
      if (!binding || !isFunction(binding.scope) || binding.scope === inner.fn) continue;
      const names = params.get(binding.scope) ?? [];
      if (!names.includes(binding.name)) names.push(binding.name);
      params.set(binding.scope, names);
    }
  }
  const [first] = [...params.entries()].sort(([a], [b]) => (b.start ?? 0) - (a.start ?? 0));
  if (!first) return null;
  const [fn, names] = first;
  return { fn, name: functionName(ctx, fn), params: names, request: inner.request, via: { inner, call } };
}

/** Identifiers read in an expression, not looking into nested functions or property keys. */
function identifiersIn(root: AstNode): AstNode[] {
  const out: AstNode[] = [];
  walk(root, (node, parent) => {
    if (node !== root && isFunction(node)) return false;
    if (!isIdentifier(node)) return undefined;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return undefined;
    if (parent && (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed && !parent.shorthand) return undefined;
    out.push(node);
    return undefined;
  });
  return out;
}

/** A readable name: `bcRequest`, `BigCommerceClient.request`, `api.get`, or `(anonymous function)`. */
export function functionName(ctx: DetectContext, fn: AstNode): string {
  if (fn.id?.name) return fn.id.name;
  let parent = ctx.index.parentOf(fn);
  const own = fn.type === 'ClassMethod' || fn.type === 'ObjectMethod' ? propertyKeyName(fn) : null;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'ClassProperty' || parent?.type === 'PropertyDefinition' || parent?.type === 'ObjectProperty' || parent?.type === 'Property') {
    const key = propertyKeyName(parent);
    const container = containerName(ctx, ctx.index.parentOf(parent));
    return container ? `${container}.${key}` : key ?? '(anonymous function)';
  }
  if (own) {
    const container = containerName(ctx, parent);
    return container ? `${container}.${own}` : own;
  }
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'AssignmentExpression') return ctx.evaluator.sourceOf(parent.left);
  parent = null;
  return '(anonymous function)';
}

function containerName(ctx: DetectContext, body: AstNode | null): string | null {
  if (!body) return null;
  if (body.type === 'ClassBody') {
    const cls = ctx.index.parentOf(body);
    return cls?.id?.name ?? null;
  }
  if (body.type === 'ObjectExpression') {
    const holder = ctx.index.parentOf(body);
    if (holder?.type === 'VariableDeclarator' && holder.id?.type === 'Identifier') return holder.id.name;
  }
  return null;
}
