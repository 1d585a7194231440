// Reading the parts of an intercepted request the stand-in cares about.

export interface ParsedPath {
  /** `/v2/orders/101`: API version first, no suffix, no trailing slash, ids as sent. */
  resourcePath: string;
  suffix: '.json' | '.xml' | null;
  trailingSlash: boolean;
}

export const LEGACY_URL = /^https?:\/\/(?!api\.bigcommerce\.com[/:])[^/]+\/api\/v2(?:\/[^?#]*)?(?:[?#].*)?$/i;
export const GATEWAY_URL = /^https:\/\/api\.bigcommerce\.com\/stores\/[^/]+\/v[23](?:\/[^?#]*)?(?:[?#].*)?$/i;

export function parseResourcePath(version: string, rest: string): ParsedPath {
  const trailingSlash = rest.length > 1 && rest.endsWith('/');
  let path = rest.replace(/\/+$/, '');
  const suffixMatch = /\.(json|xml)$/i.exec(path);
  const suffix = suffixMatch ? (`.${suffixMatch[1]!.toLowerCase()}` as '.json' | '.xml') : null;
  if (suffixMatch) path = path.slice(0, -suffixMatch[0].length);
  return { resourcePath: `/${version}${path.startsWith('/') || path === '' ? path : `/${path}`}`, suffix, trailingSlash };
}

/** `https://store-x.mybigcommerce.com/api/v2/orders.json` → `/v2/orders`. */
export function parseLegacyPath(url: URL): ParsedPath {
  return parseResourcePath('v2', url.pathname.replace(/^\/api\/v2/i, ''));
}

/** `https://api.bigcommerce.com/stores/abc123/v3/catalog/products` → store hash and `/v3/catalog/products`. */
export function parseGatewayPath(url: URL): ParsedPath & { storeHash: string } {
  const match = /^\/stores\/([^/]+)\/(v[23])(\/.*)?$/i.exec(url.pathname);
  if (!match) throw new Error(`not a gateway path: ${url.pathname}`);
  return { storeHash: match[1]!, ...parseResourcePath(match[2]!.toLowerCase(), match[3] ?? '') };
}

export function sortedQuery(url: URL): [string, string][] {
  return [...url.searchParams.entries()].sort(([ak, av], [bk, bv]) =>
    ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1,
  );
}

/** The body as JSON when it parses, the raw text when it does not, null when there is none. */
export async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `Authorization: Basic base64(user:key)` → the pair, or null when the header is absent or not Basic. */
export function decodeBasicAuth(header: string | null): { username: string; apiKey: string } | null {
  const match = /^basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}
