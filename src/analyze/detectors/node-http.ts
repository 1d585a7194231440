// Node's http / https: `https.request(options[, cb])`, `https.request(url[, options][, cb])` and
// `.get(...)`, with the URL from `protocol` + `hostname`/`host` + `port` + `path`, or a URL string or
// `new URL(...)`; basic auth from `auth: 'user:key'`, an Authorization header, or `req.setHeader(...)`.
import { argumentAt, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import type { Env, Resolved } from '../evaluate.ts';
import { renderPartial, slicePartial, type PartialString } from '../partial.ts';
import { splitUrl } from '../url.ts';
import { callDetector, type AuthEvidence, type DetectContext, type Detector, type RequestMatch, type UrlExpression } from './detector.ts';
import { authOption, headerAndUrlAuth, isXmlRequest, optionValue, optionsRequestMethod, urlExpression } from './shared.ts';
import { basicAuthFromHeaderSetters, callsOnStoredValue, moduleOf, optionsOrUrlArguments, type ChainedCall } from './client-support.ts';

const MODULES: ReadonlySet<string> = new Set(['http', 'https', 'node:http', 'node:https']);
const REQUEST_FUNCTIONS: ReadonlySet<string> = new Set(['request', 'get']);
const SETTERS: ReadonlySet<string> = new Set(['setHeader']);
const BODY_WRITERS: ReadonlySet<string> = new Set(['write', 'end']);

export const nodeHttpDetector: Detector = callDetector('node-http', matchNodeHttpCall);

/** `https.request` / `http.get` (module member or named import): the module and the function name. */
function requestFunction(ctx: DetectContext, call: AstNode): { module: string; fn: string } | null {
  const callee = unwrap(call.callee);
  if (!callee) return null;
  if (callee.type === 'Identifier') {
    const ref = moduleOf(ctx, callee, MODULES);
    return ref && REQUEST_FUNCTIONS.has(ref.export) ? { module: ref.module, fn: ref.export } : null;
  }
  if (!isMember(callee)) return null;
  const fn = memberPropertyName(callee);
  if (fn === null || !REQUEST_FUNCTIONS.has(fn)) return null;
  const ref = moduleOf(ctx, callee.object, MODULES);
  return ref?.export === 'main' ? { module: ref.module, fn } : null;
}

/** Reads one http(s).request / .get call, or returns null when `call` is not one. */
export function matchNodeHttpCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const target = requestFunction(ctx, call);
  if (!target) return null;
  const ev = ctx.evaluator;
  const first = argumentAt(call, 0);
  if (!first) return null;

  const { options, urlNode, opaqueOptions } = optionsOrUrlArguments(ev, call, first, env);
  const urlArg = urlNode ? urlExpression(ctx, urlNode, env) : null;
  const readEnv = options?.env ?? env;
  const defaultScheme = target.module.endsWith('https') ? 'https:' : 'http:';
  const url = requestUrl(ctx, options, urlArg, defaultScheme);
  if (!url) return null;

  const { method, methodNode, methodSource } = optionsRequestMethod(ev, options, opaqueOptions, readEnv, 'GET', target.fn === 'get' ? 'helper' : 'default');

  const headers = optionValue(options, 'headers');
  const later = callsOnStoredValue(ctx, call);
  const auth: AuthEvidence[] = [...authOption(ctx, options), ...headerAndUrlAuth(ctx, headers, urlArg, readEnv)];
  auth.push(...basicAuthFromHeaderSetters(ev, later, SETTERS, 'set-request-header', env));

  return {
    client: 'node-http',
    call,
    url,
    baseUrl: null,
    method,
    methodNode,
    methodSource,
    auth,
    headers,
    options: options?.node ?? null,
    config: null,
    browserSide: false,
    xml: isXmlRequest(ev, headers, null, readEnv) || writesXml(ctx, later, env),
    env,
  };
}

/**
 * The request URL. From a URL argument alone, that argument; from options alone, the options object
 * with its parts joined (`https:` + `//` + hostname + `:port` + path); from both, the URL with the
 * options' host and path taking precedence, as Node merges them.
 */
function requestUrl(ctx: DetectContext, options: Resolved | null, urlArg: UrlExpression | null, defaultScheme: string): UrlExpression | null {
  if (!options) return urlArg;
  const ev = ctx.evaluator;
  const env = options.env;
  const hostNode = optionValue(options, 'hostname') ?? optionValue(options, 'host');
  const pathNode = optionValue(options, 'path');
  const protocolNode = optionValue(options, 'protocol');
  const portNode = optionValue(options, 'port');
  if (urlArg && !hostNode && !pathNode) return urlArg;

  const fromUrl = urlArg ? splitOrigin(urlArg.value) : null;
  let origin: PartialString;
  if (hostNode) {
    const scheme: PartialString = protocolNode ? ev.evaluate(protocolNode, env) : [{ text: defaultScheme }];
    const port: PartialString = portNode ? [{ text: ':' }, ...ev.evaluate(portNode, env)] : [];
    origin = [...scheme, { text: '//' }, ...ev.evaluate(hostNode, env), ...port];
  } else if (fromUrl) {
    origin = fromUrl.origin;
  } else {
    return null; // no host anywhere: a request to localhost, not ours to judge
  }
  const path: PartialString = pathNode ? ev.evaluate(pathNode, env) : fromUrl ? fromUrl.rest : [{ text: '/' }];
  return { node: urlArg && !hostNode ? urlArg.node : options.node, value: [...origin, ...path] };
}

/** A URL split before its path: `https://host:port` and `/path?query`. */
function splitOrigin(value: PartialString): { origin: PartialString; rest: PartialString } | null {
  const rendered = renderPartial(value);
  const parts = splitUrl(rendered);
  if (!parts.hostRange) return null;
  const afterHost = rendered.slice(parts.hostRange[1]);
  const portLength = /^:[^/?#]*/.exec(afterHost)?.[0].length ?? 0;
  const cut = parts.hostRange[1] + portLength;
  return { origin: slicePartial(value, 0, cut), rest: slicePartial(value, cut, rendered.length) };
}

/** `req.write('<?xml …')` / `req.end('<…')` on the stored request. */
function writesXml(ctx: DetectContext, later: ChainedCall[], env: Env | null): boolean {
  return later.some(({ name, call }) => BODY_WRITERS.has(name) && isXmlRequest(ctx.evaluator, null, argumentAt(call, 0), env));
}
