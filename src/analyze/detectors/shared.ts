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
