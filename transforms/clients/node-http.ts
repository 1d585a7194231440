// Node's http / https: the host and the path are separate options, so the store hash moves from the
// hostname into the path; headers go into `options.headers`, or a new options argument after a URL.
import type { ClientPiece } from './types.ts';
import { headerNames, headersIntoOptions, headersIntoRequestHeaders, insertOptionsArgument, isFunctionArgument } from './shared.ts';

export const nodeHttpPiece: ClientPiece = {
  client: 'node-http',
  layout: 'split',
  hasHeader: (rc, request, name) => headerNames(rc, request.headers).has(name.toLowerCase()),
  addHeaders(rc, request, headers) {
    const own = headersIntoRequestHeaders(rc, request, headers) ?? headersIntoOptions(rc, request.options, headers);
    if (own) return own;
    const args = request.call.arguments ?? [];
    if (!request.options && (args.length === 1 || (args.length === 2 && isFunctionArgument(args[1])))) return insertOptionsArgument(rc, request.call, 0, headers);
    return { reason: 'The request options are not an object literal the codemod can add headers to.' };
  },
};
