// request and its promise wrappers (request-promise, request-promise-native, ...): `request(options)`,
// `request(url, options, cb)`, `request.get/post/put/patch/del(...)`, instances from `request.defaults`.
import { argumentAt, getPropertyNode, isCall, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import { authObjectEvidence, authOptionEvidence } from '../auth.ts';
import type { Env, Resolved } from '../evaluate.ts';
import type { HttpMethod } from '../../types.ts';
import { memo, type AuthEvidence, type ClientConfigMatch, type DetectContext, type Detector, type RequestMatch } from './detector.ts';
import { headerAndUrlAuth, isXmlRequest, optionValue, urlExpression } from './shared.ts';
import { callsOnStoredValue, chainAfter, chainEnd, isFunctionLike, moduleMemberCall, moduleOf, storedIn, type ChainedCall } from './client-support.ts';

const MODULES: ReadonlySet<string> = new Set([
  'request',
  'request-promise',
  'request-promise-native',
  'request-promise-any',
  '@cypress/request',
  'postman-request',
]);
/** Method helpers and the method each sends (`del` is the old name of `delete`). */
const HELPERS: ReadonlyMap<string, HttpMethod> = new Map<string, HttpMethod>([
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['del', 'DELETE'],
  ['delete', 'DELETE'],
  ['options', 'OPTIONS'],
]);

export const requestDetector: Detector = {
  name: 'request',
  detect(ctx) {
    const matches: RequestMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call)) continue;
      const match = matchRequestCall(ctx, call, null);
      if (match) matches.push(match);
    }
    return matches;
  },
  rematch(ctx, match, env) {
    return matchRequestCall(ctx, match.call, env);
  },
  detectConfigs(ctx) {
    return defaultsConfigs(ctx);
  },
};

/** `request.defaults({ baseUrl, auth, headers })`, also on an instance (`api.defaults(...)`). Memoized. */
function defaultsConfigs(ctx: DetectContext): ClientConfigMatch[] {
  return memo(ctx, 'request:defaults', () => {
    const out: ClientConfigMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call)) continue;
      const callee = unwrap(call.callee);
      if (!callee || !isMember(callee) || memberPropertyName(callee) !== 'defaults') continue;
      const parent = moduleOf(ctx, callee.object, MODULES)?.export === 'main' ? null : instanceOf(ctx, callee.object, out);
      if (!parent && moduleOf(ctx, callee.object, MODULES)?.export !== 'main') continue;
      const options = ctx.evaluator.resolveObject(argumentAt(call, 0));
      const binding = storedIn(ctx, call);
      const headers = optionValue(options, 'headers');
      const auth = [...optionAuth(ctx, options), ...headerAndUrlAuth(ctx, headers, null, options?.env ?? null)];
      const base = optionValue(options, 'baseUrl');
      out.push({
        client: 'request',
        node: call,
        kind: 'instance',
        instanceName: binding?.name ?? null,
        binding,
        options: options?.node ?? null,
        baseUrl: base ? urlExpression(ctx, base, options?.env ?? null) : null,
        auth,
        headers,
        parent,
      });
    }
    return out;
  });
}

function instanceOf(ctx: DetectContext, raw: AstNode | null, known: ClientConfigMatch[] = defaultsConfigs(ctx)): ClientConfigMatch | null {
  const node = unwrap(raw);
  if (node?.type !== 'Identifier') return null;
  const binding = ctx.index.resolve(node);
  return binding ? known.find((c) => c.binding === binding) ?? null : null;
}

/** What a callee is: the module (or an instance) called directly, or one of its method helpers. */
function calleeKind(ctx: DetectContext, call: AstNode): { config: ClientConfigMatch | null; helper: HttpMethod | null } | null {
  const callee = unwrap(call.callee);
  if (!callee) return null;
  if (callee.type === 'Identifier') {
    if (moduleOf(ctx, callee, MODULES)?.export === 'main') return { config: null, helper: null };
    const config = instanceOf(ctx, callee);
    return config ? { config, helper: null } : null;
  }
  if (!isMember(callee)) return null;
  const name = memberPropertyName(callee);
  const helper = name !== null ? HELPERS.get(name) : undefined;
  if (!helper) return null;
  if (moduleMemberCall(ctx, call, MODULES)) return { config: null, helper };
  const config = instanceOf(ctx, callee.object);
  return config ? { config, helper } : null;
}

/** Reads one request call, or returns null when `call` is not one. */
export function matchRequestCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const kind = calleeKind(ctx, call);
  if (!kind) return null;
  const ev = ctx.evaluator;
  const first = argumentAt(call, 0);
  if (!first) return null;

  // `request(options)` or `request(url[, options][, callback])`.
  let options: Resolved | null = ev.resolveObject(first, env);
  let urlNode: AstNode | null = null;
  let opaqueOptions = false;
  if (!options) {
    urlNode = first;
    const second = argumentAt(call, 1);
    if (second && !isFunctionLike(ev, second, env)) {
      options = ev.resolveObject(second, env);
      opaqueOptions = options === null;
    }
  }
  const readEnv = options?.env ?? env;
  if (!urlNode) urlNode = optionValue(options, 'uri') ?? optionValue(options, 'url');
  const url = urlExpression(ctx, urlNode, urlNode === first ? env : readEnv);
  const baseOption = optionValue(options, 'baseUrl');
  const baseUrl = baseOption ? urlExpression(ctx, baseOption, readEnv) : inheritedBaseUrl(kind.config);
  if (!url && !baseUrl) return null;

  let method: HttpMethod | null = kind.helper ?? 'GET';
  let methodNode: AstNode | null = null;
  let methodSource: RequestMatch['methodSource'] = kind.helper ? 'helper' : 'default';
  const methodOption = optionValue(options, 'method');
  if (!kind.helper && methodOption) {
    methodNode = methodOption;
    methodSource = 'option';
    method = ev.evaluateMethod(methodOption, readEnv);
  } else if (!kind.helper && opaqueOptions) {
    method = null;
    methodSource = 'option';
  }

  const headers = optionValue(options, 'headers');
  const chain = [...chainAfter(ctx, call), ...callsOnStoredValue(ctx, chainEnd(ctx, call))];
  const auth: AuthEvidence[] = [...optionAuth(ctx, options), ...chainAuth(ctx, chain, env), ...headerAndUrlAuth(ctx, headers, url, readEnv)];
  if (kind.config && !auth.some((a) => a.kind === 'auth-option' || a.kind === 'basic-header')) auth.push(...inheritedAuth(kind.config));

  return {
    client: 'request',
    call,
    url,
    baseUrl,
    method,
    methodNode,
    methodSource,
    auth,
    headers,
    options: options?.node ?? null,
    config: kind.config,
    browserSide: false,
    xml: isXmlRequest(ev, headers, optionValue(options, 'body'), readEnv),
    env,
  };
}

/** `auth: { user, pass }` / `{ username, password }`; `{ bearer }` is not basic auth. */
function optionAuth(ctx: DetectContext, options: Resolved | null): AuthEvidence[] {
  const prop = options ? getPropertyNode(options.node, 'auth') : null;
  if (!prop || !options) return [];
  const evidence = authObjectEvidence(ctx.evaluator, prop, options.env);
  return evidence ? [evidence] : [];
}

/** `request(...).auth(user, pass[, sendImmediately, bearer])`: a bearer token is not basic auth. */
function chainAuth(ctx: DetectContext, chain: ChainedCall[], env: Env | null): AuthEvidence[] {
  const out: AuthEvidence[] = [];
  for (const { name, call } of chain) {
    if (name !== 'auth') continue;
    const user = argumentAt(call, 0);
    const pass = argumentAt(call, 1);
    if (!user || !pass || argumentAt(call, 3)) continue;
    out.push(authOptionEvidence(ctx.evaluator, call, user, pass, env, 'auth-option'));
  }
  return out;
}

function inheritedBaseUrl(config: ClientConfigMatch | null): RequestMatch['baseUrl'] {
  for (let c = config; c; c = c.parent) if (c.baseUrl) return c.baseUrl;
  return null;
}

function inheritedAuth(config: ClientConfigMatch): AuthEvidence[] {
  for (let c: ClientConfigMatch | null = config; c; c = c.parent) if (c.auth.length > 0) return c.auth;
  return [];
}
