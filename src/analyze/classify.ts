// Decides what is legacy, for every client alike: a RequestMatch in, a verdict and findings out.
import type { Confidence, Config, Finding, HostInfo, Note, TraceStep } from '../types.ts';
import { locationOf, type AstNode } from './ast.ts';
import type { AuthEvidence, ClientConfigMatch, HardcodedSecret, RequestMatch } from './detectors/detector.ts';
import { HOLE, isKnownV2Resource, isV2ApiPath, normalizeEndpoint, type NormalizedEndpoint } from './endpoints.ts';
import { makeFinding } from './finding.ts';
import { classifyHost, isGatewayHost, otherServiceOf } from './hosts.ts';
import { describePartial, isHole, renderPartial, slicePartial, type PartialString } from './partial.ts';
import { redactSnippet, snippetOf } from './snippet.ts';
import type { FileIndex } from './scope.ts';
import { splitUrl, type UrlParts } from './url.ts';
import { dualModeOf } from './dual-mode.ts';

/** What the classifier needs to know about the file a match is in. */
export interface FileContext {
  file: string;
  text: string;
  config: Config;
  index: FileIndex;
  /** The file lives where browsers load code from (public/, static/, assets/, a theme). */
  browserFile: boolean;
  /** The file reads `window` or `document` as globals. */
  usesBrowserGlobals: boolean;
  /** Every hard-coded secret value seen in the file, so snippets can be redacted. */
  secrets: Set<string>;
}

export interface Verdict {
  legacy: boolean;
  /** Why the request is (or is not) legacy, in words. */
  reason: string;
  /** The full URL: base URL and call URL joined. */
  url: PartialString;
  parts: UrlParts;
  host: HostInfo;
  endpoint: NormalizedEndpoint;
  hasAuth: boolean;
  confidence: Confidence;
  browserSide: boolean;
  xml: boolean;
  dualMode: 'none' | 'separable' | 'inseparable';
  fixable: boolean;
  notes: Note[];
}

/** Folders browsers load code from, and Vue and Svelte components (an Astro file's frontmatter runs on the server). */
const BROWSER_PATH = /(?:^|\/)(?:public|static|assets|www|theme|themes|templates|stencil)\/|\.(?:vue|svelte)$/i;

export function isBrowserPath(file: string): boolean {
  return BROWSER_PATH.test(file);
}

/** Joins a client base URL and a call URL the way axios and got do; an absolute call URL wins. */
export function joinUrl(base: PartialString | null, url: PartialString | null): PartialString {
  if (!base || base.length === 0) return url ?? [];
  if (!url || url.length === 0) return base;
  const rendered = renderPartial(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rendered) || rendered.startsWith('//')) return url;
  const baseText = renderPartial(base);
  const left = slicePartial(base, 0, baseText.replace(/\/+$/, '').length);
  const trimmed = rendered.replace(/^\/+/, '');
  const right = slicePartial(url, rendered.length - trimmed.length, rendered.length);
  return trimmed === '' ? left : [...left, { text: '/' }, ...right];
}

export function judgeRequest(match: RequestMatch, fctx: FileContext): Verdict {
  const url = joinUrl(match.baseUrl?.value ?? null, match.url?.value ?? null);
  const rendered = renderPartial(url);
  const parts = splitUrl(rendered);
  const hostPartial = parts.hostRange ? slicePartial(url, parts.hostRange[0], parts.hostRange[1]) : null;
  const host = classifyHost(hostPartial, fctx.config.stores);
  const endpoint = normalizeEndpoint(parts.path);
  const hasAuth = match.auth.length > 0;
  const browserSide = match.browserSide || fctx.browserFile || fctx.usesBrowserGlobals;
  const xml = match.xml || endpoint.suffix === 'xml';
  // Written out rather than spread from a shared base: this runs for every request, and object spread was measured slow here.
  const notLegacy = (reason: string): Verdict => ({ url, parts, host, endpoint, hasAuth, browserSide, xml, legacy: false, reason, confidence: 'low', dualMode: 'none', fixable: false, notes: [] });

  if (parts.host && isGatewayHost(parts.host)) return notLegacy('The request already goes to the OAuth gateway.');
  const otherService = otherServiceOf(parts.host);
  if (otherService) return notLegacy(`The host belongs to ${otherService}, another service with an /api/v2 of its own.`);
  const hostNamesBigCommerce = hostPartial?.some((p) => isHole(p) && /bigcommerce|\bbc[_-]?store|store[_-]?hash/i.test(p.hole)) ?? false;
  if (!isV2ApiPath(parts.path)) {
    if (!mayHideLegacyBase(rendered, parts.path, hasAuth, hostNamesBigCommerce, fctx.text)) return notLegacy('The path is not under /api/v2.');
    return opaqueVerdict(match, { url, parts, host, hasAuth, browserSide, xml }, fctx);
  }

  const bigcommerceHost = host.kind === 'store-hostname' || host.kind === 'mybigcommerce-other';
  const knownResource = isKnownV2Resource(endpoint.endpoint);
  // A custom domain can be anything, and other services have /api/v2 too: only the config's
  // `stores:` mapping or a file that names BigCommerce says that this one is a store.
  const unprovenDomain = host.kind === 'custom-domain' && host.storeHashSource !== 'config' && !fctx.config.trustCustomDomains && !namesBigCommerce(fctx.text);
  let confidence: Confidence;
  if (bigcommerceHost) {
    confidence = hasAuth ? 'high' : 'medium';
  } else if (hasAuth && knownResource) {
    confidence = host.kind === 'custom-domain' ? (unprovenDomain ? 'low' : 'high') : 'medium';
  } else if (hostNamesBigCommerce && (hasAuth || knownResource)) {
    // Without auth in sight, a V2 resource on a host named after BigCommerce is still most likely a
    // legacy call whose auth is added elsewhere (an interceptor, a helper): said, not left out.
    confidence = 'low';
  } else {
    return notLegacy(hasAuth ? 'A /api/v2 path on a host with no BigCommerce evidence.' : 'No basic auth and no BigCommerce host.');
  }

  const notes: Note[] = [];
  if (unprovenDomain) {
    notes.push({
      kind: 'not-rewritable',
      message: `Nothing in this file or the config says ${host.name ?? 'this host'} is a BigCommerce store: it may be another service with an /api/v2 of its own. If it is a store's custom domain, map it to its store hash under \`stores:\` in .bc-oauth-migrate.yml and \`fix\` will rewrite it; if not, suppress this finding.`,
    });
  }
  if (match.unknownClient) {
    notes.push({ kind: 'not-rewritable', message: `This tool does not know ${match.client} as an HTTP client, so it cannot rewrite the call${match.method ? '' : ' or tell its method'}: move it to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header by hand.` });
  }
  if (!hasAuth) {
    notes.push({ kind: 'not-rewritable', message: 'No basic auth was seen on this call; it may be added elsewhere (an interceptor, a shared client). Check how it authenticates.' });
  }
  if (browserSide) {
    notes.push({ kind: 'browser-side', message: 'This request runs in a browser: an OAuth access token there is visible to everyone. Move the call behind a server-side proxy instead of rewriting it.' });
  }
  if (xml) {
    notes.push({ kind: 'xml-format', message: 'This request uses XML; the OAuth gateway speaks JSON. Port the request and its parsing to JSON by hand.' });
  }
  if (endpoint.endpoint === null && endpoint.reason && match.url) {
    notes.push({ kind: 'dynamic-endpoint', message: `${endpoint.reason} The scope it needs cannot be known statically.` });
  }
  const dualMode = dualModeOf(match.call, fctx.index);
  if (dualMode !== 'none') {
    notes.push({
      kind: 'dual-mode',
      message: dualMode === 'separable'
        ? 'An OAuth (gateway) branch already exists beside this legacy branch; only the legacy branch needs to change, or it can be removed.'
        : 'This code chooses between OAuth and legacy auth in the same request; it must be untangled by hand.',
    });
  }
  const fixable = hasAuth && !browserSide && !xml && host.kind !== 'unknown' && !unprovenDomain && dualMode !== 'inseparable' && !match.unknownClient;
  const reason = bigcommerceHost
    ? 'A request to a store host under /api/v2.'
    : !hasAuth
      ? 'A BigCommerce V2 resource under /api/v2 on a host named after BigCommerce.'
      : knownResource
        ? 'Basic auth with a BigCommerce V2 resource path under /api/v2.'
        : 'Basic auth under /api/v2 on a host named after BigCommerce.';
  return { url, parts, host, endpoint, hasAuth, browserSide, xml, legacy: true, reason, confidence, dualMode, fixable, notes };
}

/**
 * A request with basic auth whose URL starts with a value not known statically, in a file that names
 * a store host and the /api/v2 root (or through a value named after BigCommerce): its base may well be a store's
 * `/api/v2`. Only when what follows could be a V2 path: nothing, or a V2 resource.
 */
function mayHideLegacyBase(rendered: string, path: string, hasAuth: boolean, hostNamesBigCommerce: boolean, text: string): boolean {
  if (!hasAuth || !rendered.startsWith(HOLE)) return false;
  if (path !== '' && !isKnownV2Resource(normalizeEndpoint(`/api/v2${path}`).endpoint)) return false;
  // Both words: other services have /api/v2 paths too, and storefront links name store hosts.
  return hostNamesBigCommerce || (STORE_HOST_WORD.test(text) && V2_ROOT_WORD.test(text));
}

/**
 * A file that names BigCommerce: the word (`mybigcommerce.com`, `BIGCOMMERCE_TOKEN`, `node-bigcommerce`),
 * a `BC_` / `bc_` name (`BC_API_KEY`, `bc_store_url`) or a store hash.
 */
const BIGCOMMERCE_NAMED = /bigcommerce|\bBC_\w|\bbc_[a-z]|store[_-]?hash/i;

function namesBigCommerce(text: string): boolean {
  return BIGCOMMERCE_NAMED.test(text);
}

const STORE_HOST_WORD = /mybigcommerce/i;
const V2_ROOT_WORD = /\/api\/v2/i;

/** Reported, with low confidence and no endpoint: the scope list says it is incomplete rather than guess a scope. */
function opaqueVerdict(match: RequestMatch, seen: Pick<Verdict, 'url' | 'parts' | 'host' | 'hasAuth' | 'browserSide' | 'xml'>, fctx: FileContext): Verdict {
  const shown = describePartial(seen.url);
  const notes: Note[] = [
    {
      kind: 'dynamic-endpoint',
      message: `The URL (${shown}) is not known statically, and this file uses the legacy API: if its base is a store's /api/v2, this is a legacy call. Check it; the scope it needs cannot be known.`,
    },
  ];
  const dualMode = dualModeOf(match.call, fctx.index);
  return {
    ...seen,
    endpoint: normalizeEndpoint(''),
    legacy: true,
    reason: 'Basic auth to a URL not known statically, in a file that uses the legacy API.',
    confidence: 'low',
    dualMode,
    fixable: false,
    notes,
  };
}

/** A legacy-api-call finding for a judged request. */
export function requestFinding(match: RequestMatch, verdict: Verdict, fctx: FileContext, extra: { trace?: TraceStep[]; notes?: Note[]; rule?: 'legacy-api-call' | 'legacy-request-wrapper'; message?: string; at?: AstNode } = {}): Finding {
  const at = extra.at ?? match.call;
  const location = locationOf(at, fctx.file);
  const snippet = redactSnippet(snippetOf(fctx.text, location.line, location.endLine), fctx.secrets);
  const notes: Note[] = [];
  for (const list of [verdict.notes, extra.notes ?? []]) for (const note of list) if (!notes.some((n) => n.kind === note.kind)) notes.push(note);
  const method = match.method;
  if (method === null && match.methodSource === 'option' && !notes.some((n) => n.kind === 'dynamic-method')) {
    notes.push({ kind: 'dynamic-method', message: 'The HTTP method comes from an expression that cannot be resolved statically.' });
  }
  return makeFinding({
    rule: extra.rule ?? 'legacy-api-call',
    client: match.client,
    location,
    confidence: verdict.confidence,
    host: verdict.host,
    method,
    endpoint: verdict.endpoint.endpoint,
    fixable: verdict.fixable,
    message: extra.message ?? requestMessage(match, verdict),
    code: snippet,
    notes,
    trace: [...traceOf(match, verdict, fctx), ...(extra.trace ?? [])],
    snippet,
  });
}

function requestMessage(match: RequestMatch, verdict: Verdict): string {
  const what = verdict.endpoint.endpoint ?? `${describePath(verdict) || describePartial(verdict.url)} (endpoint not known statically)`;
  const method = match.method ?? 'A request (method not known statically)';
  const auth = verdict.hasAuth ? `basic auth (${authWords(match.auth)})` : 'no basic auth seen';
  const via = match.unknownClient ? `${match.client} (not an HTTP client this tool knows)` : match.client;
  return `${method} ${what} goes to the legacy API on ${hostWords(verdict.host)} with ${auth}, via ${via}.`;
}

function describePath(verdict: Verdict): string {
  const { parts, url } = verdict;
  const rendered = renderPartial(url);
  const start = rendered.indexOf(parts.path, parts.hostRange ? parts.hostRange[1] : 0);
  if (start === -1) return parts.path.replaceAll(HOLE, '${…}');
  return describePartial(slicePartial(url, start, start + parts.path.length));
}

export function hostWords(host: HostInfo): string {
  switch (host.kind) {
    case 'store-hostname':
      return host.name ?? 'a store host';
    case 'mybigcommerce-other':
      return `${host.name} (a mybigcommerce.com name without a store hash)`;
    case 'custom-domain':
      return `the custom domain ${host.name}`;
    default:
      return host.name ? `a host not known statically (${host.name})` : 'a host not known statically';
  }
}

function authWords(auth: AuthEvidence[]): string {
  const words: Record<AuthEvidence['kind'], string> = {
    'basic-header': 'Authorization header',
    'auth-option': 'auth option',
    userinfo: 'credentials in the URL',
    'xhr-credentials': 'XMLHttpRequest credentials',
    'set-request-header': 'Authorization header',
    'superagent-auth': '.auth()',
  };
  return [...new Set(auth.map((a) => words[a.kind]))].join(', ');
}

function traceOf(match: RequestMatch, verdict: Verdict, fctx: FileContext): TraceStep[] {
  const steps: TraceStep[] = [];
  const hostPart = verdict.parts.hostRange ? slicePartial(verdict.url, verdict.parts.hostRange[0], verdict.parts.hostRange[1]).find((p) => p.node) : undefined;
  if (hostPart?.node?.loc) {
    steps.push({ role: 'host', file: fctx.file, line: hostPart.node.loc.start.line, description: `host ${hostWords(verdict.host)}` });
  }
  if (match.baseUrl) {
    steps.push({ role: 'path', file: fctx.file, line: match.baseUrl.node.loc?.start?.line ?? 1, description: 'base URL from the client configuration' });
  }
  for (const auth of match.auth) {
    if (auth.node.loc) steps.push({ role: 'auth', file: fctx.file, line: auth.node.loc.start.line, description: authWords([auth]) });
  }
  if (match.url?.node.loc) steps.push({ role: 'path', file: fctx.file, line: match.url.node.loc.start.line, description: 'request URL' });
  return steps;
}

/**
 * One `hardcoded-credential` finding per literal; the value itself never leaves `secrets`. It is no
 * surer to be a legacy key than its request is to be legacy, and `fix` removes it only with that
 * request's rewrite.
 */
export function credentialFinding(secret: HardcodedSecret, verdict: Pick<Verdict, 'host' | 'confidence' | 'fixable'>, client: string, fctx: FileContext): Finding {
  const location = locationOf(secret.node, fctx.file);
  const snippet = redactSnippet(snippetOf(fctx.text, location.line, location.endLine), fctx.secrets);
  const what: Record<HardcodedSecret['what'], string> = {
    password: 'A legacy API key (basic-auth password)',
    token: 'A pre-encoded Basic auth token',
    userinfo: 'A legacy API key in the URL',
    credentials: 'Legacy API credentials',
  };
  return makeFinding({
    rule: 'hardcoded-credential',
    client,
    location,
    confidence: verdict.confidence,
    host: verdict.host,
    method: null,
    endpoint: null,
    fixable: verdict.fixable,
    message: `${what[secret.what]} is written into the code. Move it out of the code and rotate it; after the migration delete the legacy API account.`,
    code: snippet,
    snippet,
  });
}

/** Whether a client config (instance or defaults) is itself legacy: judged like a request to its base URL. */
export function judgeConfig(config: ClientConfigMatch, calls: Array<{ match: RequestMatch; verdict: Verdict }>, fctx: FileContext): Verdict | null {
  const asRequest: RequestMatch = {
    client: config.client,
    call: config.node,
    url: null,
    baseUrl: config.baseUrl,
    method: null,
    methodNode: null,
    methodSource: 'default',
    auth: config.auth,
    headers: config.headers,
    options: config.options,
    config,
    browserSide: false,
    xml: false,
    env: null,
  };
  // An instance that only extends another adds nothing to migrate: the parent is where the change goes.
  if (config.parent && !config.baseUrl && config.auth.length === 0) return null;
  const own = judgeRequest(asRequest, fctx);
  const legacyCall = calls.find((c) => c.match.config === config && c.verdict.legacy);
  if (own.legacy) return { ...own, notes: own.notes.filter((n) => n.kind !== 'dynamic-endpoint') };
  if (legacyCall) return { ...legacyCall.verdict, notes: legacyCall.verdict.notes.filter((n) => n.kind !== 'dynamic-endpoint') };
  return null;
}

export function configFinding(config: ClientConfigMatch, verdict: Verdict, fctx: FileContext): Finding {
  const location = locationOf(config.node, fctx.file);
  const snippet = redactSnippet(snippetOf(fctx.text, location.line, location.endLine), fctx.secrets);
  const name = config.instanceName ? `\`${config.instanceName}\`` : 'defaults';
  const what = config.kind === 'defaults' ? `${config.client} defaults are` : `${config.client} instance ${name} is`;
  const auth = config.auth.length > 0 ? 'basic auth' : 'no basic auth of its own';
  return makeFinding({
    rule: 'legacy-client-config',
    client: config.client,
    location,
    confidence: verdict.confidence,
    host: verdict.host,
    method: null,
    endpoint: null,
    fixable: verdict.fixable,
    message: `The ${what} configured for the legacy API on ${hostWords(verdict.host)} with ${auth}.`,
    code: snippet,
    notes: verdict.notes.filter((n) => n.kind !== 'dynamic-method'),
    snippet,
  });
}
