// Pieces the superagent, request, node-http, jQuery and XMLHttpRequest detectors share: which module
// a callee comes from, the calls chained on a request, and calls made later on the variable holding it.
import { argumentAt, calleeName, isCall, isFunction, isMember, memberPropertyName, unwrap, walk, type AstNode } from '../ast.ts';
import { basicAuthValue } from '../auth.ts';
import type { Env, Evaluator, Resolved } from '../evaluate.ts';
import { inlineImport, isMainExport } from '../imports.ts';
import { staticText } from '../partial.ts';
import type { Binding } from '../scope.ts';
import type { HttpMethod } from '../../types.ts';
import type { AuthEvidence, DetectContext } from './detector.ts';

/** What a name refers to: a module's main export, one of its named exports, or nothing we know. */
export type ModuleRef = { module: string; export: 'main' | string };

/** The module an identifier is imported from (`import x from 'm'`, `require('m')`, `require('m').get`). */
export function moduleOf(ctx: DetectContext, raw: AstNode | null, modules: ReadonlySet<string>): ModuleRef | null {
  const node = unwrap(raw);
  if (!node) return null;
  if (node.type === 'Identifier') {
    const ref = ctx.imports.of(node);
    if (!ref || ref === 'global' || !modules.has(ref.source)) return null;
    return { module: ref.source, export: ref.imported === 'default' || ref.imported === '*' ? 'main' : ref.imported };
  }
  // `require('m')` used in place.
  const inline = inlineImport(node);
  if (!inline || !modules.has(inline.source)) return null;
  return { module: inline.source, export: isMainExport(inline) ? 'main' : inline.imported };
}

/** `x.name(...)` where `x` is a module's main export: the module and the member name. */
export function moduleMemberCall(ctx: DetectContext, call: AstNode, modules: ReadonlySet<string>): { ref: ModuleRef; member: string } | null {
  const callee = unwrap(call.callee);
  if (!callee || !isMember(callee)) return null;
  const member = memberPropertyName(callee);
  if (member === null) return null;
  const ref = moduleOf(ctx, callee.object, modules);
  return ref && ref.export === 'main' ? { ref, member } : null;
}

export interface ChainedCall {
  name: string;
  call: AstNode;
}

/** The calls chained after `call`: `call.auth(u, k).set(h, v)` gives auth, set (in order). */
export function chainAfter(ctx: DetectContext, call: AstNode): ChainedCall[] {
  const out: ChainedCall[] = [];
  let current = call;
  for (;;) {
    const member = ctx.index.parentOf(current);
    if (!member || !isMember(member) || member.object !== current) break;
    const next = ctx.index.parentOf(member);
    const name = memberPropertyName(member);
    if (!next || !isCall(next) || next.callee !== member || name === null) break;
    out.push({ name, call: next });
    current = next;
  }
  return out;
}

/** The outermost call of a chain that starts at `call` (the whole expression that is awaited or stored). */
export function chainEnd(ctx: DetectContext, call: AstNode): AstNode {
  const chain = chainAfter(ctx, call);
  return chain.length > 0 ? chain[chain.length - 1].call : call;
}

/**
 * The variable an expression is stored in: `const req = <expression>` (through `await` and casts).
 * Only a `const`, or a `let`/`var` never reassigned, so every later use is this value.
 */
export function storedIn(ctx: DetectContext, expression: AstNode): Binding | null {
  let node = expression;
  let parent = ctx.index.parentOf(node);
  while (parent && (parent.type === 'AwaitExpression' || parent.type === 'ParenthesizedExpression' || parent.type === 'TSAsExpression')) {
    node = parent;
    parent = ctx.index.parentOf(node);
  }
  if (!parent || parent.type !== 'VariableDeclarator' || parent.init !== node || parent.id?.type !== 'Identifier') return null;
  const binding = ctx.index.resolve(parent.id);
  return binding && !ctx.index.isReassigned(binding) ? binding : null;
}

/** Calls made later on the variable a request expression is stored in: `const req = make(); req.set(...)`. */
export function callsOnStoredValue(ctx: DetectContext, expression: AstNode): ChainedCall[] {
  const binding = storedIn(ctx, expression);
  return binding ? callsOnBinding(ctx, binding) : [];
}

/** `name.method(...)` calls for every reference to `binding`, with what is chained on them unless `withChains` is false. */
export function callsOnBinding(ctx: DetectContext, binding: Binding, withChains = true): ChainedCall[] {
  const out: ChainedCall[] = [];
  for (const call of ctx.index.calls) {
    if (!isCall(call)) continue;
    const callee = unwrap(call.callee);
    if (!callee || !isMember(callee)) continue;
    const object = unwrap(callee.object);
    const name = memberPropertyName(callee);
    if (object?.type !== 'Identifier' || name === null || ctx.index.resolve(object) !== binding) continue;
    out.push({ name, call });
    if (withChains) out.push(...chainAfter(ctx, call));
  }
  return out;
}

/** A `null` / `undefined` literal (an argument that is written but means "none"). */
export function isNullish(raw: AstNode | null): boolean {
  const node = unwrap(raw);
  if (!node) return true;
  if (node.type === 'NullLiteral' || (node.type === 'Literal' && node.value === null && !node.regex)) return true;
  return node.type === 'Identifier' && node.name === 'undefined';
}

/** True for a function expression, or a name that resolves to a same-file function. */
export function isFunctionLike(ev: Evaluator, raw: AstNode | null, env: Env | null): boolean {
  const node = unwrap(raw);
  if (!node) return false;
  if (isFunction(node) || node.type === 'FunctionExpression') return true;
  return ev.resolveFunction(node, env) !== null;
}

/**
 * `fn(options)` or `fn(url[, options][, callback])`: the options when they are an object we can see, the
 * URL argument when it comes first, and whether options were passed that we cannot see into.
 */
export function optionsOrUrlArguments(ev: Evaluator, call: AstNode, first: AstNode, env: Env | null): { options: Resolved | null; urlNode: AstNode | null; opaqueOptions: boolean } {
  const options = ev.resolveObject(first, env);
  if (options) return { options, urlNode: null, opaqueOptions: false };
  const second = argumentAt(call, 1);
  if (!second || isFunctionLike(ev, second, env)) return { options: null, urlNode: first, opaqueOptions: false };
  const resolved = ev.resolveObject(second, env);
  return { options: resolved, urlNode: first, opaqueOptions: resolved === null };
}

/**
 * `obj.<method>('Authorization', 'Basic …')` calls in `calls`: an XHR's `setRequestHeader`, Node's
 * `setHeader`, superagent's `set`. `kind` is what the evidence is called.
 */
export function basicAuthFromHeaderSetters(
  ev: Evaluator,
  calls: ChainedCall[],
  methods: ReadonlySet<string>,
  kind: AuthEvidence['kind'],
  env: Env | null,
): AuthEvidence[] {
  const out: AuthEvidence[] = [];
  for (const { name, call } of calls) {
    if (!methods.has(name)) continue;
    const headerName = staticText(ev.evaluate(argumentAt(call, 0), env));
    if (headerName?.toLowerCase() !== 'authorization') continue;
    const value = argumentAt(call, 1);
    const basic = value ? basicAuthValue(ev, value, env) : null;
    if (basic) out.push({ kind, node: call, user: basic.user, password: basic.password, combined: basic.combined, helper: basic.helper, hardcoded: basic.hardcoded, env });
  }
  return out;
}

/** True when a header-setter call names an XML content type: `.set('Accept', 'application/xml')`. */
export function setsXmlHeader(ev: Evaluator, calls: ChainedCall[], methods: ReadonlySet<string>, env: Env | null): boolean {
  for (const { name, call } of calls) {
    if (!methods.has(name)) continue;
    const headerName = staticText(ev.evaluate(argumentAt(call, 0), env))?.toLowerCase();
    if (headerName !== 'accept' && headerName !== 'content-type') continue;
    const text = staticText(ev.evaluate(argumentAt(call, 1), env));
    if (text && /\bxml\b/i.test(text) && !/json/i.test(text)) return true;
  }
  return false;
}

/** Every call inside a function's body (not inside nested functions), in source order. */
export function callsInFunction(fn: AstNode): AstNode[] {
  const body = fn.type === 'MethodDefinition' || (fn.type === 'Property' && fn.method) ? fn.value?.body : fn.body;
  if (!body) return [];
  const out: AstNode[] = [];
  walk(body, (node) => {
    if (node !== body && isFunction(node)) return false;
    if (isCall(node)) out.push(node);
    return undefined;
  });
  return out;
}

/**
 * The verb helpers request and superagent both offer (`request.get(...)`, `superagent.del(...)`) and
 * the method each sends; `del` is the old name of `delete`.
 */
export const VERB_HELPERS: ReadonlyMap<string, HttpMethod> = new Map<string, HttpMethod>([
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['del', 'DELETE'],
  ['delete', 'DELETE'],
  ['options', 'OPTIONS'],
]);
