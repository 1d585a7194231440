// A BigCommerce stand-in for tests: the legacy API on any store host (basic auth) and the
// OAuth gateway (X-Auth-Token + scopes), served in-process by msw, which intercepts fetch
// and node:http/https — and so every HTTP client the tool supports.

import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { scopeNeed, scopesPermit } from './scope-rules.ts';
import { createStoreData, type StoreData } from './store-data.ts';
import { serveResource } from './resources.ts';
import {
  GATEWAY_URL,
  LEGACY_URL,
  decodeBasicAuth,
  parseGatewayPath,
  parseLegacyPath,
  readBody,
  sortedQuery,
} from './request-parts.ts';

export type Outcome =
  | 'ok'
  | 'unauthenticated'
  | 'wrong-store'
  | 'missing-scope'
  | 'unsupported-suffix'
  | 'trailing-slash'
  | 'not-available-on-legacy'
  | 'not-found'
  | 'method-not-allowed';

export interface RecordedRequest {
  api: 'legacy' | 'gateway';
  method: string;
  /** `/v2/orders/101`: version first, suffix and trailing slash dropped, ids as sent. */
  resourcePath: string;
  /** Query entries sorted by key, then value. */
  query: [string, string][];
  /** Parsed JSON, the raw text when it is not JSON, null when there is none. */
  body: unknown;
  status: number;
  outcome: Outcome;
  suffix: '.json' | '.xml' | null;
}

export interface StandinOptions {
  /** The legacy API account every store host accepts. */
  account: { username: string; apiKey: string };
  /** Gateway access tokens and the scopes each was granted. */
  tokens?: Record<string, string[]>;
  /** The store the gateway serves under `/stores/{hash}`; default `abc123`. */
  storeHash?: string;
}

export interface Standin {
  /** Every request the stand-in answered, in order. Cleared in place by reset(). */
  readonly requests: RecordedRequest[];
  /** Requests that matched neither API (msw refused them; the caller saw a network error). */
  readonly unhandled: { method: string; url: string }[];
  /** Forget the recordings and put the store data back as it started. */
  reset(): void;
  close(): void;
}

type Reply = { status: number; outcome: Outcome; body?: unknown };

const GATEWAY_ERROR_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

function legacyError(status: number, outcome: Outcome, message: string): Reply {
  return { status, outcome, body: [{ status, message }] };
}

function gatewayError(status: number, outcome: Outcome, title: string): Reply {
  return { status, outcome, body: { status, title, type: GATEWAY_ERROR_TYPE } };
}

function fromResource(data: StoreData, method: string, resourcePath: string, query: [string, string][], body: unknown): Reply {
  const response = serveResource(data, method, resourcePath, query, body);
  const outcome: Outcome = response.status < 400 ? 'ok' : response.status === 404 ? 'not-found' : 'method-not-allowed';
  return { status: response.status, outcome, body: response.body };
}

function toHttpResponse(method: string, reply: Reply): Response {
  if (reply.body === undefined || method === 'HEAD' || reply.status === 204) {
    return new HttpResponse(null, { status: reply.status });
  }
  return HttpResponse.json(reply.body as Parameters<typeof HttpResponse.json>[0], { status: reply.status });
}

export function startStandin(options: StandinOptions): Standin {
  const storeHash = options.storeHash ?? 'abc123';
  const tokens = options.tokens ?? {};
  let data = createStoreData(storeHash);
  const requests: RecordedRequest[] = [];
  const unhandled: { method: string; url: string }[] = [];

  function legacyReply(request: Request, resourcePath: string, suffix: string | null, query: [string, string][], body: unknown): Reply {
    const credentials = decodeBasicAuth(request.headers.get('authorization'));
    if (!credentials) return legacyError(401, 'unauthenticated', 'No credentials were supplied in the request.');
    if (credentials.username !== options.account.username || credentials.apiKey !== options.account.apiKey) {
      return legacyError(401, 'unauthenticated', 'The credentials supplied in the request are not valid.');
    }
    // The legacy API spoke XML too; this stand-in only speaks JSON.
    if (suffix === '.xml') return legacyError(406, 'unsupported-suffix', 'The stand-in serves JSON only.');
    // Webhooks were OAuth-only from the start; the exact legacy status is not documented, 403 is our choice.
    if (resourcePath === '/v2/hooks' || resourcePath.startsWith('/v2/hooks/')) {
      return legacyError(403, 'not-available-on-legacy', 'Webhooks are not available to legacy API accounts.');
    }
    if (scopeNeed(request.method, resourcePath).kind === 'unknown') {
      return legacyError(404, 'not-found', 'The requested resource was not found.');
    }
    return fromResource(data, request.method, resourcePath, query, body);
  }

  function gatewayReply(request: Request, parsed: ReturnType<typeof parseGatewayPath>, query: [string, string][], body: unknown): Reply {
    const token = request.headers.get('x-auth-token');
    const granted = token === null ? undefined : tokens[token];
    if (!granted) return gatewayError(401, 'unauthenticated', 'Authentication Required');
    if (parsed.storeHash !== storeHash) return gatewayError(401, 'wrong-store', 'Authentication Required');
    // Suffixes were never documented for the gateway (a `.json` on /hooks gave 404): treat them as unsupported.
    if (parsed.suffix) return gatewayError(404, 'unsupported-suffix', 'Not Found');
    // A trailing slash on the gateway answers 403 "Authentication Required" (bigcommerce/api#95).
    if (parsed.trailingSlash) return gatewayError(403, 'trailing-slash', 'Authentication Required');
    const need = scopeNeed(request.method, parsed.resourcePath);
    if (need.kind === 'unknown') return gatewayError(404, 'not-found', 'Not Found');
    if (!scopesPermit(need, granted)) {
      return gatewayError(403, 'missing-scope', "You don't have a required scope to access the endpoint");
    }
    return fromResource(data, request.method, parsed.resourcePath, query, body);
  }

  const server = setupServer(
    http.all(LEGACY_URL, async ({ request }) => {
      const url = new URL(request.url);
      const { resourcePath, suffix } = parseLegacyPath(url);
      const query = sortedQuery(url);
      const body = await readBody(request);
      const reply = legacyReply(request, resourcePath, suffix, query, body);
      requests.push({ api: 'legacy', method: request.method, resourcePath, query, body, status: reply.status, outcome: reply.outcome, suffix });
      return toHttpResponse(request.method, reply);
    }),
    http.all(GATEWAY_URL, async ({ request }) => {
      const url = new URL(request.url);
      const parsed = parseGatewayPath(url);
      const query = sortedQuery(url);
      const body = await readBody(request);
      const reply = gatewayReply(request, parsed, query, body);
      requests.push({
        api: 'gateway',
        method: request.method,
        resourcePath: parsed.resourcePath,
        query,
        body,
        status: reply.status,
        outcome: reply.outcome,
        suffix: parsed.suffix,
      });
      return toHttpResponse(request.method, reply);
    }),
  );
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push({ method: request.method, url: request.url });
  });
  server.listen({ onUnhandledRequest: 'error' });

  return {
    requests,
    unhandled,
    reset() {
      requests.length = 0;
      unhandled.length = 0;
      data = createStoreData(storeHash);
    },
    close() {
      server.close();
    },
  };
}
