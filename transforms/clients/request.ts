// request / request-promise: headers go into the options object (the call's, or `request.defaults`),
// else into a new options argument after the URL.
import type { ClientPiece } from './types.ts';
import { configHeaderNames, headerNames, headersIntoOptions, headersLiteral, insertOptionsArgument, isFunctionArgument } from './shared.ts';

export const requestPiece: ClientPiece = {
  client: 'request',
  layout: 'joined',
  hasHeader(rc, request, name) {
    const wanted = name.toLowerCase();
    return headerNames(rc, request.headers).has(wanted) || configHeaderNames(rc, request.config).has(wanted);
  },
  addHeaders(rc, request, headers) {
    if (request.headers) {
      const literal = headersLiteral(rc, request.headers);
      return literal ? [{ kind: 'add-properties', object: literal, props: headers }] : { reason: 'The request headers come from a value the codemod cannot add to.' };
    }
    const own = headersIntoOptions(rc, request.options, headers);
    if (own) return own;
    if (request.options) return { reason: 'The request options are not an object literal the codemod can add headers to.' };
    for (let config = request.config; config; config = config.parent) {
      const shared = config.options ? headersIntoOptions(rc, config.options, headers) : null;
      if (shared) return shared;
    }
    const args = request.call.arguments ?? [];
    if (args.length === 1 || (args.length === 2 && isFunctionArgument(args[1]))) return insertOptionsArgument(rc, request.call, 0, headers);
    return { reason: 'The codemod found no options to add headers to on this request call.' };
  },
  addConfigHeaders(rc, config, headers) {
    return headersIntoOptions(rc, config.options, headers) ?? { reason: 'The request defaults are not an object literal the codemod can add headers to.' };
  },
};
