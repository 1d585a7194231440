// The shape every client piece shares. A piece knows one HTTP client's idiom for headers; the URL
// and auth rewrites are shared. Adding a client is one file here and one line in index.ts.
import type { ClientConfigMatch, RequestMatch } from '../../src/analyze/detectors/detector.ts';
import type { RewriteContext } from '../lib/context.ts';
import type { Op } from '../lib/ops.ts';
import type { Refusal } from '../lib/url.ts';

/** Header name and value source text, e.g. `['Accept', "'application/json'"]`. */
export type HeaderList = Array<[string, string]>;

export interface ClientPiece {
  /** The detector name this piece rewrites for. */
  client: string;
  /** 'split' when the host and the path are separate values (Node's `hostname` + `path`). */
  layout: 'joined' | 'split';
  /** Whether the request (or the client config it goes through) already sends this header. */
  hasHeader(rc: RewriteContext, request: RequestMatch, name: string): boolean;
  /** Adds headers to one request, in this client's idiom. */
  addHeaders(rc: RewriteContext, request: RequestMatch, headers: HeaderList): Op[] | Refusal;
  /** Adds headers to a client instance or defaults; absent when the client has none. */
  addConfigHeaders?(rc: RewriteContext, config: ClientConfigMatch, headers: HeaderList): Op[] | Refusal;
}
