// Basic-auth evidence shared by every detector: an `Authorization: Basic …` header however it is
// built, client auth options, URL userinfo, and which of the credentials are written into the code.
import { isTooShortForASecret } from '../redact.ts';
import {
  argumentAt,
  calleeName,
  getPropertyNode,
  isCall,
  isMember,
  memberPropertyName,
  propertyKeyName,
  propertyValue,
  stringValue,
  unwrap,
  type AstNode,
} from './ast.ts';
import type { AuthEvidence, AuthKind, HardcodedSecret } from './detectors/detector.ts';
import type { Env, Evaluator } from './evaluate.ts';
import { independently } from './independent.ts';
import { isHole, renderPartial, slicePartial, type PartialString, type TextPart } from './partial.ts';
import { splitUrl } from './url.ts';

/** What a Basic header value is made of. */
export interface BasicValue {
  user: AstNode | null;
  password: AstNode | null;
  combined: AstNode | null;
  helper: AstNode | null;
  hardcoded: HardcodedSecret[];
}

const ENCODERS = new Set(['btoa', 'window.btoa', 'globalThis.btoa', 'self.btoa', 'base64.encode', 'Base64.encode', 'base64Encode', 'base64encode', 'encodeBase64', 'toBase64']);

/** Basic-auth headers in a headers expression: object literal, `new Headers({...})`, or `h.set('Authorization', …)`. */
export function basicAuthFromHeaders(ev: Evaluator, headers: AstNode | null, env: Env | null = null): AuthEvidence[] {
  const node = unwrap(headers);
  if (!node) return [];
  const out: AuthEvidence[] = [];
  const resolved = ev.resolve(node, env);
  if (resolved && resolved.node.type === 'ConditionalExpression') {
    // `useOAuth ? {…} : { Authorization: 'Basic …' }`: either side may be the one sent.
    for (const side of [resolved.node.consequent, resolved.node.alternate]) out.push(...basicAuthFromHeaders(ev, side, resolved.env));
    return out;
  }
  const object = headersObject(ev, node, env);
  if (object) out.push(...basicAuthInObject(ev, object.node, object.env, new Set()));
  out.push(...basicAuthFromHeaderCalls(ev, node, env));
  return out;
}

/** The object literal behind a headers expression, looking through `new Headers(obj)`. */
export function headersObject(ev: Evaluator, node: AstNode, env: Env | null): { node: AstNode; env: Env | null } | null {
  const resolved = ev.resolve(node, env);
  if (!resolved) return null;
  if (resolved.node.type === 'ObjectExpression') return resolved;
  if (resolved.node.type === 'NewExpression' && calleeName(resolved.node) === 'Headers') {
    const init = argumentAt(resolved.node, 0);
    return init ? ev.resolveObject(init, resolved.env) : null;
  }
  return null;
}

function basicAuthInObject(ev: Evaluator, object: AstNode, env: Env | null, seen: Set<AstNode>): AuthEvidence[] {
  if (seen.has(object)) return [];
  seen.add(object);
  const out: AuthEvidence[] = [];
  for (const prop of object.properties as AstNode[]) {
    if (prop.type === 'SpreadElement' || prop.type === 'SpreadProperty') {
      const inner = ev.resolveObject(prop.argument, env);
      if (inner) out.push(...basicAuthInObject(ev, inner.node, inner.env, seen));
      continue;
    }
    if (propertyKeyName(prop)?.toLowerCase() !== 'authorization') continue;
    const value = propertyValue(prop);
    const basic = value ? basicAuthValue(ev, value, env) : null;
    if (basic) out.push(evidence('basic-header', prop, basic, env));
  }
  return out;
}

/** `headers.set('Authorization', …)` / `.append(...)` on the same Headers object. */
function basicAuthFromHeaderCalls(ev: Evaluator, headers: AstNode, env: Env | null): AuthEvidence[] {
  if (headers.type !== 'Identifier') return [];
  const binding = ev.index.resolve(headers);
  if (!binding) return [];
  const out: AuthEvidence[] = [];
  for (const call of ev.index.calls) {
    if (!isCall(call)) continue;
    const callee = unwrap(call.callee);
    if (!callee || !isMember(callee)) continue;
    const method = memberPropertyName(callee);
    if (method !== 'set' && method !== 'append') continue;
    const object = unwrap(callee.object);
    if (object?.type !== 'Identifier' || ev.index.resolve(object) !== binding) continue;
    if (stringValue(argumentAt(call, 0))?.toLowerCase() !== 'authorization') continue;
    const value = argumentAt(call, 1);
    const basic = value ? basicAuthValue(ev, value, env) : null;
    if (basic) out.push(evidence('basic-header', call, basic, env));
  }
  return out;
}

/**
 * Recognises a Basic header value: `'Basic ' + x`, `` `Basic ${x}` ``, where x is
 * `Buffer.from(…).toString('base64')`, `new Buffer(…)…`, `btoa(…)`, `window.btoa(…)`, a same-file
 * helper that returns one of these, or an already-encoded token.
 */
export function basicAuthValue(ev: Evaluator, value: AstNode, env: Env | null = null): BasicValue | null {
  // A wrapper's `basicAuth()` helper usually reads no argument: read once for all its call sites.
  return independently(ev, 'basic-auth-value', value, null, () => readBasicAuthValue(ev, value, env), copyOfValue);
}

function copyOfValue(value: BasicValue | null): BasicValue | null {
  return value && { ...value, hardcoded: value.hardcoded.map((secret) => ({ ...secret })) };
}

function readBasicAuthValue(ev: Evaluator, value: AstNode, env: Env | null): BasicValue | null {
  const helper = helperOf(ev, value, env);
  const partial = ev.evaluate(value, env);
  const prefix = basicPrefixLength(partial);
  if (prefix === null) {
    // A whole-value encoder call without the `Basic ` prefix is not a header value we can vouch for.
    return null;
  }
  const rest = dropRendered(partial, prefix);
  const result: BasicValue = { user: null, password: null, combined: null, helper, hardcoded: [] };
  if (rest.length === 0) return result;
  if (rest.every((p) => !isHole(p))) {
    // A pre-encoded token written into the code.
    const token = renderPartial(rest).trim();
    const node = (rest.find((p) => !isHole(p)) as TextPart | undefined)?.node;
    if (token && node) result.hardcoded.push({ value: token, node, what: 'token', ...piecesOf(rest) });
    result.combined = node ?? null;
    return result;
  }
  for (const part of rest) {
    if (!isHole(part) || !part.node) continue;
    const encoded = encodedArgument(ev, part.node, env);
    if (encoded) {
      Object.assign(result, { ...splitCredentials(ev, encoded.node, encoded.env), helper: result.helper });
    } else if (!result.combined) {
      result.combined = part.node;
    }
  }
  return result;
}

function helperOf(ev: Evaluator, value: AstNode, env: Env | null): AstNode | null {
  const node = unwrap(value);
  if (!node) return null;
  const target = node.type === 'Identifier' ? ev.resolve(node, env)?.node ?? node : node;
  if (!isCall(target)) return null;
  return ev.resolveFunction(target.callee, env)?.node ?? null;
}

/** Length of a leading static `Basic ` in the rendered value, or null when it does not start so. */
function basicPrefixLength(p: PartialString): number | null {
  let text = '';
  for (const part of p) {
    if (isHole(part)) break;
    text += part.text;
    if (text.length >= 6) break;
  }
  const match = /^\s*basic\s+/i.exec(text);
  if (!match) return null;
  // Extend over whitespace that may continue in later parts.
  return match[0].length;
}

function dropRendered(p: PartialString, count: number): PartialString {
  return slicePartial(p, count, Number.MAX_SAFE_INTEGER);
}

/** The argument of a base64 encoder call: `Buffer.from(x).toString('base64')`, `btoa(x)`, ... */
export function encodedArgument(ev: Evaluator, raw: AstNode, env: Env | null): { node: AstNode; env: Env | null } | null {
  const resolved = ev.resolve(raw, env);
  const node = resolved ? resolved.node : unwrap(raw);
  const nodeEnv = resolved ? resolved.env : env;
  if (!node || !isCall(node)) return null;
  const callee = unwrap(node.callee);
  const name = calleeName(callee);
  if (name && ENCODERS.has(name)) {
    const arg = argumentAt(node, 0);
    return arg ? { node: arg, env: nodeEnv } : null;
  }
  if (callee && isMember(callee) && memberPropertyName(callee) === 'toString') {
    const encoding = stringValue(argumentAt(node, 0));
    const bufferCall = unwrap(callee.object);
    if (encoding?.toLowerCase() !== 'base64' || !bufferCall) return null;
    const bufferName = calleeName(bufferCall);
    if ((bufferCall.type === 'NewExpression' && bufferName === 'Buffer') || (isCall(bufferCall) && bufferName === 'Buffer.from')) {
      const arg = argumentAt(bufferCall, 0);
      return arg ? { node: arg, env: nodeEnv } : null;
    }
  }
  return null;
}

/** Splits a `user:key` expression at its static colon into the user and password expressions. */
export function splitCredentials(ev: Evaluator, raw: AstNode, env: Env | null): Omit<BasicValue, 'helper'> {
  const partial = ev.evaluate(raw, env);
  const rendered = renderPartial(partial);
  const colon = colonIndex(partial);
  const result: Omit<BasicValue, 'helper'> = { user: null, password: null, combined: raw, hardcoded: [] };
  if (colon === -1) return result;
  const userPart = slicePartial(partial, 0, colon);
  const passwordPart = slicePartial(partial, colon + 1, rendered.length);
  result.user = nodeOfParts(userPart);
  result.password = nodeOfParts(passwordPart);
  result.combined = null;
  const secret = hardcodedFrom(passwordPart, 'password');
  if (secret) result.hardcoded.push(secret);
  return result;
}

/** Index of the first colon that is static text (holes count one character). */
function colonIndex(p: PartialString): number {
  let at = 0;
  for (const part of p) {
    if (isHole(part)) {
      at += 1;
      continue;
    }
    const i = part.text.indexOf(':');
    if (i !== -1) return at + i;
    at += part.text.length;
  }
  return -1;
}

function nodeOfParts(parts: PartialString): AstNode | null {
  const withNode = parts.find((p) => p.node);
  return withNode?.node ?? null;
}

/** A credential that is entirely static text is hard-coded; its literal is where it is written. */
export function hardcodedFrom(parts: PartialString, what: HardcodedSecret['what']): HardcodedSecret | null {
  if (parts.length === 1 && isHole(parts[0])) return literalFallback(parts[0].node ?? null, what);
  if (parts.length === 0 || parts.some(isHole)) return null;
  const value = renderPartial(parts);
  if (isTooShortForASecret(value)) return null;
  const node = (parts as TextPart[]).find((p) => p.node)?.node;
  return node ? { value, node, what, ...piecesOf(parts) } : null;
}

/** A piece this short is left alone: redacting it would garble ordinary text. */
const MIN_PIECE = 4;

/** `{ pieces }` when the static text is joined from more than one literal, else nothing. */
function piecesOf(parts: PartialString): Pick<HardcodedSecret, 'pieces'> {
  const byNode = new Map<AstNode | undefined, string>();
  for (const part of parts) {
    if (!isHole(part)) byNode.set(part.node, (byNode.get(part.node) ?? '') + part.text);
  }
  if (byNode.size < 2) return {};
  return { pieces: [...byNode.values()].map((text) => text.trim()).filter((text) => text.length >= MIN_PIECE) };
}

/**
 * `process.env.KEY || 'literal'` (or `??`): the value is not static, but the literal is a
 * credential written into the code all the same.
 */
function literalFallback(node: AstNode | null, what: HardcodedSecret['what']): HardcodedSecret | null {
  const expr = unwrap(node);
  if (!expr || expr.type !== 'LogicalExpression' || (expr.operator !== '||' && expr.operator !== '??')) return null;
  const fallback = unwrap(expr.right);
  const value = stringValue(fallback);
  if (!fallback || value === null || isTooShortForASecret(value)) return null;
  return { value, node: fallback, what };
}

/** Client auth options: axios `auth: { username, password }`, got `username` / `password`, request `auth: { user, pass }`. */
export function authOptionEvidence(
  ev: Evaluator,
  option: AstNode,
  userNode: AstNode | null,
  passwordNode: AstNode | null,
  env: Env | null,
  kind: AuthKind = 'auth-option',
): AuthEvidence {
  const hardcoded: HardcodedSecret[] = [];
  if (passwordNode) {
    const secret = hardcodedFrom(ev.evaluate(passwordNode, env), 'password');
    if (secret) hardcoded.push(secret);
  }
  return { kind, node: option, user: userNode, password: passwordNode, combined: null, helper: null, hardcoded, env };
}

/** `auth: { username, password }` (also `user`/`pass`); returns the evidence, or null when absent. */
export function authObjectEvidence(ev: Evaluator, authProp: AstNode, env: Env | null, valueNode?: AstNode | null): AuthEvidence | null {
  const value = valueNode ?? propertyValue(authProp);
  if (!value) return null;
  const object = ev.resolveObject(value, env);
  if (object) {
    const user = getPropertyNode(object.node, 'username') ?? getPropertyNode(object.node, 'user');
    const pass = getPropertyNode(object.node, 'password') ?? getPropertyNode(object.node, 'pass');
    if (!user && !pass) return null;
    return authOptionEvidence(ev, authProp, user ? propertyValue(user) : null, pass ? propertyValue(pass) : null, object.env);
  }
  // `auth: 'user:key'` (request) or an unknown object: still an auth option.
  const split = splitCredentials(ev, value, env);
  return { kind: 'auth-option', node: authProp, user: split.user, password: split.password, combined: split.combined, helper: null, hardcoded: split.hardcoded, env };
}

/** Credentials written into a URL: `https://user:key@store-…`. */
export function userinfoEvidence(urlNode: AstNode, value: PartialString, env: Env | null): AuthEvidence | null {
  const rendered = renderPartial(value);
  const parts = splitUrl(rendered);
  if (!parts.userinfo || !parts.userinfoRange) return null;
  const [start, end] = parts.userinfoRange;
  const info = slicePartial(value, start, end);
  const colon = colonIndex(info);
  const infoText = renderPartial(info);
  const passwordParts = colon === -1 ? [] : slicePartial(info, colon + 1, infoText.length);
  const hardcoded: HardcodedSecret[] = [];
  const secret = hardcodedFrom(passwordParts, 'userinfo');
  if (secret) hardcoded.push(secret);
  return {
    kind: 'userinfo',
    node: urlNode,
    user: nodeOfParts(colon === -1 ? info : slicePartial(info, 0, colon)),
    password: nodeOfParts(passwordParts),
    combined: null,
    helper: null,
    hardcoded,
    env,
  };
}

function evidence(kind: AuthKind, node: AstNode, basic: BasicValue, env: Env | null): AuthEvidence {
  return { kind, node, user: basic.user, password: basic.password, combined: basic.combined, helper: basic.helper, hardcoded: basic.hardcoded, env };
}

/** Every raw form a hard-coded credential can take in output: as written, `user:key`, and its base64. */
export function secretForms(ev: Evaluator, auth: AuthEvidence): string[] {
  const out = new Set<string>();
  for (const secret of auth.hardcoded) {
    out.add(secret.value);
    for (const piece of secret.pieces ?? []) out.add(piece);
    // A password in a URL is percent-encoded; the credential itself is the decoded form.
    if (secret.what === 'userinfo') {
      const decoded = safeDecode(secret.value);
      if (decoded !== secret.value) out.add(decoded);
    }
    if (secret.what === 'token') {
      const decoded = Buffer.from(secret.value, 'base64').toString('utf8');
      if (/^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded)) {
        out.add(decoded);
        out.add(decoded.slice(decoded.indexOf(':') + 1));
      }
    }
  }
  if (auth.hardcoded.length > 0 && auth.user && auth.password) {
    const user = renderPartial(ev.evaluate(auth.user, auth.env));
    const password = auth.hardcoded.find((s) => s.what === 'password' || s.what === 'userinfo')?.value;
    if (password && !user.includes('\u{E000}')) {
      out.add(`${user}:${password}`);
      out.add(Buffer.from(`${user}:${password}`).toString('base64'));
    }
  }
  return [...out];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
