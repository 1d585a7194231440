// Pieces every detector uses: building the common RequestMatch parts from a URL, options and headers.
import type { HttpMethod } from '../../types.ts';
import { getProperty, getPropertyNode, propertyKeyName, propertyValue, unwrap, type AstNode } from '../ast.ts';
import { authObjectEvidence, authOptionEvidence, basicAuthFromHeaders, headersObject, userinfoEvidence } from '../auth.ts';
import type { Env, Evaluator, Resolved } from '../evaluate.ts';
import { independently } from '../independent.ts';
import { staticText } from '../partial.ts';
import type { AuthEvidence, ClientConfigMatch, DetectContext, RequestMatch, UrlExpression } from './detector.ts';

export function urlExpression(ctx: DetectContext, node: AstNode | null, env: Env | null = null): UrlExpression | null {
  const n = unwrap(node);
  if (!n) return null;
  return { node: n, value: ctx.evaluator.evaluate(n, env) };
}

/** Basic auth in the headers, plus credentials in the URL's userinfo. */
export function headerAndUrlAuth(ctx: DetectContext, headers: AstNode | null, url: UrlExpression | null, env: Env | null = null): AuthEvidence[] {
  const out = basicAuthFromHeaders(ctx.evaluator, headers, env);
  if (url) {
    const info = userinfoEvidence(url.node, url.value, env);
    if (info) out.push(info);
  }
  return out;
}

/** The `auth` option of a resolved options object (`'user:key'`, `{ user, pass }`, `{ username, password }`), read in `env`. */
export function authOption(ctx: DetectContext, options: Resolved | null, env: Env | null = options?.env ?? null): AuthEvidence[] {
  const prop = options ? getPropertyNode(options.node, 'auth') : null;
  if (!prop) return [];
  const evidence = authObjectEvidence(ctx.evaluator, prop, env);
  return evidence ? [evidence] : [];
}

/** `username` / `password` options (got ≥ 10, needle and others), and an `auth` option. */
export function credentialOptions(ctx: DetectContext, options: Resolved | null): AuthEvidence[] {
  if (!options) return [];
  const out: AuthEvidence[] = [];
  const user = getPropertyNode(options.node, 'username');
  const pass = getPropertyNode(options.node, 'password');
  if (user || pass) {
    out.push(authOptionEvidence(ctx.evaluator, (pass ?? user)!, user ? propertyValue(user) : null, pass ? propertyValue(pass) : null, options.env));
  }
  out.push(...authOption(ctx, options));
  return out;
}

/** The base URL of the nearest config, up the chain of configs it extends. */
export function inheritedBaseUrl(config: ClientConfigMatch | null): RequestMatch['baseUrl'] {
  for (let c = config; c; c = c.parent) if (c.baseUrl) return c.baseUrl;
  return null;
}

export interface RequestMethod {
  method: HttpMethod | null;
  methodNode: AstNode | null;
  methodSource: RequestMatch['methodSource'];
}

/**
 * The method a request sends: the `method` option when one is written (pass null where the client
 * ignores it), unknown when the options cannot be seen, else what the call form implies.
 */
export function requestMethod(
  ev: Evaluator,
  option: AstNode | null,
  opaqueOptions: boolean,
  env: Env | null,
  fallback: HttpMethod,
  fallbackSource: 'default' | 'helper',
): RequestMethod {
  if (option) return { method: ev.evaluateMethod(option, env), methodNode: option, methodSource: 'option' };
  if (opaqueOptions) return { method: null, methodNode: null, methodSource: 'option' };
  return { method: fallback, methodNode: null, methodSource: fallbackSource };
}

/**
 * `requestMethod` for a call with an options object: its method option (`names`, first found wins)
 * read through the objects it spreads.
 */
export function optionsRequestMethod(
  ev: Evaluator,
  options: Resolved | null,
  opaqueOptions: boolean,
  env: Env | null,
  fallback: HttpMethod,
  fallbackSource: 'default' | 'helper',
  names: readonly string[] = ['method'],
): RequestMethod {
  for (const name of names) {
    const found = methodOption(ev, options, name);
    if (found.node) return requestMethod(ev, found.node, false, found.env ?? env, fallback, fallbackSource);
    if (found.opaque) return requestMethod(ev, null, true, env, fallback, fallbackSource);
  }
  return requestMethod(ev, null, opaqueOptions, env, fallback, fallbackSource);
}

/** A method option found in an options object, with the parameter values to read it in. */
export interface MethodOption {
  node: AstNode | null;
  env: Env | null;
  /** A spread we cannot see into comes after any written option: it may set the method. */
  opaque: boolean;
}

/**
 * The `method` option (or another name for it) of a resolved options object, looking into the
 * objects it spreads, last first as the spread itself does: `{ ...init, headers }` in a wrapper
 * sends the method of the `init` its caller passes.
 */
export function methodOption(ev: Evaluator, options: Resolved | null, name = 'method', depth = 0): MethodOption {
  const none: MethodOption = { node: null, env: null, opaque: false };
  if (!options || depth > 8) return none;
  const properties = options.node.properties as AstNode[];
  for (let i = properties.length - 1; i >= 0; i--) {
    const p = properties[i];
    if (p.type === 'SpreadElement' || p.type === 'SpreadProperty') {
      if (spreadsNothing(ev, p.argument, options.env)) continue;
      const inner = ev.resolveObject(p.argument, options.env);
      if (!inner) return { node: null, env: null, opaque: true };
      const found = methodOption(ev, inner, name, depth + 1);
      if (found.node || found.opaque) return found;
      continue;
    }
    if (propertyKeyName(p) === name) return { node: propertyValue(p), env: options.env, opaque: false };
  }
  return none;
}

/** `...init` where the call leaves out the argument `init` stands for (and it has no default): spreads `undefined`. */
function spreadsNothing(ev: Evaluator, argument: AstNode, env: Env | null): boolean {
  const node = unwrap(argument);
  if (node?.type !== 'Identifier' || !env) return false;
  const binding = ev.paramBindingOf(node);
  // The parameter itself, not a value read off it through an alias.
  if (!binding || binding.name !== node.name) return false;
  const bound = env.get(binding);
  return !!bound && bound.node === null && !binding.defaultValue && binding.path.length === 0;
}

/** A header's value expression, by case-insensitive name, in a headers object or `new Headers({...})`. */
export function headerValue(ev: Evaluator, headers: AstNode | null, name: string, env: Env | null = null): AstNode | null {
  const n = unwrap(headers);
  if (!n) return null;
  const object = headersObject(ev, n, env);
  if (!object) return null;
  return getProperty(object.node, name, true);
}

const XML_TYPE = /\bxml\b/i;

/** True when the request asks for or sends XML: Accept / Content-Type headers, or a body that is XML text. */
export function isXmlRequest(ev: Evaluator, headers: AstNode | null, body: AstNode | null, env: Env | null = null): boolean {
  return independently(ev, 'xml-request', headers, body, () => readsXml(ev, headers, body, env), (xml) => xml);
}

function readsXml(ev: Evaluator, headers: AstNode | null, body: AstNode | null, env: Env | null): boolean {
  for (const name of ['accept', 'content-type']) {
    const value = headerValue(ev, headers, name, env);
    const text = value ? staticText(ev.evaluate(value, env)) : null;
    if (text && XML_TYPE.test(text) && !/json/i.test(text)) return true;
  }
  if (body) {
    const rendered = ev.evaluate(body, env);
    const first = rendered[0];
    if (first && 'text' in first && /^\s*<(\?xml|[a-z_])/i.test(first.text)) return true;
  }
  return false;
}

/** The options object of a call, resolved through same-file constants; null when it is not a literal. */
export function optionsObject(ev: Evaluator, node: AstNode | null, env: Env | null = null): { node: AstNode; env: Env | null } | null {
  return ev.resolveObject(node, env);
}

/** A property value of a resolved options object, with the env to read it in. */
export function optionValue(options: { node: AstNode; env: Env | null } | null, name: string): AstNode | null {
  if (!options) return null;
  return getProperty(options.node, name);
}

export function optionProperty(options: { node: AstNode; env: Env | null } | null, name: string): AstNode | null {
  if (!options) return null;
  return getPropertyNode(options.node, name);
}

/** True when an object literal has a spread we cannot see into (so a missing option may be set there). */
export function hasOpaqueSpread(ev: Evaluator, object: AstNode, env: Env | null): boolean {
  return (object.properties as AstNode[]).some(
    (p) => (p.type === 'SpreadElement' || p.type === 'SpreadProperty') && !ev.resolveObject(p.argument, env),
  );
}

export { propertyKeyName, propertyValue };
