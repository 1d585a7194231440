// Is a request URL a legacy store API URL? The same rule as for JavaScript: a store host's /api/v2,
// or any host (custom domain, unknown) when the path is a known V2 resource and basic auth is sent.
import { HOLE, isKnownV2Resource, isV2ApiPath, normalizeEndpoint } from '../endpoints.ts';
import { classifyHost, isGatewayHost, otherServiceOf } from '../hosts.ts';
import { describePartial, renderPartial, slicePartial, type PartialString } from '../partial.ts';
import { splitUrl } from '../url.ts';
import type { Config, Confidence, HostInfo, Note } from '../../types.ts';

export interface UrlEvidence {
  /** True when a request with basic auth to this URL is a legacy API call. */
  legacy: boolean;
  confidence: Confidence;
  host: HostInfo | null;
  endpoint: string | null;
  suffix: 'json' | 'xml' | null;
  /** The URL as written, holes shown as `${expr}`. */
  shown: string;
  /** The path after `/api/v2`, holes shown as `${expr}`, for advice when the endpoint is unknown. */
  restShown: string;
  notes: Note[];
}

export function judgeUrl(url: PartialString, config: Config): UrlEvidence {
  const rendered = renderPartial(url);
  const parts = splitUrl(rendered);
  const shown = describePartial(url);
  const notLegacy: UrlEvidence = { legacy: false, confidence: 'low', host: null, endpoint: null, suffix: null, shown, restShown: '', notes: [] };
  if (!isV2ApiPath(parts.path)) return notLegacy;
  if (parts.host && (isGatewayHost(parts.host) || otherServiceOf(parts.host))) return notLegacy;

  const host = parts.hostRange ? classifyHost(slicePartial(url, parts.hostRange[0], parts.hostRange[1]), config.stores) : null;
  const normalized = normalizeEndpoint(parts.path);
  const storeHost = host !== null && (host.kind === 'store-hostname' || host.kind === 'mybigcommerce-other' || host.storeHashSource === 'config');
  const knownResource = isKnownV2Resource(normalized.endpoint);
  const legacy = storeHost || knownResource;
  const notes: Note[] = [];
  if (normalized.endpoint === null && normalized.reason) notes.push({ kind: 'dynamic-endpoint', message: normalized.reason });
  if (normalized.suffix === 'xml') {
    notes.push({ kind: 'xml-format', message: 'The call asks for XML; the OAuth gateway answers JSON. Parse JSON instead and send `Accept: application/json`.' });
  }

  const pathStart = rendered.indexOf(parts.path);
  const apiAt = parts.path.search(/api\/v2/i);
  const rest = pathStart >= 0 && apiAt >= 0 ? describePartial(slicePartial(url, pathStart + apiAt + 'api/v2'.length, rendered.length)) : '';
  return {
    legacy,
    confidence: storeHost ? 'high' : 'medium',
    host: host ?? { kind: 'unknown', name: null, storeHash: null },
    endpoint: normalized.endpoint,
    suffix: normalized.suffix,
    shown,
    restShown: rest.replace(/\.(json|xml)(?=$|[?#])/i, ''),
    notes,
  };
}

/** The OAuth URL to write instead, with the store hash when it is known. */
export function oauthUrlFor(evidence: Pick<UrlEvidence, 'host' | 'endpoint' | 'restShown'>, config: Config): string {
  const hash = evidence.host?.storeHash ?? (evidence.host?.storeHashExpression ? `\${${evidence.host.storeHashExpression}}` : `\${${config.storeHashEnv}}`);
  const rest = evidence.endpoint ? evidence.endpoint.replace(/^\/v2/, '') : evidence.restShown.replace(/\?.*$/, '');
  return `https://api.bigcommerce.com/stores/${hash}/v2${rest}`;
}

/**
 * How a client resolves a request path against its base URL:
 * - `rfc3986` (Guzzle): a leading `/` replaces the base path; otherwise the base path's last segment is dropped.
 * - `faraday`: a leading `/` replaces the base path; otherwise the base path gets a trailing `/` first.
 * - `httpx`: the path is always appended to the base path (with one `/` between).
 * - `concat` (HTTParty): the two strings are joined as written.
 */
export type UrlJoinStyle = 'rfc3986' | 'faraday' | 'httpx' | 'concat';

export function joinUrl(base: PartialString | null, relative: PartialString, style: UrlJoinStyle): PartialString {
  if (!base) return relative;
  const rel = renderPartial(relative);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rel)) return relative;
  const rendered = renderPartial(base);
  const parts = splitUrl(rendered);
  if (style === 'concat' || rel.startsWith(HOLE) || !parts.hostRange) return [...base, ...relative];
  const pathStart = parts.hostRange[1] + (parts.port ? parts.port.length + 1 : 0);
  const basePath = parts.path;
  const origin = slicePartial(base, 0, pathStart);
  const withSlash = (): PartialString => [...slicePartial(base, 0, pathStart + basePath.length), ...(basePath.endsWith('/') ? [] : [{ text: '/' }])];
  switch (style) {
    case 'httpx':
      return [...withSlash(), ...(rel.startsWith('/') ? slicePartial(relative, 1, rel.length) : relative)];
    case 'faraday':
      return rel.startsWith('/') ? [...origin, ...relative] : [...withSlash(), ...relative];
    case 'rfc3986': {
      if (rel.startsWith('/')) return [...origin, ...relative];
      const keep = basePath.lastIndexOf('/') + 1;
      return keep === 0 ? [...origin, { text: '/' }, ...relative] : [...slicePartial(base, 0, pathStart + keep), ...relative];
    }
  }
}

/** The host of a store URL as written (a bare host name is accepted too), classified. */
export function hostOfUrl(url: PartialString, config: Config): HostInfo {
  const rendered = renderPartial(url);
  const parts = splitUrl(rendered);
  if (!parts.hostRange) return classifyHost(rendered.startsWith(HOLE) ? url : null, config.stores);
  return classifyHost(slicePartial(url, parts.hostRange[0], parts.hostRange[1]), config.stores);
}
