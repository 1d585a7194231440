// Splits a rendered URL (holes marked with HOLE) into its parts without validating it, so partly
// unknown URLs such as `https://store-${HASH}.mybigcommerce.com/api/v2${path}` still come apart.
import { HOLE } from './endpoints.ts';

export interface UrlParts {
  scheme: string | null;
  userinfo: { user: string; password: string | null } | null;
  /** May contain HOLE; null for a relative URL. */
  host: string | null;
  port: string | null;
  /** Always starts with `/` when present; '' when the URL has no path. */
  path: string;
  query: string | null;
  /** Where `host` sits in the rendered string, for mapping back to a PartialString. */
  hostRange: [number, number] | null;
  /** Where `userinfo` (without the `@`) sits in the rendered string. */
  userinfoRange: [number, number] | null;
}

const SCHEME = new RegExp(`^(?:([a-z][a-z0-9+.-]*)|${HOLE}):\\/\\/`, 'iu');
/** A bare authority at the start: `store-abc.mybigcommerce.com/...` or a hole standing for an origin. */
const BARE_AUTHORITY = new RegExp(
  `^(?:(?:[a-z0-9${HOLE}-]+\\.)+(?!(?:json|xml|php|html?|js)(?:[/?#:]|$))[a-z]{2,}(?::\\d+)?|${HOLE}[^/?#\\s]*)(?=[/?#]|$)`,
  'iu',
);

/** A port at the end of `host:port` (non-global: `exec` keeps no state between calls). */
const PORT = new RegExp(`:(\\d*|${HOLE}+)$`, 'u');

export function splitUrl(rendered: string): UrlParts {
  let scheme: string | null = null;
  let authorityStart = -1;
  const schemeMatch = SCHEME.exec(rendered);
  if (schemeMatch) {
    scheme = schemeMatch[1] ? schemeMatch[1].toLowerCase() : HOLE;
    authorityStart = schemeMatch[0].length;
  } else if (rendered.startsWith('//')) {
    authorityStart = 2;
  } else if (!rendered.startsWith('/') && BARE_AUTHORITY.test(rendered)) {
    authorityStart = 0;
  }

  if (authorityStart === -1) {
    return { scheme: null, userinfo: null, host: null, port: null, ...splitPathAndQuery(rendered.startsWith('/') || rendered === '' ? rendered : `/${rendered}`), hostRange: null, userinfoRange: null };
  }

  const afterAuthority = rendered.slice(authorityStart).search(/[/?#]/);
  const authorityEnd = afterAuthority === -1 ? rendered.length : authorityStart + afterAuthority;
  const authority = rendered.slice(authorityStart, authorityEnd);

  let userinfo: UrlParts['userinfo'] = null;
  let userinfoRange: [number, number] | null = null;
  let hostStart = authorityStart;
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    const raw = authority.slice(0, at);
    const colon = raw.indexOf(':');
    userinfo = colon === -1 ? { user: raw, password: null } : { user: raw.slice(0, colon), password: raw.slice(colon + 1) };
    userinfoRange = [authorityStart, authorityStart + at];
    hostStart = authorityStart + at + 1;
  }

  let hostEnd = authorityEnd;
  let port: string | null = null;
  const hostAndPort = rendered.slice(hostStart, authorityEnd);
  const portMatch = PORT.exec(hostAndPort);
  if (portMatch && !hostAndPort.startsWith('[')) {
    port = portMatch[1] || null;
    hostEnd = authorityEnd - portMatch[0].length;
  } else if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    if (close !== -1 && hostAndPort[close + 1] === ':') {
      port = hostAndPort.slice(close + 2) || null;
      hostEnd = hostStart + close + 1;
    }
  }
  const host = rendered.slice(hostStart, hostEnd).toLowerCase();
  const rest = splitPathAndQuery(rendered.slice(authorityEnd));
  return { scheme, userinfo, host: host === '' ? null : host, port, ...rest, hostRange: host === '' ? null : [hostStart, hostEnd], userinfoRange };
}

function splitPathAndQuery(rest: string): { path: string; query: string | null } {
  const withoutFragment = rest.replace(/#.*$/su, '');
  const q = withoutFragment.indexOf('?');
  if (q === -1) return { path: withoutFragment, query: null };
  return { path: withoutFragment.slice(0, q), query: withoutFragment.slice(q + 1) };
}

/**
 * A URL written as text (in config, a script, another language's string) without its userinfo:
 * `https://user:key@host/...` becomes `https://host/...`, and the key, as written and decoded, joins
 * `secrets`, unless it names where the key comes from (`$KEY`, `${KEY}`).
 */
export function withoutUserinfo(url: string, secrets: string[]): string {
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#\s]*)@/i.exec(url);
  if (!userinfo) return url;
  const colon = userinfo[2].indexOf(':');
  const password = colon === -1 ? '' : userinfo[2].slice(colon + 1);
  if (password && !password.startsWith('$')) {
    secrets.push(password);
    try {
      const decoded = decodeURIComponent(password);
      if (decoded !== password) secrets.push(decoded);
    } catch {
      // Not percent-encoded after all: the password as written is the secret.
    }
  }
  return userinfo[1] + url.slice(userinfo[0].length);
}
