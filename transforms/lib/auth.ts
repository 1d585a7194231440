// The auth half of a rewrite: each piece of basic-auth evidence the detectors found is replaced by
// the `X-Auth-Token` header (in place where it was a header) or removed (an `auth` option, URL
// userinfo, a chained `.auth()`), in which case the request still needs the header added.
import { isCall, isMember, isProperty, propertyValue, type AstNode } from '../../src/analyze/ast.ts';
import type { AuthEvidence } from '../../src/analyze/detectors/detector.ts';
import { quoted, sourceText, tokenExpression, type RewriteContext } from './context.ts';
import type { Op } from './ops.ts';
import type { Refusal } from './url.ts';

export const TOKEN_HEADER = 'X-Auth-Token';

export interface AuthRewrite {
  ops: Op[];
  /** The token header is in place; false when the request still needs it added in the client's idiom. */
  tokenPlaced: boolean;
}

export function planAuthRemoval(rc: RewriteContext, evidence: AuthEvidence): AuthRewrite | Refusal {
  const node = evidence.node;
  const token = tokenExpression(rc);
  const header = quoted(rc, TOKEN_HEADER);
  switch (evidence.kind) {
    case 'basic-header':
    case 'set-request-header':
      if (isProperty(node)) return { ops: [{ kind: 'replace', start: node.start!, end: node.end!, text: `${header}: ${token}`, node }], tokenPlaced: true };
      if (isCall(node)) return headerSetterCall(node, header, token);
      if (node.type === 'AssignmentExpression') return headerAssignment(node, header, token);
      return { reason: 'The Authorization header is set in a way the codemod does not rewrite.' };
    case 'auth-option': {
      if (isProperty(node)) {
        const object = rc.parentOf(node);
        if (!object || object.type !== 'ObjectExpression') return { reason: 'The auth option is not in an object literal.' };
        const remove = [node, ...siblingCredentialProps(object, evidence, node)];
        return { ops: [{ kind: 'headers', object, add: [[TOKEN_HEADER, token]], remove }], tokenPlaced: true };
      }
      if (node.type === 'AssignmentExpression' && isMember(node.left)) {
        // `axios.defaults.auth = {...}` → `axios.defaults.headers.common['X-Auth-Token'] = token`
        const owner = sourceText(rc, node.left.object);
        return { ops: [{ kind: 'replace', start: node.start!, end: node.end!, text: `${owner}.headers.common[${header}] = ${token}`, node }], tokenPlaced: true };
      }
      if (isCall(node) && isMember(node.callee)) {
        // A chained `.auth(user, key)`: the link goes, the header is added by the client piece.
        return { ops: [{ kind: 'replace', start: node.callee.object.end!, end: node.end!, text: '', node }], tokenPlaced: false };
      }
      return { reason: 'The auth option is set in a way the codemod does not rewrite.' };
    }
    case 'superagent-auth':
      if (isCall(node) && isMember(node.callee)) {
        return { ops: [{ kind: 'replace', start: node.callee.property.start!, end: node.end!, text: `set(${header}, ${token})`, node }], tokenPlaced: true };
      }
      return { reason: 'The .auth() call has a shape the codemod does not rewrite.' };
    case 'userinfo':
      // The URL rewrite takes the credentials out; the token header is added by the client piece.
      return { ops: [], tokenPlaced: false };
    case 'xhr-credentials':
      return { reason: 'XMLHttpRequest credentials run in a browser; move the call behind a server.' };
  }
}

/** `h.set('Authorization', v)`, `req.setHeader(...)`, superagent `.set(...)`: the two arguments change. */
function headerSetterCall(call: AstNode, header: string, token: string): AuthRewrite | Refusal {
  const [name, value] = call.arguments ?? [];
  if (!name || !value) return { reason: 'The header call has no value argument.' };
  return {
    ops: [
      { kind: 'replace', start: name.start!, end: name.end!, text: header, node: call },
      { kind: 'replace', start: value.start!, end: value.end!, text: token, node: call },
    ],
    tokenPlaced: true,
  };
}

/** `x.defaults.headers.common.Authorization = 'Basic …'` → `…common['X-Auth-Token'] = token`. */
function headerAssignment(assignment: AstNode, header: string, token: string): AuthRewrite | Refusal {
  const left = assignment.left;
  if (!isMember(left)) return { reason: 'The Authorization header is assigned in a way the codemod does not rewrite.' };
  const ops: Op[] = [
    left.computed
      ? { kind: 'replace', start: left.property.start!, end: left.property.end!, text: header, node: assignment }
      : { kind: 'replace', start: left.object.end!, end: left.end!, text: `[${header}]`, node: assignment },
    { kind: 'replace', start: assignment.right.start!, end: assignment.right.end!, text: token, node: assignment },
  ];
  return { ops, tokenPlaced: true };
}

/** got's `username` beside `password`: both go. */
function siblingCredentialProps(object: AstNode, evidence: AuthEvidence, node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const prop of object.properties as AstNode[]) {
    if (prop === node || !isProperty(prop)) continue;
    const value = propertyValue(prop);
    if (value && (value === evidence.user || value === evidence.password)) out.push(prop);
  }
  return out;
}
