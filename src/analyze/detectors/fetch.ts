// fetch: the global (also `window.fetch`, `globalThis.fetch`), node-fetch, cross-fetch and friends.
import { argumentAt, calleeName, isCall, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import type { Env } from '../evaluate.ts';
import { inlineImport } from '../imports.ts';
import type { DetectContext, Detector, RequestMatch } from './detector.ts';
import { headerAndUrlAuth, isXmlRequest, optionValue, optionsObject, optionsRequestMethod, urlExpression } from './shared.ts';

/** Modules whose default (or `fetch`) export is a fetch function. */
const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'undici', '@whatwg-node/fetch', 'make-fetch-happen']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

export const fetchDetector: Detector = {
  name: 'fetch',
  detect(ctx) {
    const matches: RequestMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call)) continue;
      const kind = fetchCallee(ctx, call.callee);
      if (!kind) continue;
      const match = matchFetchCall(ctx, call, null);
      if (match) {
        if (kind === 'window') match.browserSide = true;
        matches.push(match);
      }
    }
    return matches;
  },
  rematch(ctx, match, env) {
    const again = matchFetchCall(ctx, match.call, env);
    if (again) again.browserSide = match.browserSide;
    return again;
  },
};

/** 'global', 'window' (called through a browser global object) or 'module'; null when not fetch. */
export function fetchCallee(ctx: DetectContext, raw: AstNode): 'global' | 'window' | 'module' | null {
  const callee = unwrap(raw);
  if (!callee) return null;
  if (callee.type === 'Identifier') {
    const ref = ctx.imports.of(callee);
    if (ref === 'global') return callee.name === 'fetch' ? 'global' : null;
    if (ref && FETCH_MODULES.has(ref.source) && (ref.imported === 'default' || ref.imported === '*' || ref.imported === 'fetch')) return 'module';
    return null;
  }
  if (isMember(callee)) {
    const object = unwrap(callee.object);
    const prop = memberPropertyName(callee);
    if (object?.type === 'Identifier' && prop === 'fetch' && GLOBAL_OBJECTS.has(object.name) && ctx.imports.of(object) === 'global') {
      return object.name === 'window' || object.name === 'self' ? 'window' : 'global';
    }
    if (object?.type === 'Identifier' && (prop === 'default' || prop === 'fetch')) {
      const ref = ctx.imports.of(object);
      if (ref && ref !== 'global' && FETCH_MODULES.has(ref.source)) return 'module';
    }
  }
  // `require('node-fetch')(url)`, `(await import('node-fetch')).default(url)`.
  const inline = inlineImport(callee);
  if (inline && FETCH_MODULES.has(inline.source) && (inline.imported === 'default' || inline.imported === '*' || inline.imported === 'fetch')) return 'module';
  return null;
}

/**
 * The `new Request(url, init)` a fetch is handed, written inline or held in a variable
 * (`const req = new Request(...); fetch(req)`), with the parameter values to read it with.
 */
function requestObject(ctx: DetectContext, target: AstNode | null, env: Env | null): { node: AstNode; env: Env | null } | null {
  const first = unwrap(target);
  if (first?.type === 'NewExpression' && calleeName(first) === 'Request') return { node: first, env };
  if (first?.type !== 'Identifier') return null;
  const held = ctx.evaluator.resolve(first, env);
  return held && held.node.type === 'NewExpression' && calleeName(held.node) === 'Request' ? held : null;
}

/** Reads one fetch call: `fetch(url, init)` or `fetch(new Request(url, init))`, the Request inline or in a variable. */
export function matchFetchCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  let target = argumentAt(call, 0);
  let initNode = argumentAt(call, 1);
  let urlEnv = env;
  let initEnv = env;
  const request = requestObject(ctx, target, env);
  if (request) {
    target = argumentAt(request.node, 0);
    urlEnv = request.env;
    if (!initNode) {
      initNode = argumentAt(request.node, 1);
      initEnv = request.env;
    }
  }
  const url = urlExpression(ctx, target, urlEnv);
  if (!url) return null;
  const init = optionsObject(ctx.evaluator, initNode, initEnv);
  const readEnv = init?.env ?? initEnv;
  // Options we cannot see may set any method.
  const { method, methodNode, methodSource } = optionsRequestMethod(ctx.evaluator, init, !!initNode && !init, readEnv, 'GET', 'default');
  const headers = optionValue(init, 'headers');
  const body = optionValue(init, 'body');
  return {
    client: 'fetch',
    call,
    url,
    baseUrl: null,
    method,
    methodNode,
    methodSource,
    auth: headerAndUrlAuth(ctx, headers, url, readEnv),
    headers,
    options: init?.node ?? null,
    config: null,
    browserSide: false,
    xml: isXmlRequest(ctx.evaluator, headers, body, readEnv),
    env,
  };
}
