// jQuery: `$.ajax(url, settings)` / `$.ajax(settings)` (also `jQuery.`, `window.$.`), `$.get`, `$.post`,
// `$.getJSON`, and `$.ajaxSetup({...})` defaults. Basic auth from `username` / `password`, `headers`, or
// `beforeSend(xhr) { xhr.setRequestHeader('Authorization', …) }`. Always browser-side: reported, never rewritten.
import { argumentAt, getProperty, getPropertyNode, isCall, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import { authOptionEvidence } from '../auth.ts';
import type { Env, Resolved } from '../evaluate.ts';
import { staticText } from '../partial.ts';
import type { HttpMethod } from '../../types.ts';
import { callDetector, memo, type AuthEvidence, type ClientConfigMatch, type DetectContext, type Detector, type RequestMatch } from './detector.ts';
import { headerAndUrlAuth, isXmlRequest, optionValue, optionsRequestMethod, urlExpression } from './shared.ts';
import { basicAuthFromHeaderSetters, callsInFunction, isFunctionLike, moduleOf, type ChainedCall } from './client-support.ts';

const MODULES: ReadonlySet<string> = new Set(['jquery']);
const GLOBAL_NAMES: ReadonlySet<string> = new Set(['$', 'jQuery']);
const WINDOW_NAMES: ReadonlySet<string> = new Set(['window', 'globalThis', 'self']);
/** Shorthand functions and the method each one sends (null: `ajax`, whose method is a setting). */
const FUNCTIONS: Readonly<Record<string, HttpMethod | null>> = { ajax: null, get: 'GET', post: 'POST', getJSON: 'GET' };

export const jqueryDetector: Detector = callDetector('jquery', matchJqueryCall, setupConfigs);

/** `$`, `jQuery` (globals or imported from 'jquery'), `window.$`, `window.jQuery`. */
function isJquery(ctx: DetectContext, raw: AstNode | null): boolean {
  const node = unwrap(raw);
  if (!node) return false;
  if (node.type === 'Identifier') {
    if (GLOBAL_NAMES.has(node.name) && ctx.imports.of(node) === 'global') return true;
    return moduleOf(ctx, node, MODULES)?.export === 'main';
  }
  if (isMember(node)) {
    const object = unwrap(node.object);
    const name = memberPropertyName(node);
    return object?.type === 'Identifier' && WINDOW_NAMES.has(object.name) && ctx.imports.of(object) === 'global' && name !== null && GLOBAL_NAMES.has(name);
  }
  return false;
}

/** `$.<name>(...)` on jQuery: the function name, or null. */
function jqueryFunction(ctx: DetectContext, call: AstNode): string | null {
  const callee = unwrap(call.callee);
  if (!callee || !isMember(callee)) return null;
  const name = memberPropertyName(callee);
  return name !== null && isJquery(ctx, callee.object) ? name : null;
}

/** `$.ajaxSetup({...})`: defaults every later request in the page inherits. Memoized per file. */
function setupConfigs(ctx: DetectContext): ClientConfigMatch[] {
  return memo(ctx, 'jquery:setup', () => {
    const out: ClientConfigMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call) || jqueryFunction(ctx, call) !== 'ajaxSetup') continue;
      const settings = ctx.evaluator.resolveObject(argumentAt(call, 0));
      if (!settings) continue;
      const headers = optionValue(settings, 'headers');
      const url = optionValue(settings, 'url');
      out.push({
        client: 'jquery',
        node: call,
        kind: 'defaults',
        instanceName: null,
        binding: null,
        options: settings.node,
        baseUrl: url ? urlExpression(ctx, url, settings.env) : null,
        auth: settingsAuth(ctx, settings, headers),
        headers,
        parent: null,
      });
    }
    return out;
  });
}

/** Reads one jQuery request, or returns null when `call` is not one. */
export function matchJqueryCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const name = jqueryFunction(ctx, call);
  if (name === null || !Object.hasOwn(FUNCTIONS, name)) return null;
  const helper = FUNCTIONS[name];
  const ev = ctx.evaluator;
  const first = argumentAt(call, 0);
  if (!first) return null;

  // `$.ajax(settings)` / `$.get(settings)`, or `$.ajax(url, settings)` / `$.get(url, data, success, dataType)`.
  let settings: Resolved | null = ev.resolveObject(first, env);
  let urlNode: AstNode | null = null;
  let opaqueSettings = false;
  let dataType: AstNode | null = null;
  if (settings) {
    urlNode = optionValue(settings, 'url');
  } else {
    urlNode = first;
    if (helper === null) {
      const second = argumentAt(call, 1);
      settings = second ? ev.resolveObject(second, env) : null;
      opaqueSettings = second !== null && settings === null;
    } else {
      // jQuery shifts the arguments when `data` is left out: `$.get(url, success, dataType)`.
      dataType = isFunctionLike(ev, argumentAt(call, 1), env) ? argumentAt(call, 2) : argumentAt(call, 3);
    }
  }
  const readEnv = settings?.env ?? env;
  const config = setupConfigs(ctx)[0] ?? null;
  const url = urlExpression(ctx, urlNode, urlNode === first ? env : readEnv) ?? config?.baseUrl ?? null;
  if (!url) return null;

  // `$.get(settings)` also honours `type` / `method` in the settings (later jQuery versions).
  const { method, methodNode, methodSource } = optionsRequestMethod(ev, name === 'getJSON' ? null : settings, opaqueSettings, readEnv, helper ?? 'GET', helper ? 'helper' : 'default', ['method', 'type']);

  const headers = optionValue(settings, 'headers');
  const auth = settings ? settingsAuth(ctx, settings, headers) : [];
  auth.push(...headerAndUrlAuth(ctx, null, url, env));
  if (config && !auth.some((a) => a.kind !== 'userinfo')) auth.push(...config.auth);

  return {
    client: 'jquery',
    call,
    url,
    baseUrl: null,
    method,
    methodNode,
    methodSource,
    auth,
    headers,
    options: settings?.node ?? null,
    config,
    browserSide: true,
    xml: isXml(ctx, settings, headers, dataType, env),
    env,
  };
}

/** `username` + `password`, a Basic `Authorization` header, and `beforeSend` setting one. */
function settingsAuth(ctx: DetectContext, settings: Resolved, headers: AstNode | null): AuthEvidence[] {
  const ev = ctx.evaluator;
  const out: AuthEvidence[] = [];
  const passwordProp = getPropertyNode(settings.node, 'password');
  if (passwordProp) {
    out.push(authOptionEvidence(ev, passwordProp, getProperty(settings.node, 'username'), getProperty(settings.node, 'password'), settings.env, 'auth-option'));
  }
  out.push(...headerAndUrlAuth(ctx, headers, null, settings.env));
  out.push(...beforeSendAuth(ctx, optionValue(settings, 'beforeSend'), settings.env));
  return out;
}

/** `beforeSend: function (xhr) { xhr.setRequestHeader('Authorization', 'Basic …') }`. */
function beforeSendAuth(ctx: DetectContext, raw: AstNode | null, env: Env | null): AuthEvidence[] {
  const fn = ctx.evaluator.resolveFunction(raw, env);
  if (!fn) return [];
  const [xhrParam] = ctx.index.paramBindings(fn.node);
  const xhr = xhrParam?.[0];
  if (!xhr) return [];
  const setters: ChainedCall[] = [];
  for (const call of callsInFunction(fn.node)) {
    const callee = unwrap(call.callee);
    if (!callee || !isMember(callee) || memberPropertyName(callee) !== 'setRequestHeader') continue;
    const object = unwrap(callee.object);
    if (object?.type === 'Identifier' && ctx.index.resolve(object) === xhr) setters.push({ name: 'setRequestHeader', call });
  }
  return basicAuthFromHeaderSetters(ctx.evaluator, setters, new Set(['setRequestHeader']), 'set-request-header', fn.env);
}

/** `dataType: 'xml'`, an XML `contentType` or Accept header, or an XML body in `data`. */
function isXml(ctx: DetectContext, settings: Resolved | null, headers: AstNode | null, dataType: AstNode | null, env: Env | null): boolean {
  const ev = ctx.evaluator;
  const readEnv = settings?.env ?? env;
  for (const node of [dataType, optionValue(settings, 'dataType'), optionValue(settings, 'contentType')]) {
    const text = node ? staticText(ev.evaluate(node, node === dataType ? env : readEnv)) : null;
    if (text && /\bxml\b/i.test(text)) return true;
  }
  return isXmlRequest(ev, headers, optionValue(settings, 'data'), readEnv);
}
