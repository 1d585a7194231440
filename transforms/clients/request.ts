// request / request-promise: headers go into the options object (the call's, or `request.defaults`),
// else into a new options argument after the URL.
import type { ClientPiece } from './types.ts';
import { headersIntoOptions, headersIntoRequestOrConfig, insertOptionsArgument, isFunctionArgument, sendsHeader } from './shared.ts';

export const requestPiece: ClientPiece = {
  client: 'request',
  layout: 'joined',
  hasHeader: sendsHeader,
  addHeaders(rc, request, headers) {
    const existing = headersIntoRequestOrConfig(rc, request, headers, 'The request options are not an object literal the codemod can add headers to.');
    if (existing) return existing;
    const args = request.call.arguments ?? [];
    if (args.length === 1 || (args.length === 2 && isFunctionArgument(args[1]))) return insertOptionsArgument(rc, request.call, 0, headers);
    return { reason: 'The codemod found no options to add headers to on this request call.' };
  },
  addConfigHeaders(rc, config, headers) {
    return headersIntoOptions(rc, config.options, headers) ?? { reason: 'The request defaults are not an object literal the codemod can add headers to.' };
  },
};
