// superagent: headers are chained calls, `.set(name, value)`, written right after the call that
// starts the request.
import { argumentAt, isCall, isMember, memberPropertyName, stringValue, type AstNode } from '../../src/analyze/ast.ts';
import type { RewriteContext } from '../lib/context.ts';
import type { ClientPiece } from './types.ts';
import { headerNames } from './shared.ts';

/** The calls chained after `call`, in order. */
function chain(rc: RewriteContext, call: AstNode): AstNode[] {
  const out: AstNode[] = [];
  let current = call;
  for (;;) {
    const member = rc.parentOf(current);
    const next = member ? rc.parentOf(member) : null;
    if (!member || !isMember(member) || member.object !== current || !next || !isCall(next) || next.callee !== member) return out;
    out.push(next);
    current = next;
  }
}

export const superagentPiece: ClientPiece = {
  client: 'superagent',
  layout: 'joined',
  hasHeader(rc, request, name) {
    const wanted = name.toLowerCase();
    if (headerNames(rc, request.headers).has(wanted)) return true;
    return chain(rc, request.call).some((link) => {
      const method = memberPropertyName(link.callee);
      if (method === 'set') return stringValue(argumentAt(link, 0))?.toLowerCase() === wanted;
      return method === 'accept' && wanted === 'accept';
    });
  },
  addHeaders(rc, request, headers) {
    const text = headers.map(([k, v]) => `.set(${rc.quote}${k}${rc.quote}, ${v})`).join('');
    return [{ kind: 'replace', start: request.call.end!, end: request.call.end!, text, node: request.call }];
  },
};
