// got: headers go into the call's options, else into the nearest `got.extend({...})` options, else
// into a new options argument.
import type { ClientPiece } from './types.ts';
import { headersIntoOptions, headersIntoRequestOrConfig, insertOptionsArgument, sendsHeader } from './shared.ts';

export const gotPiece: ClientPiece = {
  client: 'got',
  layout: 'joined',
  hasHeader: sendsHeader,
  addHeaders(rc, request, headers) {
    const existing = headersIntoRequestOrConfig(rc, request, headers, 'The request options are not an object literal the codemod can add headers to.');
    if (existing) return existing;
    if ((request.call.arguments ?? []).length === 1) return insertOptionsArgument(rc, request.call, 0, headers);
    return { reason: 'The codemod found no options to add headers to on this got call.' };
  },
  addConfigHeaders(rc, config, headers) {
    return headersIntoOptions(rc, config.options, headers) ?? { reason: 'The got options are not an object literal the codemod can add headers to.' };
  },
};
