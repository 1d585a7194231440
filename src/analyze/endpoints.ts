// Turns a request path into the normalized endpoint the scope catalogue is keyed by: `/v2/orders/{id}`.

/** Marks a statically unknown part inside a rendered string (a private-use character no URL contains). */
export const HOLE = '\u{E000}';

export interface NormalizedEndpoint {
  endpoint: string | null;
  version: 'v2' | 'v3' | null;
  suffix: 'json' | 'xml' | null;
  /** Why `endpoint` is null. */
  reason?: string;
}

/**
 * Legacy spellings seen in old docs, response links and client libraries (BCFACTS §3.4), mapped to
 * the underscore forms the gateway and the catalogue use.
 */
const SEGMENT_ALIASES: Readonly<Record<string, string>> = {
  optionsets: 'option_sets',
  shippingaddresses: 'shipping_addresses',
  orderstatuses: 'order_statuses',
  discountrules: 'discount_rules',
  customfields: 'custom_fields',
  configurablefields: 'configurable_fields',
  taxclasses: 'tax_classes',
  giftcertificates: 'gift_certificates',
  customergroups: 'customer_groups',
  shippingquotes: 'shipping_quotes',
};

/** First path segments of every V2 resource a legacy account can call (BCFACTS §1.2). */
const V2_RESOURCES: ReadonlySet<string> = new Set([
  'banners',
  'blog',
  'brands',
  'categories',
  'countries',
  'coupons',
  'currencies',
  'customer_groups',
  'customers',
  'gift_certificates',
  'hooks',
  'option_sets',
  'options',
  'order_statuses',
  'orders',
  'pages',
  'payments',
  'products',
  'redirects',
  'requestlogs',
  'shipping',
  'store',
  'tax_classes',
  'time',
]);

const ID_PLACEHOLDER = /^(?:\{[A-Za-z_]\w*\}|:[A-Za-z_]\w*)$/;
const ONLY_HOLES = new RegExp(`^${HOLE}+$`, 'u');

const V2_API_PATH = new RegExp(`(?:^|/)api/v2(?=[/?#${HOLE}]|$)`, 'iu');

/** True when the path goes to the legacy REST root `/api/v2` (a hole may follow it directly). */
export function isV2ApiPath(path: string): boolean {
  return V2_API_PATH.test(path);
}

/** True when a normalized endpoint (`/v2/orders/{id}`) starts with a resource legacy accounts could call. */
export function isKnownV2Resource(endpoint: string | null): boolean {
  if (!endpoint) return false;
  // The second and third `/`-separated segments, read in place: `v2` and a known resource.
  const first = endpoint.indexOf('/');
  const second = first === -1 ? -1 : endpoint.indexOf('/', first + 1);
  if (second === -1 || endpoint.slice(first + 1, second) !== 'v2') return false;
  const third = endpoint.indexOf('/', second + 1);
  return V2_RESOURCES.has(endpoint.slice(second + 1, third === -1 ? endpoint.length : third));
}

/** Paths already normalized: a repository calls the same few endpoints from many places. */
const normalized = new Map<string, NormalizedEndpoint>();
const MAX_REMEMBERED = 10_000;

export function normalizeEndpoint(path: string): NormalizedEndpoint {
  let known = normalized.get(path);
  if (!known) {
    if (normalized.size >= MAX_REMEMBERED) normalized.clear();
    known = readEndpoint(path);
    normalized.set(path, known);
  }
  // A copy, so a caller that changes it changes no other caller's.
  return { ...known };
}

function readEndpoint(path: string): NormalizedEndpoint {
  const bare = path.replace(/[?#].*$/su, '');
  const segments = bare.split('/');
  const versionAt = findVersionSegment(segments);
  if (versionAt === -1) {
    const glued = segments.findIndex((s) => /^v[23]\u{E000}/u.test(s));
    if (glued !== -1) {
      return { endpoint: null, version: segments[glued].slice(0, 2) as 'v2' | 'v3', suffix: null, reason: 'The resource path is built from a value that is not known statically.' };
    }
    return { endpoint: null, version: null, suffix: null, reason: 'The path has no /v2 or /v3 API root.' };
  }
  const version = segments[versionAt].toLowerCase() as 'v2' | 'v3';
  const rest = segments.slice(versionAt + 1).filter((s) => s !== '');
  if (rest.length === 0) return { endpoint: null, version, suffix: null, reason: 'The path names no resource after the API root.' };

  let suffix: 'json' | 'xml' | null = null;
  const last = rest.length - 1;
  const suffixMatch = /\.(json|xml)$/i.exec(rest[last]);
  if (suffixMatch) {
    suffix = suffixMatch[1].toLowerCase() as 'json' | 'xml';
    rest[last] = rest[last].slice(0, -suffixMatch[0].length);
    if (rest[last] === '') rest.pop();
  }
  if (rest.length === 0) return { endpoint: null, version, suffix, reason: 'The path names no resource after the API root.' };

  const out: string[] = [];
  let previousWasId = true; // the first segment must be a resource name
  for (const raw of rest) {
    if (raw.includes(HOLE) && !ONLY_HOLES.test(raw)) {
      return { endpoint: null, version, suffix, reason: `A path segment joins text to a value that is not known statically (\`${encodeControls(raw).replaceAll(HOLE, '${…}')}\`).` };
    }
    const isId = /^\d+$/.test(raw) || ONLY_HOLES.test(raw) || ID_PLACEHOLDER.test(raw);
    if (isId) {
      if (previousWasId) {
        return { endpoint: null, version, suffix, reason: 'A resource name in the path is not known statically.' };
      }
      out.push('{id}');
      previousWasId = true;
      continue;
    }
    const name = encodeControls(decodeSegment(raw).toLowerCase());
    out.push(SEGMENT_ALIASES[name] ?? name);
    previousWasId = false;
  }
  return { endpoint: `/${version}/${out.join('/')}`, version, suffix };
}

/** Index of the `v2`/`v3` segment: after `api`, after `stores/<hash>`, or first in the path. */
function findVersionSegment(segments: string[]): number {
  for (let i = 0; i < segments.length; i++) {
    if (!/^v[23]$/i.test(segments[i])) continue;
    const before = segments.slice(0, i).filter((s) => s !== '');
    if (before.length === 0) return i;
    if (before[before.length - 1].toLowerCase() === 'api') return i;
    if (before.length >= 2 && before[before.length - 2].toLowerCase() === 'stores') return i;
  }
  return -1;
}

/**
 * Control, line-separator and bidi characters no resource name holds, percent-encoded again: an
 * endpoint is printed in reports and CI logs, where a decoded `%0A::warning …` would start a line
 * of its own (a GitHub workflow command) and a raw ESC would drive the terminal.
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function encodeControls(segment: string): string {
  return segment.replace(CONTROL_CHARS, (c) => encodeURIComponent(c));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
