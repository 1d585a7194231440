// axios: headers go into the call's config, else into the instance's config (`axios.create`), else
// into a new config argument in the place the method helper takes it.
import { isMember, memberPropertyName, unwrap } from '../../src/analyze/ast.ts';
import type { ClientPiece } from './types.ts';
import { configHeaderNames, headerNames, headersIntoOptions, headersLiteral, insertOptionsArgument } from './shared.ts';

const URL_FIRST = new Set(['get', 'delete', 'head', 'options']);
const URL_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

export const axiosPiece: ClientPiece = {
  client: 'axios',
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
    if (request.options) return { reason: 'The request config is not an object literal the codemod can add headers to.' };
    const shared = request.config?.options ? headersIntoOptions(rc, request.config.options, headers) : null;
    if (shared) return shared;
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
