// The unknown-client detector (detectors/unknown-client.ts) reads every call that is handed a legacy
// API URL, and the config detectors every legacy API URL a config value holds; what another part of
// the analysis already accounts for is dropped here, so that a request is reported once, by the
// detector that knows it best.
import type { Finding } from '../types.ts';
import type { AstNode } from './ast.ts';
import type { ClientConfigMatch } from './detectors/detector.ts';
import { isHole, type PartialString } from './partial.ts';
import type { DetectedRequest, WrapperCall, WrapperDef } from './wrappers.ts';

/** Before the wrapper search: a call a known client's detector matched is that client's. */
export function withoutSecondReadings(detected: readonly DetectedRequest[]): DetectedRequest[] {
  const known = new Set(detected.filter((d) => !d.match.unknownClient).map((d) => d.match.call));
  return detected.filter((d) => !d.match.unknownClient || !known.has(d.match.call));
}

/**
 * After it: a call to a wrapper is reported through the wrapper, a client's config call (`axios.create`)
 * as a config, and a URL whose every literal feeds a known request or config (logged or cached beside
 * the fetch that sends it) is theirs. A request a wrapper is built on always stays: the wrapper's
 * findings are judged from it.
 */
export function unclaimed(detected: readonly DetectedRequest[], found: { wrappers: readonly WrapperDef[]; calls: readonly WrapperCall[] }, configs: readonly ClientConfigMatch[]): DetectedRequest[] {
  if (!detected.some((d) => d.match.unknownClient)) return [...detected];
  const claimedCalls = new Set<AstNode>([...found.calls.map((c) => c.call), ...configs.map((c) => c.node)]);
  const fed = new Set<AstNode>();
  const feed = (url: PartialString | undefined) => url && literalsOf(url).forEach((node) => fed.add(node));
  for (const c of configs) feed(c.baseUrl?.value);
  for (const d of detected) {
    if (d.match.unknownClient) continue;
    feed(d.match.url?.value);
    feed(d.match.baseUrl?.value);
  }
  for (const c of found.calls) if (c.resolved && !c.resolved.unknownClient) feed(c.resolved.url?.value);
  const wrapped = new Set(found.wrappers.map((w) => w.request.match));
  return detected.filter((d) => {
    if (!d.match.unknownClient || wrapped.has(d.match)) return true;
    if (claimedCalls.has(d.match.call)) return false;
    const own = d.match.url ? literalsOf(d.match.url.value) : [];
    return own.length === 0 || own.some((node) => !fed.has(node));
  });
}

/** In the cross-file pass: a call to another file's wrapper is reported through that wrapper. */
export function withoutCallsTo<T extends DetectedRequest>(detected: readonly T[], wrapperCallSites: ReadonlySet<AstNode>, wrappers: readonly WrapperDef[]): T[] {
  const wrapped = new Set(wrappers.map((w) => w.request.match));
  return detected.filter((d) => !d.match.unknownClient || !wrapperCallSites.has(d.match.call) || wrapped.has(d.match));
}

function literalsOf(value: PartialString): AstNode[] {
  const out: AstNode[] = [];
  for (const part of value) if (!isHole(part) && part.node) out.push(part.node);
  return out;
}

/**
 * After the cross-file pass: a legacy API URL in config that a request's finding traces its host or
 * path to is that request's (the value is where it got its URL), and is not reported again.
 */
export function withoutClaimedConfigUrls<T extends Pick<Finding, 'rule' | 'file' | 'line' | 'trace'>>(findings: readonly T[]): T[] {
  if (!findings.some((f) => f.rule === 'legacy-api-url')) return [...findings];
  const traced = new Set<string>();
  for (const finding of findings) {
    if (finding.rule === 'legacy-api-url') continue;
    for (const step of finding.trace) traced.add(`${step.file}\0${step.line}`);
  }
  return findings.filter((f) => f.rule !== 'legacy-api-url' || !traced.has(`${f.file}\0${f.line}`));
}
