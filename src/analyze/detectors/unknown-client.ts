// Calls to an HTTP client no other detector knows (ky, undici, needle, an in-house SDK...) that are
// handed a legacy API URL. Without this, a legacy call through such a client would go unreported,
// and `check` would pass while it remains. Such a request is judged like any other but never
// rewritten: the codemod knows nothing of the client (see `unknownClient` in classify.ts). A call
// that a known detector, a wrapper or a known request already accounts for is dropped afterwards
// (`unclaimed` in ../unclaimed.ts).
//
// Only what the call's own arguments show is read: the URL (the first argument, the one after a
// method name, or a url-like option), the method (the callee's last name, a method argument or
// option), and basic auth in the headers, auth or username/password options, so that a key written
// there is redacted like any other.
import type { HttpMethod } from '../../types.ts';
import { HOLE } from '../endpoints.ts';
import { argumentAt, calleeName, isCall, isMember, memberPropertyName, stringValue, unwrap, type AstNode } from '../ast.ts';
import { inlineImport, isMainExport } from '../imports.ts';
import type { Env } from '../evaluate.ts';
import { renderPartial } from '../partial.ts';
import type { DetectContext, Detector, RequestMatch } from './detector.ts';
import { credentialOptions, headerAndUrlAuth, optionValue, urlExpression } from './shared.ts';

const UNKNOWN_CLIENT = 'unknown-client';

const METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD',
};

const URL_OPTIONS = ['url', 'uri', 'href', 'endpoint', 'baseURL', 'baseUrl', 'prefixUrl'];

/** Callees that take a URL without sending a request with it: logging, string, URL and path handling, assertions, navigation. */
const NOT_A_REQUEST_ROOT = new Set(['console', 'logger', 'log', 'debug', 'assert', 'expect', 'path', 'url', 'querystring', 'util', 'JSON', 'String', 'Object', 'Array', 'Promise', 'Math', 'require']);
const NOT_A_REQUEST_NAME = new Set([
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'format', 'join', 'resolve', 'parse', 'stringify',
  'encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'includes', 'startsWith', 'endsWith',
  'replace', 'replaceAll', 'split', 'match', 'test', 'indexOf', 'concat', 'push', 'has', 'add', 'toBe',
  'toEqual', 'toContain', 'toMatch', 'toHaveBeenCalledWith', 'equal', 'deepEqual', 'strictEqual', 'require', 'URL',
  'open', 'assign', 'navigate', 'redirect',
]);

/** `/api/v2` as a path segment; what follows may be a part not known statically (a wrapper's parameter). */
const V2_PATH = new RegExp(`/api/v2(?:[/?#.${HOLE}]|$)`, 'i');

/** Constructors handed a URL that make no client: the URL itself, a fetch `Request` (its fetch is read), errors, patterns. */
const NOT_A_CLIENT_CLASS = new Set(['URL', 'URLSearchParams', 'Request', 'Response', 'Headers', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet']);

/**
 * Calls, and constructors (`new InHouseSdk({ baseUrl, username, apiKey })`): an SDK made with a
 * legacy base URL and credentials sends its requests where they cannot be followed, like one made
 * by a factory call (`makeSdk({...})`).
 */
export const unknownClientDetector: Detector = {
  name: UNKNOWN_CLIENT,
  detect(ctx) {
    const matches: RequestMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call) && call.type !== 'NewExpression') continue;
      const match = matchUnknownClientCall(ctx, call, null);
      if (match) matches.push(match);
    }
    return matches;
  },
  rematch(ctx, match, env) {
    return matchUnknownClientCall(ctx, match.call, env);
  },
};

function matchUnknownClientCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const name = calleeLabel(call.callee);
  if (name !== null && isNotARequest(name)) return null;
  if (call.type === 'NewExpression' && (name === null || isNotAClient(name) || isProjectClass(ctx, call, env))) return null;

  const first = argumentAt(call, 0);
  const methodArgument = methodNamed(stringValue(first));
  const firstOptions = first && !methodArgument ? ctx.evaluator.resolveObject(first, env) : null;
  const options = firstOptions ?? ctx.evaluator.resolveObject(argumentAt(call, methodArgument ? 2 : 1), env);
  const urlNode = firstOptions ? URL_OPTIONS.map((key) => optionValue(firstOptions, key)).find(Boolean) ?? null : argumentAt(call, methodArgument ? 1 : 0);
  const readEnv = options?.env ?? env;
  const url = urlExpression(ctx, urlNode, firstOptions ? readEnv : env);
  if (!url || !V2_PATH.test(renderPartial(url.value))) return null;

  const optionMethod = optionValue(options, 'method');
  const method = methodArgument ?? methodNamed(name?.slice(name.lastIndexOf('.') + 1) ?? null) ?? (optionMethod ? ctx.evaluator.evaluateMethod(optionMethod, readEnv) : null);
  const headers = optionValue(options, 'headers');
  return {
    client: name ?? 'a client not known statically',
    call,
    url,
    baseUrl: null,
    method,
    methodNode: optionMethod,
    methodSource: 'default',
    auth: [...headerAndUrlAuth(ctx, headers, url, readEnv), ...credentialOptions(ctx, options)],
    headers,
    options: options?.node ?? null,
    config: null,
    browserSide: false,
    xml: false,
    env,
    unknownClient: true,
  };
}

/**
 * The callee's name, with a module loaded in place named as the module: `require('undici').request`
 * is `undici.request` (not `require.request`, which would read as a call of `require`).
 */
function calleeLabel(raw: AstNode | null | undefined): string | null {
  const node = unwrap(raw);
  const inline = inlineImport(node);
  if (inline) return isMainExport(inline) ? inline.source : `${inline.source}.${inline.imported}`;
  if (node && isMember(node)) {
    const object = calleeLabel(node.object);
    const prop = memberPropertyName(node);
    return object !== null && prop !== null ? `${object}.${prop}` : null;
  }
  return calleeName(node);
}

function isNotARequest(name: string): boolean {
  const dot = name.indexOf('.');
  const root = dot === -1 ? name : name.slice(0, dot);
  return NOT_A_REQUEST_ROOT.has(root) || NOT_A_REQUEST_NAME.has(name.slice(name.lastIndexOf('.') + 1));
}

/** A class of the project itself (this file's, or another's the cross-file pass finds): its own requests are read where it makes them. */
function isProjectClass(ctx: DetectContext, call: AstNode, env: Env | null): boolean {
  const target = ctx.evaluator.resolve(call.callee, env)?.node;
  return target?.type === 'ClassDeclaration' || target?.type === 'ClassExpression';
}

function isNotAClient(name: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return NOT_A_CLIENT_CLASS.has(last) || /(?:Error|Exception)$/.test(last);
}

function methodNamed(word: string | null): HttpMethod | null {
  const key = word?.toLowerCase();
  return key !== undefined && Object.hasOwn(METHODS, key) ? METHODS[key] : null;
}
