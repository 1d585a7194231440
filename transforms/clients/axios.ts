// axios: headers go into the call's config, else into the instance's config (`axios.create`), else
// into a new config argument in the place the method helper takes it.
import { isMember, memberPropertyName, unwrap } from '../../src/analyze/ast.ts';
import type { ClientPiece } from './types.ts';
import { headersIntoOptions, headersIntoRequestOrConfig, insertOptionsArgument, sendsHeader } from './shared.ts';

const URL_FIRST = new Set(['get', 'delete', 'head', 'options']);
const URL_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

export const axiosPiece: ClientPiece = {
  client: 'axios',
  layout: 'joined',
  hasHeader: sendsHeader,
  addHeaders(rc, request, headers) {
    const existing = headersIntoRequestOrConfig(rc, request, headers, 'The request config is not an object literal the codemod can add headers to.');
    if (existing) return existing;
    const callee = unwrap(request.call.callee);
    const helper = callee && isMember(callee) ? memberPropertyName(callee) : null;
    const count = (request.call.arguments ?? []).length;
    if (helper && URL_DATA.has(helper)) {
      if (count === 2) return insertOptionsArgument(rc, request.call, 1, headers);
      if (count === 1) return insertOptionsArgument(rc, request.call, 0, headers, ', undefined');
    } else if ((helper === null || URL_FIRST.has(helper)) && count === 1) {
      return insertOptionsArgument(rc, request.call, 0, headers);
    }
    return { reason: 'The codemod found no config to add headers to on this axios call.' };
  },
  addConfigHeaders(rc, config, headers) {
    return headersIntoOptions(rc, config.options, headers) ?? { reason: 'The axios config is not an object literal the codemod can add headers to.' };
  },
};
