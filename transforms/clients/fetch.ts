// fetch (global, node-fetch, cross-fetch...): headers go into `init.headers` (an object or
// `new Headers({...})`), a new `headers` option, or a new `init` argument.
import type { ClientPiece } from './types.ts';
import { headerNames, headersIntoOptions, headersLiteral, insertOptionsArgument } from './shared.ts';

export const fetchPiece: ClientPiece = {
  client: 'fetch',
  layout: 'joined',
  hasHeader: (rc, request, name) => headerNames(rc, request.headers).has(name.toLowerCase()),
  addHeaders(rc, request, headers) {
    if (request.headers) {
      const literal = headersLiteral(rc, request.headers);
      if (literal) return [{ kind: 'add-properties', object: literal, props: headers }];
      return { reason: 'The request headers are built in a way the codemod cannot add to (a Headers object filled elsewhere, or a value from outside this file).' };
    }
    const viaOptions = headersIntoOptions(rc, request.options, headers);
    if (viaOptions) return viaOptions;
    if ((request.call.arguments ?? []).length === 1) return insertOptionsArgument(rc, request.call, 0, headers);
    return { reason: 'The request options are not an object literal the codemod can add headers to.' };
  },
};
