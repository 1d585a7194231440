// Host classification: is this a store's own hostname, and which store hash does it carry?
import type { HostInfo } from '../types.ts';
import { HOLE } from './endpoints.ts';
import { describePartial, isHole, type PartialString } from './partial.ts';

const STORE_HOST = /^store-([a-z0-9]+)(?:-(\d+))?\.mybigcommerce\.com\.?$/;
const STORE_HOST_WITH_HOLE = new RegExp(`^store-(${HOLE})(?:-(\\d+|${HOLE}))?\\.mybigcommerce\\.com\\.?$`, 'u');
const MYBIGCOMMERCE = /(?:^|\.)mybigcommerce\.com\.?$/;
const GATEWAY = /^api\.bigcommerce\.com\.?$/;

/**
 * `host` is a hostname as rendered (HOLE for unknown parts) or the PartialString it came from
 * (which also gives the source text of a hole, for `storeHashExpression`).
 */
export function classifyHost(host: string | PartialString | null, stores: Record<string, string>): HostInfo {
  if (host === null) return { kind: 'unknown', name: null, storeHash: null };
  const parts: PartialString = typeof host === 'string' ? partialFromRendered(host) : host;
  const stripped = stripUserinfoAndPort(parts);
  const rendered = stripped.map((p) => (isHole(p) ? HOLE : p.text)).join('').toLowerCase();
  const name = describeHost(stripped);
  if (rendered === '') return { kind: 'unknown', name: null, storeHash: null };

  const store = STORE_HOST.exec(rendered);
  if (store) {
    return { kind: 'store-hostname', name, storeHash: store[1], storeHashSource: 'hostname', channelId: store[2] ?? null };
  }
  const dynamicStore = STORE_HOST_WITH_HOLE.exec(rendered);
  if (dynamicStore) {
    const holes = stripped.filter(isHole);
    const info: HostInfo = { kind: 'store-hostname', name, storeHash: null, channelId: dynamicStore[2] && dynamicStore[2] !== HOLE ? dynamicStore[2] : null };
    if (holes[0] && holes[0].hole !== UNKNOWN_SOURCE) info.storeHashExpression = holes[0].hole;
    return info;
  }
  const mapped = lookupStore(rendered, stores);
  if (MYBIGCOMMERCE.test(rendered)) {
    return withMapping({ kind: 'mybigcommerce-other', name, storeHash: null }, mapped);
  }
  if (rendered.includes(HOLE) || !/^[a-z0-9.-]+$/.test(rendered.replace(/^\[.*\]$/, 'ip'))) {
    return { kind: 'unknown', name: rendered.replaceAll(HOLE, '') === '' ? null : name, storeHash: null };
  }
  return withMapping({ kind: 'custom-domain', name, storeHash: null }, mapped);
}

const UNKNOWN_SOURCE = '…';

function partialFromRendered(host: string): PartialString {
  const out: PartialString = [];
  host.split(HOLE).forEach((text, i) => {
    if (i > 0) out.push({ hole: UNKNOWN_SOURCE });
    if (text) out.push({ text });
  });
  return out;
}

/**
 * Multi-tenant services whose own API is also under `/api/v2` (Zendesk, Freshdesk, Freshservice,
 * Atlassian Statuspage) or whose tenants are another platform's stores (Shopify). A name under one
 * of these belongs to that service: it can never be a merchant's custom domain for a BigCommerce store.
 */
const OTHER_SERVICE_DOMAINS = ['zendesk.com', 'freshdesk.com', 'freshservice.com', 'statuspage.io', 'myshopify.com'];

/** The other service a static host name belongs to (`acme.zendesk.com` → `zendesk.com`), or null. */
export function otherServiceOf(host: string | null): string | null {
  if (host === null) return null;
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return OTHER_SERVICE_DOMAINS.find((domain) => name === domain || name.endsWith(`.${domain}`)) ?? null;
}

export function isGatewayHost(host: string | null): boolean {
  return host !== null && GATEWAY.test(host.toLowerCase().replace(/:\d+$/, ''));
}

function withMapping(info: HostInfo, mapped: string | null): HostInfo {
  return mapped ? { ...info, storeHash: mapped, storeHashSource: 'config' } : info;
}

function lookupStore(host: string, stores: Record<string, string>): string | null {
  if (host.includes(HOLE)) return null;
  const wanted = host.replace(/\.$/, '');
  const bare = wanted.replace(/^www\./, '');
  for (const [key, hash] of Object.entries(stores)) {
    const k = normalizeStoreKey(key);
    if (k === wanted || k.replace(/^www\./, '') === bare) return hash;
  }
  return null;
}

function normalizeStoreKey(key: string): string {
  return key.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/^[^@]*@/, '').replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Drops `user:pass@` and `:port` from the parts, whatever their static/dynamic mix. */
function stripUserinfoAndPort(parts: PartialString): PartialString {
  let out = parts.map((p) => ({ ...p }));
  const atIndex = findLastTextIndex(out, '@');
  if (atIndex) {
    const [i, pos] = atIndex;
    const part = out[i] as { text: string };
    out = [{ ...out[i], text: part.text.slice(pos + 1) }, ...out.slice(i + 1)];
  }
  const last = out[out.length - 1];
  if (last && !isHole(last)) {
    const text = last.text.replace(/:\d*$/, '');
    out[out.length - 1] = { ...last, text };
  } else if (out.length >= 2) {
    const beforeLast = out[out.length - 2];
    if (!isHole(beforeLast) && beforeLast.text.endsWith(':')) {
      out = [...out.slice(0, -2), { ...beforeLast, text: beforeLast.text.slice(0, -1) }];
    }
  }
  return out.filter((p) => isHole(p) || p.text !== '');
}

function findLastTextIndex(parts: PartialString, char: string): [number, number] | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (isHole(p)) continue;
    const pos = p.text.lastIndexOf(char);
    if (pos !== -1) return [i, pos];
  }
  return null;
}

function describeHost(parts: PartialString): string {
  return describePartial(parts.map((p) => (isHole(p) ? p : { ...p, text: p.text.toLowerCase() })));
}
