// The URL half of a rewrite: `https://store-abc123.mybigcommerce.com/api/v2/orders/5.json` becomes
// `https://api.bigcommerce.com/stores/abc123/v2/orders/5`, edited in the literals the URL is made of
// (a base constant once, where it is defined; the call's own path where it is written).
import type { AstNode } from '../../src/analyze/ast.ts';
import { HOLE, normalizeEndpoint } from '../../src/analyze/endpoints.ts';
import { isHole, renderPartial, type PartialString, type TextPart } from '../../src/analyze/partial.ts';
import { splitUrl } from '../../src/analyze/url.ts';
import type { HostInfo } from '../../src/types.ts';
import { envRead, sourceText, type RewriteContext } from './context.ts';
import type { Op, Piece } from './ops.ts';

export const GATEWAY_HOST = 'api.bigcommerce.com';

export interface UrlRewrite {
  ops: Op[];
  /** Credentials were taken out of the URL: the request needs the token header instead. */
  removedUserinfo: boolean;
  /** The store hash is read from the environment: the user must set it. */
  hashFromEnv: boolean;
}

export interface Refusal {
  reason: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'reason' in value && !('ops' in value);
}

export interface UrlOptions {
  /** 'split' when host and path are separate values (Node's `hostname` + `path`). */
  layout: 'joined' | 'split';
  /** A client base URL (axios `baseURL`, got `prefixUrl`): its trailing slash and missing path are fine. */
  base: boolean;
}

interface Substitution {
  start: number;
  end: number;
  pieces: Piece[];
}

const API_V2 = new RegExp(`(?:^|/)api/v2(?=[/?#${HOLE}]|$)`, 'iu');

export function planUrlRewrite(rc: RewriteContext, url: PartialString, host: HostInfo, options: UrlOptions): UrlRewrite | Refusal {
  const rendered = renderPartial(url);
  const parts = splitUrl(rendered);
  if (!parts.hostRange) return { reason: 'The URL has no host the codemod can see.' };
  // :443 is what https means anyway; any other port is not the store's API.
  if (parts.port && parts.port !== '443') return { reason: `The URL names a port (:${parts.port}); point it at ${GATEWAY_HOST} by hand.` };
  const [hostStart, hostEnd] = parts.hostRange;
  const subs: Substitution[] = [];
  const ops: Op[] = [];

  if (parts.scheme === 'http') {
    const at = rendered.toLowerCase().indexOf('http');
    subs.push({ start: at, end: at + 4, pieces: [{ text: 'https' }] });
  }
  if (parts.userinfoRange) {
    const [from, to] = [parts.userinfoRange[0], parts.userinfoRange[1] + 1];
    const removal = interpolatedUserinfoRemoval(rc, url, from, to);
    if (removal) ops.push(removal);
    else subs.push({ start: from, end: to, pieces: [] });
  }

  const pathStart = hostEnd + (parts.port ? parts.port.length + 1 : 0);
  const pathText = rendered.slice(pathStart, pathStart + parts.path.length);
  const api = API_V2.exec(pathText);
  const prefixEnd = api ? pathStart + api.index + api[0].length : null;
  if (prefixEnd === null && !options.base) return { reason: 'The path does not start with /api/v2 where the codemod can see it.' };

  // A hash interpolated from a constant (`store-${STORE_HASH}` with STORE_HASH = 'abc123') is known
  // text, but it lives in the constant: treat it like a hole, so the constant is left alone.
  const hostHoles: Array<[number, HoleLike]> = holesIn(url, hostStart, hostEnd);
  if (hostHoles.length === 0 && host.storeHash) {
    const interpolated = interpolatedHash(url, hostStart, hostEnd, host.storeHash);
    if (interpolated) hostHoles.push(interpolated);
  }
  let hashFromEnv = false;
  if (hostHoles.length === 0) {
    const hash = hashPieces(rc, host);
    if (!hash) return { reason: 'No store hash is known for this host.' };
    hashFromEnv = hash.fromEnv;
    subs.push({ start: hostStart, end: hostEnd, pieces: [{ text: GATEWAY_HOST }] });
    if (prefixEnd !== null) subs.push({ start: pathStart, end: prefixEnd, pieces: [{ text: '/stores/' }, ...hash.pieces, { text: '/v2' }] });
  } else if (hostHoles.length === 1 && (host.storeHashExpression || hostHoles[0][1].width !== undefined)) {
    const [holeAt, hole] = hostHoles[0];
    const holeEnd = holeAt + (hole.width ?? 1);
    if (options.layout === 'joined') {
      // `store-${HASH}.mybigcommerce.com/api/v2` → `api.bigcommerce.com/stores/${HASH}/v2`, the hole kept in place.
      subs.push({ start: hostStart, end: holeAt, pieces: [{ text: `${GATEWAY_HOST}/stores/` }] });
      subs.push({ start: holeEnd, end: prefixEnd ?? hostEnd, pieces: prefixEnd === null ? [] : [{ text: '/v2' }] });
    } else {
      // The hostname is its own value: it becomes the gateway, the hash moves into the path.
      const removal = hole.width === undefined ? templateHoleRemoval(rc, hole) : null;
      if (!removal || prefixEnd === null) return { reason: 'The store hash sits in the hostname where the codemod cannot move it into the path.' };
      ops.push(removal);
      subs.push({ start: hostStart, end: holeAt, pieces: [] });
      subs.push({ start: holeEnd, end: hostEnd, pieces: [{ text: GATEWAY_HOST }] });
      subs.push({ start: pathStart, end: prefixEnd, pieces: [{ text: '/stores/' }, { expr: sourceText(rc, hole.node!) }, { text: '/v2' }] });
    }
  } else {
    return { reason: 'The host is not static text the codemod can rewrite.' };
  }

  if (!options.base) {
    const pathEnd = pathStart + parts.path.length;
    let end = pathEnd;
    if (/\.json$/i.test(parts.path)) {
      subs.push({ start: pathEnd - 5, end: pathEnd, pieces: [] });
      end = pathEnd - 5;
    }
    // The gateway answers a trailing slash with 403.
    if (rendered[end - 1] === '/' && prefixEnd !== null && end - 1 > prefixEnd && isStaticAt(url, end - 1)) {
      subs.push({ start: end - 1, end, pieces: [] });
    }
  }

  if (!options.base && prefixEnd !== null) subs.push(...aliasSubstitutions(url, rendered, prefixEnd, pathStart + parts.path.length));

  for (const sub of subs) {
    const mapped = substitute(url, sub);
    if (isRefusal(mapped)) return mapped;
    ops.push(...mapped);
  }
  return { ops, removedUserinfo: parts.userinfoRange !== null, hashFromEnv };
}

/**
 * Legacy alias spellings (`orderstatuses`, `optionsets`) become the names the gateway and the scope
 * catalogue use; the endpoint normalizer says which, so the two never disagree.
 */
function aliasSubstitutions(url: PartialString, rendered: string, from: number, to: number): Substitution[] {
  const subs: Substitution[] = [];
  let at = from;
  for (const segment of rendered.slice(from, to).split('/')) {
    const start = at;
    at += segment.length + 1;
    const name = segment.replace(/\.(json|xml)$/i, '');
    if (name === '' || name.includes(HOLE) || /^\d+$/.test(name)) continue;
    const normalized = normalizeEndpoint(`/v2/${name}`).endpoint?.split('/')[2];
    if (normalized && normalized !== name.toLowerCase() && isStaticAt(url, start) && isStaticAt(url, start + name.length - 1)) {
      subs.push({ start, end: start + name.length, pieces: [{ text: normalized }] });
    }
  }
  return subs;
}

/** Where the store hash comes from when the hostname does not hold it as an expression. */
function hashPieces(rc: RewriteContext, host: HostInfo): { pieces: Piece[]; fromEnv: boolean } | null {
  if (host.storeHash) return { pieces: [{ text: host.storeHash }], fromEnv: false };
  if (host.kind === 'unknown') return null;
  if (rc.settings.storeHash) return { pieces: [{ text: rc.settings.storeHash }], fromEnv: false };
  return { pieces: [{ expr: envRead(rc.settings.config.storeHashEnv) }], fromEnv: true };
}

/** A hole, or (with `width`) known text that stands in for one. */
interface HoleLike {
  hole: string;
  node?: AstNode;
  width?: number;
}

/** Holes (with their rendered index) between two rendered offsets. */
function holesIn(url: PartialString, from: number, to: number): Array<[number, HoleLike]> {
  const out: Array<[number, HoleLike]> = [];
  let at = 0;
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    if (isHole(part) && at >= from && at < to) out.push([at, part]);
    at += length;
  }
  return out;
}

/** A part of the host that is exactly the store hash and comes from another literal than its neighbours. */
function interpolatedHash(url: PartialString, from: number, to: number, hash: string): [number, HoleLike] | null {
  let at = 0;
  const inHost: Array<{ at: number; part: TextPart }> = [];
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    if (!isHole(part) && at < to && at + length > from) inHost.push({ at, part });
    at += length;
  }
  const nodes = new Set(inHost.map((p) => p.part.node));
  if (nodes.size < 2) return null;
  const found = inHost.find((p, i) => p.part.text === hash && p.part.node !== inHost[i - 1]?.part.node && p.part.node !== inHost[i + 1]?.part.node);
  return found ? [found.at, { hole: hash, node: found.part.node, width: hash.length }] : null;
}

function isStaticAt(url: PartialString, index: number): boolean {
  let at = 0;
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    if (index < at + length) return !isHole(part) && Boolean(part.node);
    at += length;
  }
  return false;
}

/**
 * `https://${USER}:${KEY}@store-…`: the userinfo, its `${…}` parts with it, taken out of the template
 * literal that spells the URL, from the end of the quasi before it to past the `@`. The constants it
 * read keep their values (the cleanup removes them when nothing else reads them): emptying them would
 * leave `${USER}${KEY}` in the URL. Null when the userinfo is written in one literal, or is not
 * framed by the template's own text.
 */
function interpolatedUserinfoRemoval(rc: RewriteContext, url: PartialString, from: number, to: number): Op | null {
  const spans: Array<{ part: (typeof url)[number]; at: number; length: number }> = [];
  let at = 0;
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    spans.push({ part, at, length });
    at += length;
  }
  const quasiOf = (span: (typeof spans)[number] | undefined, template?: AstNode): AstNode | null => {
    const node = span && !isHole(span.part) ? span.part.node : undefined;
    if (!node || node.type !== 'TemplateElement') return null;
    if (rc.source.slice(node.start!, node.end!) !== node.value?.cooked) return null;
    const parent = rc.parentOf(node);
    return parent?.type === 'TemplateLiteral' && (!template || parent === template) ? node : null;
  };
  const firstAt = spans.findIndex((s) => s.at <= from && from < s.at + s.length);
  const lastAt = spans.findIndex((s) => s.at < to && to <= s.at + s.length);
  if (firstAt === -1 || lastAt === -1) return null;
  // The `@` sits in the template's own text.
  const atSign = quasiOf(spans[lastAt]);
  if (!atSign) return null;
  const template = rc.parentOf(atSign)!;
  const touched = spans.slice(firstAt, lastAt + 1);
  if (touched.every((s) => quasiOf(s, template))) return null;
  const sourceAt = (span: (typeof spans)[number], rendered: number) => span.part.node!.start! + ((span.part as TextPart).offset ?? 0) + (rendered - span.at);
  let start: number;
  const first = spans[firstAt];
  if (quasiOf(first, template)) start = sourceAt(first, from);
  else {
    // Starts with an interpolation: the quasi before it must end right there (`https://` then `${…}`).
    const before = spans[firstAt - 1];
    const quasi = quasiOf(before, template);
    if (!quasi || first.at !== from || sourceAt(before, before.at + before.length) !== quasi.end) return null;
    start = quasi.end!;
  }
  return { kind: 'replace', start, end: sourceAt(spans[lastAt], to), text: '', node: template };
}

/** `${expr}` taken out of a template literal: from the end of the quasi before to the start of the one after. */
function templateHoleRemoval(rc: RewriteContext, hole: HoleLike): Op | null {
  if (!hole.node) return null;
  const template = rc.parentOf(hole.node);
  if (!template || template.type !== 'TemplateLiteral') return null;
  const at = template.expressions.indexOf(hole.node);
  if (at === -1) return null;
  return { kind: 'replace', start: template.quasis[at].end!, end: template.quasis[at + 1].start!, text: '', node: template };
}

/**
 * Puts one substitution onto the literals under it. The replacement goes into the last literal the
 * range touches and the others lose their part, so a base URL edited alone and edited as part of a
 * call come out the same. Text that no literal holds (a `/` a client adds between base and path)
 * must survive as it is at either end of the range.
 */
function substitute(url: PartialString, sub: Substitution): Op[] | Refusal {
  const touched: Array<{ part: TextPart; from: number; to: number }> = [];
  let at = 0;
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    const from = Math.max(sub.start!, at);
    const to = Math.min(sub.end!, at + length);
    if (from < to) {
      if (isHole(part)) return { reason: 'A value that is not known statically sits where the URL must change.' };
      touched.push({ part, from: from - at, to: to - at });
    }
    at += length;
  }
  let pieces = [...sub.pieces];
  // Synthetic text at the edges must be reproduced by the replacement.
  while (touched.length > 0 && !touched[0].part.node) {
    const text = touched[0].part.text.slice(touched[0].from, touched[0].to);
    const first = pieces[0];
    if (!first || !('text' in first) || !first.text.startsWith(text)) return { reason: 'Part of the URL is not written in the code where it must change.' };
    pieces = [{ text: first.text.slice(text.length) }, ...pieces.slice(1)];
    touched.shift();
  }
  while (touched.length > 0 && !touched[touched.length - 1].part.node) {
    const last = touched[touched.length - 1];
    const text = last.part.text.slice(last.from, last.to);
    const tail = pieces[pieces.length - 1];
    if (!tail || !('text' in tail) || !tail.text.endsWith(text)) return { reason: 'Part of the URL is not written in the code where it must change.' };
    pieces = [...pieces.slice(0, -1), { text: tail.text.slice(0, tail.text.length - text.length) }];
    touched.pop();
  }
  if (touched.some((t) => !t.part.node)) return { reason: 'Part of the URL is not written in the code where it must change.' };
  if (touched.length === 0) return pieces.every((p) => 'text' in p && p.text === '') ? [] : { reason: 'The URL has no literal to edit here.' };
  pieces = pieces.filter((p) => !('text' in p) || p.text !== '');
  return touched.map((t, i) => ({
    kind: 'literal' as const,
    literal: t.part.node!,
    start: (t.part.offset ?? 0) + t.from,
    end: (t.part.offset ?? 0) + t.to,
    pieces: i === touched.length - 1 ? pieces : [],
  }));
}
