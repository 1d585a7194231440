// superagent: `superagent.get(url).auth(u, k)`, `superagent('POST', url)`, `.set('Authorization', …)`,
// and agents from `superagent.agent()` whose `.auth()` / `.set()` apply to every request they send.
import { argumentAt, getProperty, isCall, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import { authOptionEvidence, basicAuthFromHeaders } from '../auth.ts';
import type { Env } from '../evaluate.ts';
import { staticText } from '../partial.ts';
import type { HttpMethod } from '../../types.ts';
import { callDetector, memo, type AuthEvidence, type ClientConfigMatch, type DetectContext, type Detector, type RequestMatch } from './detector.ts';
import { headerAndUrlAuth, isXmlRequest, urlExpression } from './shared.ts';
import {
  basicAuthFromHeaderSetters,
  callsOnBinding,
  callsOnStoredValue,
  chainAfter,
  chainEnd,
  isFunctionLike,
  moduleMemberCall,
  moduleOf,
  setsXmlHeader,
  storedIn,
  type ChainedCall,
  VERB_HELPERS,
} from './client-support.ts';

const MODULES: ReadonlySet<string> = new Set(['superagent']);
const SETTERS: ReadonlySet<string> = new Set(['set']);

export const superagentDetector: Detector = callDetector('superagent', matchSuperagentCall, agentConfigs);

/** Agents made with `superagent.agent()`, with the auth and headers set on them. Memoized per file. */
function agentConfigs(ctx: DetectContext): ClientConfigMatch[] {
  return memo(ctx, 'superagent:agents', () => {
    const out: ClientConfigMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call) || moduleMemberCall(ctx, call, MODULES)?.member !== 'agent') continue;
      const chain = chainAfter(ctx, call);
      const end = chain.length > 0 ? chain[chain.length - 1].call : call;
      const binding = storedIn(ctx, end);
      const later = binding ? callsOnBinding(ctx, binding, false).filter((c) => !VERB_HELPERS.has(c.name)) : [];
      const setup = [...chain, ...later];
      out.push({
        client: 'superagent',
        node: end,
        kind: 'instance',
        instanceName: binding?.name ?? null,
        binding,
        options: null,
        baseUrl: null,
        auth: chainAuth(ctx, setup, null),
        headers: null,
        parent: null,
      });
    }
    return out;
  });
}

/** Reads one superagent request, or returns null when `call` does not start one. */
export function matchSuperagentCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const start = requestStart(ctx, call, env);
  if (!start) return null;
  const url = urlExpression(ctx, start.urlNode, env);
  if (!url) return null;

  const chain = [...chainAfter(ctx, call), ...callsOnStoredValue(ctx, chainEnd(ctx, call))];
  const auth = [...chainAuth(ctx, chain, env), ...headerAndUrlAuth(ctx, null, url, env)];
  if (start.config && !auth.some((a) => a.kind !== 'userinfo')) auth.push(...start.config.auth);

  const headerObject = chain.find((c) => SETTERS.has(c.name) && argumentAt(c.call, 1) === null && ctx.evaluator.resolveObject(argumentAt(c.call, 0), env) !== null);
  const body = chain.find((c) => c.name === 'send');
  return {
    client: 'superagent',
    call,
    url,
    baseUrl: null,
    method: start.method,
    methodNode: start.methodNode,
    methodSource: start.methodSource,
    auth,
    headers: headerObject ? argumentAt(headerObject.call, 0) : null,
    options: null,
    config: start.config,
    browserSide: false,
    xml: isXml(ctx, chain, body ? argumentAt(body.call, 0) : null, env),
    env,
  };
}

interface RequestStart {
  urlNode: AstNode | null;
  method: HttpMethod | null;
  methodNode: AstNode | null;
  methodSource: RequestMatch['methodSource'];
  config: ClientConfigMatch | null;
}

/** `superagent.get(url)`, `superagent(url)`, `superagent(method, url)`, `agent.get(url)`. */
function requestStart(ctx: DetectContext, call: AstNode, env: Env | null): RequestStart | null {
  const callee = unwrap(call.callee);
  if (!callee) return null;
  if (isMember(callee)) {
    const name = memberPropertyName(callee);
    const method = name !== null ? VERB_HELPERS.get(name) : undefined;
    if (!method) return null;
    const viaModule = moduleOf(ctx, callee.object, MODULES)?.export === 'main';
    const config = viaModule ? null : agentOf(ctx, callee.object);
    if (!viaModule && !config) return null;
    return { urlNode: argumentAt(call, 0), method, methodNode: null, methodSource: 'helper', config };
  }
  if (moduleOf(ctx, callee, MODULES)?.export !== 'main') return null;
  // `superagent(url)`, `superagent(url, callback)` or `superagent(method, url[, callback])`.
  const second = argumentAt(call, 1);
  if (second && !isFunctionLike(ctx.evaluator, second, env)) {
    const methodNode = argumentAt(call, 0);
    return { urlNode: second, method: ctx.evaluator.evaluateMethod(methodNode, env), methodNode, methodSource: 'option', config: null };
  }
  return { urlNode: argumentAt(call, 0), method: 'GET', methodNode: null, methodSource: 'default', config: null };
}

function agentOf(ctx: DetectContext, raw: AstNode | null): ClientConfigMatch | null {
  const object = unwrap(raw);
  if (object?.type !== 'Identifier') return null;
  const binding = ctx.index.resolve(object);
  if (!binding) return null;
  return agentConfigs(ctx).find((c) => c.binding === binding) ?? null;
}

/** `.auth(u, k)` (not `{ type: 'bearer' }`), `.set('Authorization', 'Basic …')` and `.set({ Authorization })`. */
function chainAuth(ctx: DetectContext, chain: ChainedCall[], env: Env | null): AuthEvidence[] {
  const ev = ctx.evaluator;
  const out: AuthEvidence[] = [];
  for (const { name, call } of chain) {
    if (name === 'auth') {
      const evidence = superagentAuthCall(ctx, call, env);
      if (evidence) out.push(evidence);
    } else if (SETTERS.has(name) && argumentAt(call, 1) === null) {
      out.push(...basicAuthFromHeaders(ev, argumentAt(call, 0), env));
    }
  }
  out.push(...basicAuthFromHeaderSetters(ev, chain, SETTERS, 'basic-header', env));
  return out;
}

function superagentAuthCall(ctx: DetectContext, call: AstNode, env: Env | null): AuthEvidence | null {
  const user = argumentAt(call, 0);
  const second = argumentAt(call, 1);
  const third = argumentAt(call, 2);
  const ev = ctx.evaluator;
  // `.auth(token, { type: 'bearer' })`: the second argument is the options, not a password.
  const secondIsOptions = second !== null && ev.resolveObject(second, env) !== null;
  const options = secondIsOptions ? second : third;
  const resolved = options ? ev.resolveObject(options, env) : null;
  const type = resolved ? staticText(ev.evaluate(getProperty(resolved.node, 'type'), resolved.env)) : null;
  if (type === 'bearer') return null;
  if (!user || secondIsOptions || !second) return null;
  return authOptionEvidence(ev, call, user, second, env, 'superagent-auth');
}

function isXml(ctx: DetectContext, chain: ChainedCall[], body: AstNode | null, env: Env | null): boolean {
  const ev = ctx.evaluator;
  if (setsXmlHeader(ev, chain, SETTERS, env)) return true;
  for (const { name, call } of chain) {
    if (name !== 'type' && name !== 'accept') continue;
    const text = staticText(ev.evaluate(argumentAt(call, 0), env));
    if (text && /\bxml\b/i.test(text)) return true;
  }
  return isXmlRequest(ev, null, body, env);
}
