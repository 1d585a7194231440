// Header helpers the client pieces share: finding the object a request's headers live in, reading
// what it already sends, and adding to it or to an options object.
import { getPropertyNode, isCall, isMember, memberPropertyName, stringValue, unwrap, type AstNode } from '../../src/analyze/ast.ts';
import { headersObject } from '../../src/analyze/auth.ts';
import type { ClientConfigMatch, RequestMatch } from '../../src/analyze/detectors/detector.ts';
import type { RewriteContext } from '../lib/context.ts';
import type { Op } from '../lib/ops.ts';
import type { Refusal } from '../lib/url.ts';
import type { HeaderList } from './types.ts';

/** The object literal a headers expression stands for (through constants, helpers and `new Headers({...})`). */
export function headersLiteral(rc: RewriteContext, headers: AstNode | null): AstNode | null {
  const node = unwrap(headers);
  if (!node) return null;
  return headersObject(rc.evaluator, node, null)?.node ?? null;
}

/** The names a headers expression sends: object keys, and `.set()` / `.append()` calls on a Headers variable. */
export function headerNames(rc: RewriteContext, headers: AstNode | null): Set<string> {
  const names = new Set<string>();
  const object = headersLiteral(rc, headers);
  if (object) {
    for (const prop of object.properties as AstNode[]) {
      const key = prop.key ? (prop.computed ? stringValue(prop.key) : prop.key.name ?? stringValue(prop.key)) : null;
      if (key) names.add(key.toLowerCase());
    }
  }
  const node = unwrap(headers);
  if (node?.type === 'Identifier') {
    const binding = rc.index.resolve(node);
    for (const call of rc.index.calls) {
      if (!binding || !isCall(call) || !isMember(call.callee)) continue;
      const method = memberPropertyName(call.callee);
      const object = unwrap(call.callee.object);
      if ((method !== 'set' && method !== 'append') || object?.type !== 'Identifier' || rc.index.resolve(object) !== binding) continue;
      const name = stringValue(call.arguments?.[0]);
      if (name) names.add(name.toLowerCase());
    }
  }
  return names;
}

/** The headers of a client config and the configs it extends. */
export function configHeaderNames(rc: RewriteContext, config: ClientConfigMatch | null): Set<string> {
  const names = new Set<string>();
  for (let c = config; c; c = c.parent) for (const name of headerNames(rc, c.headers)) names.add(name);
  return names;
}

/** Whether a request, or a config it goes through, already sends a header. */
export function sendsHeader(rc: RewriteContext, request: RequestMatch, name: string): boolean {
  const wanted = name.toLowerCase();
  return headerNames(rc, request.headers).has(wanted) || configHeaderNames(rc, request.config).has(wanted);
}

/** Headers added to the headers object a request already sends; null when it sends none. */
export function headersIntoRequestHeaders(rc: RewriteContext, request: RequestMatch, headers: HeaderList): Op[] | Refusal | null {
  if (!request.headers) return null;
  const literal = headersLiteral(rc, request.headers);
  return literal ? [{ kind: 'add-properties', object: literal, props: headers }] : { reason: 'The request headers come from a value the codemod cannot add to.' };
}

/**
 * Headers added to what a request already has: its headers, its options object, else the options of the
 * nearest config it goes through that has an object literal. A refusal when the request's options are not
 * one (`optionsRefusal`, in the client's words); null when there is nothing to add to.
 */
export function headersIntoRequestOrConfig(rc: RewriteContext, request: RequestMatch, headers: HeaderList, optionsRefusal: string): Op[] | Refusal | null {
  const own = headersIntoRequestHeaders(rc, request, headers) ?? headersIntoOptions(rc, request.options, headers);
  if (own) return own;
  if (request.options) return { reason: optionsRefusal };
  for (let config = request.config; config; config = config.parent) {
    const shared = config.options ? headersIntoOptions(rc, config.options, headers) : null;
    if (shared) return shared;
  }
  return null;
}

/** Headers into an options object literal: its `headers` (whatever form) or a new `headers` property. */
export function headersIntoOptions(rc: RewriteContext, options: AstNode | null, headers: HeaderList): Op[] | null {
  const object = unwrap(options);
  if (!object || object.type !== 'ObjectExpression') return null;
  const existing = getPropertyNode(object, 'headers');
  if (existing) {
    const value = unwrap(existing.value);
    if (value && value.type === 'NewExpression') {
      const literal = headersLiteral(rc, value);
      return literal ? [{ kind: 'add-properties', object: literal, props: headers }] : null;
    }
  }
  return [{ kind: 'headers', object, add: headers, remove: [] }];
}

/** `, { headers: {...} }` written after argument `after` of a call. */
export function insertOptionsArgument(rc: RewriteContext, call: AstNode, after: number, headers: HeaderList, prefix = ''): Op[] | Refusal {
  const arg = call.arguments?.[after];
  if (!arg) return { reason: 'The call has no argument to add options after.' };
  const props = headers.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : rc.quote + k + rc.quote}: ${v}`).join(', ');
  return [{ kind: 'replace', start: arg.end!, end: arg.end!, text: `${prefix}, { headers: { ${props} } }`, node: call }];
}

export function isFunctionArgument(node: AstNode | null | undefined): boolean {
  const n = unwrap(node);
  return !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression');
}
