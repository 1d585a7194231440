// request and its promise wrappers (request-promise, request-promise-native, ...): `request(options)`,
// `request(url, options, cb)`, `request.get/post/put/patch/del(...)`, instances from `request.defaults`.
import { argumentAt, isCall, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import { authOptionEvidence } from '../auth.ts';
import type { Env } from '../evaluate.ts';
import type { HttpMethod } from '../../types.ts';
import { callDetector, memo, type AuthEvidence, type ClientConfigMatch, type DetectContext, type Detector, type RequestMatch } from './detector.ts';
import { authOption, headerAndUrlAuth, inheritedBaseUrl, isXmlRequest, optionValue, optionsRequestMethod, requestMethod, urlExpression } from './shared.ts';
import { callsOnStoredValue, chainAfter, chainEnd, moduleMemberCall, moduleOf, optionsOrUrlArguments, storedIn, VERB_HELPERS, type ChainedCall } from './client-support.ts';

const MODULES: ReadonlySet<string> = new Set([
  'request',
  'request-promise',
  'request-promise-native',
  'request-promise-any',
  '@cypress/request',
  'postman-request',
]);

export const requestDetector: Detector = callDetector('request', matchRequestCall, defaultsConfigs);

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
      const auth = [...authOption(ctx, options), ...headerAndUrlAuth(ctx, headers, null, options?.env ?? null)];
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
  const helper = name !== null ? VERB_HELPERS.get(name) : undefined;
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
  const { options, urlNode: urlArgument, opaqueOptions } = optionsOrUrlArguments(ev, call, first, env);
  const readEnv = options?.env ?? env;
  const urlNode = urlArgument ?? optionValue(options, 'uri') ?? optionValue(options, 'url');
  const url = urlExpression(ctx, urlNode, urlNode === first ? env : readEnv);
  const baseOption = optionValue(options, 'baseUrl');
  const baseUrl = baseOption ? urlExpression(ctx, baseOption, readEnv) : inheritedBaseUrl(kind.config);
  if (!url && !baseUrl) return null;

  // A helper's method wins over the options.
  const { method, methodNode, methodSource } = kind.helper
    ? requestMethod(ev, null, false, readEnv, kind.helper, 'helper')
    : optionsRequestMethod(ev, options, opaqueOptions, readEnv, 'GET', 'default');

  const headers = optionValue(options, 'headers');
  const chain = [...chainAfter(ctx, call), ...callsOnStoredValue(ctx, chainEnd(ctx, call))];
  const auth: AuthEvidence[] = [...authOption(ctx, options), ...chainAuth(ctx, chain, env), ...headerAndUrlAuth(ctx, headers, url, readEnv)];
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

function inheritedAuth(config: ClientConfigMatch): AuthEvidence[] {
  for (let c: ClientConfigMatch | null = config; c; c = c.parent) if (c.auth.length > 0) return c.auth;
  return [];
}
