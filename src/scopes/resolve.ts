// Endpoint + method → OAuth scope, and the minimal scope set for a whole report.
import type {
  Access,
  EndpointUse,
  HttpMethod,
  Note,
  ScopeRequirement,
  ScopeResolution,
  UnmappedEndpoint,
} from '../types.ts';
import { loadCatalogue, type Catalogue, type Dispute, type PathPattern, type ResourceEntry, type ScopeEntry } from './catalogue.ts';

export interface ScopeUse {
  method: HttpMethod | null;
  endpoint: string | null;
  /** `file:line` */
  location: string;
}

const UNMAPPED_REASON = 'Not in the scope catalogue: the scope this endpoint needs is unknown.';
const UNDOCUMENTED_REASON = 'Undocumented endpoint: no BigCommerce source names the scope it needs.';

/** What one (method, endpoint) needs: each inner list is a set of alternatives, best first. */
interface Detailed {
  resolution: ScopeResolution;
  resource: ResourceEntry | null;
  needs: ScopeEntry[][];
  /** Notes for the report's scope entry, one per need (same order as `needs`). */
  needNotes: (string | null)[];
}

const resourceCache = new Map<string, ResourceEntry | null>();

/** The catalogue entry that governs a normalized endpoint, or null when none does. */
export function findResource(endpoint: string): ResourceEntry | null {
  const hit = resourceCache.get(endpoint);
  if (hit !== undefined) return hit;
  const segments = endpoint.replace(/^\//, '').split('/');
  let best: ResourceEntry | null = null;
  let bestRank: number[] | null = null;
  for (const resource of loadCatalogue().resources) {
    for (const pattern of resource.patterns) {
      if (!matchesPattern(pattern, segments)) continue;
      const rank = specificity(pattern);
      if (!bestRank || compareRank(rank, bestRank) > 0) {
        best = resource;
        bestRank = rank;
      }
    }
  }
  resourceCache.set(endpoint, best);
  return best;
}

/** True when the catalogue can say what the endpoint needs (a scope, or only the default scope). */
export function isMappedEndpoint(endpoint: string): boolean {
  const resource = findResource(endpoint);
  return resource !== null && !resource.undocumented;
}

/**
 * The scope one call needs. GET/HEAD take the read-only variant where one exists, any other method
 * the modify scope, an unknown method is assumed to write. Unknown endpoints give all nulls.
 */
export function resolveScope(method: HttpMethod | null, endpoint: string): ScopeResolution {
  return { ...resolveDetailed(method, endpoint).resolution };
}

/** The notes a finding should carry about its scope (unmapped, undocumented, disputed, assumed write). */
export function scopeNotes(method: HttpMethod | null, endpoint: string): Note[] {
  const { resolution, resource } = resolveDetailed(method, endpoint);
  const notes: Note[] = [];
  if (!resource) {
    notes.push({ kind: 'unmapped-endpoint', message: `${endpoint}: ${UNMAPPED_REASON}` });
    return notes;
  }
  if (resource.undocumented) {
    notes.push({ kind: 'undocumented-endpoint', message: `${endpoint}: ${resource.notes ?? UNDOCUMENTED_REASON}` });
    return notes;
  }
  if (resolution.assumedWrite && resolution.scope) {
    notes.push({
      kind: 'unknown-method-assumed-write',
      message: `The HTTP method is not known statically; a write was assumed, so ${resolution.label} is required.`,
    });
  }
  for (const dispute of disputesFor(loadCatalogue(), endpoint)) {
    if (dispute.review) notes.push({ kind: 'disputed-scope', message: disputeMessage(loadCatalogue(), dispute) });
  }
  return notes;
}

/**
 * The minimal scope list for a set of calls: one entry per scope, modify subsuming read-only, each
 * with its endpoints and locations; endpoints the catalogue cannot map are returned as unmapped.
 */
export function minimalScopes(uses: ScopeUse[]): { scopes: ScopeRequirement[]; unmapped: UnmappedEndpoint[] } {
  const catalogue = loadCatalogue();
  const unmapped = new Map<string, UnmappedEndpoint>();
  const fixed: Array<{ entry: ScopeEntry; use: ScopeUse; note: string | null }> = [];
  const choices: Array<{ alternatives: ScopeEntry[]; use: ScopeUse; note: string | null }> = [];

  for (const use of [...uses].sort(compareUses)) {
    if (use.endpoint === null) continue;
    const detailed = resolveDetailed(use.method, use.endpoint);
    if (detailed.resolution.defaultScope) continue;
    if (detailed.needs.length === 0) {
      const key = useKey(use.method, use.endpoint);
      const entry = unmapped.get(key) ?? {
        method: use.method,
        endpoint: use.endpoint,
        locations: [],
        reason: detailed.resource?.undocumented ? UNDOCUMENTED_REASON : UNMAPPED_REASON,
      };
      entry.locations.push(use.location);
      unmapped.set(key, entry);
      continue;
    }
    detailed.needs.forEach((alternatives, i) => {
      const note = detailed.needNotes[i] ?? null;
      if (alternatives.length === 1) fixed.push({ entry: alternatives[0]!, use, note });
      else choices.push({ alternatives, use, note });
    });
  }

  const families = new Map<string, { modify: boolean; uses: Map<string, EndpointUse>; notes: Set<string>; assumed: Set<string> }>();
  const add = (entry: ScopeEntry, use: ScopeUse, note: string | null): void => {
    const key = familyOf(entry);
    const family = families.get(key) ?? { modify: false, uses: new Map(), notes: new Set(), assumed: new Set() };
    family.modify ||= entry.access === 'modify';
    const endpointKey = useKey(use.method, use.endpoint!);
    const endpointUse = family.uses.get(endpointKey) ?? { method: use.method, endpoint: use.endpoint!, locations: [] };
    endpointUse.locations.push(use.location);
    family.uses.set(endpointKey, endpointUse);
    if (note) family.notes.add(note);
    if (use.method === null && entry.access === 'modify') family.assumed.add(`${use.endpoint} ${use.location}`);
    families.set(key, family);
  };
  for (const { entry, use, note } of fixed) add(entry, use, note);
  for (const { alternatives, use, note } of choices) {
    add(chooseAlternative(alternatives, families), use, note);
  }

  const scopes: ScopeRequirement[] = [];
  for (const [key, family] of families) {
    const base = catalogue.scopes.get(key)!;
    const entry = family.modify || base.counterpart === null ? base : catalogue.scopes.get(base.counterpart)!;
    const notes = [...family.notes].sort();
    if (family.assumed.size > 0) {
      notes.unshift(`Modify was assumed for ${family.assumed.size} call(s) whose HTTP method is not known statically.`);
    }
    const requirement: ScopeRequirement = {
      scope: entry.name,
      access: entry.access,
      label: entry.label,
      endpoints: [...family.uses.values()].map(finishLocations).sort(compareEndpointUses),
    };
    if (notes.length > 0) requirement.note = notes.join(' ');
    scopes.push(requirement);
  }
  scopes.sort((a, b) => byText(a.label, b.label) || byText(a.scope, b.scope));

  return {
    scopes,
    unmapped: [...unmapped.values()].map(finishLocations).sort(compareEndpointUses),
  };
}

/** By catalogue, then by method and endpoint: every finding and the report ask again for the same few. */
const detailedCache = new WeakMap<Catalogue, Map<string, Detailed>>();

/** What a (method, endpoint) needs; callers read it and never change it (`resolveScope` hands out a copy). */
function resolveDetailed(method: HttpMethod | null, endpoint: string): Detailed {
  const catalogue = loadCatalogue();
  let byUse = detailedCache.get(catalogue);
  if (!byUse) {
    byUse = new Map();
    detailedCache.set(catalogue, byUse);
  }
  const key = `${method ?? ''} ${endpoint}`;
  let detailed = byUse.get(key);
  if (!detailed) {
    detailed = computeDetailed(catalogue, method, endpoint);
    byUse.set(key, detailed);
  }
  return detailed;
}

function computeDetailed(catalogue: Catalogue, method: HttpMethod | null, endpoint: string): Detailed {
  const resource = findResource(endpoint);
  const empty: ScopeResolution = { scope: null, access: null, label: null };
  if (!resource) return { resolution: empty, resource, needs: [], needNotes: [] };
  if (resource.defaultScope) {
    const resolution: ScopeResolution = { ...empty, defaultScope: true };
    resolution.note = resource.notes ?? 'Covered by the default scope every API account has; no scope to select.';
    return { resolution, resource, needs: [], needNotes: [] };
  }
  if (resource.undocumented || resource.scope === null) {
    return { resolution: { ...empty, note: resource.notes ?? UNDOCUMENTED_REASON }, resource, needs: [], needNotes: [] };
  }

  const reads = method === 'GET' || method === 'HEAD';
  const readStyle = catalogue.readStylePosts.find((r) => r.method === method && matchesPattern(r.pattern, segmentsOf(endpoint)));
  const pick = (name: string): ScopeEntry => variantFor(catalogue, name, reads);
  const primary = readStyle ? catalogue.scopes.get(readStyle.scope)! : pick(resource.scope);
  const alternatives = readStyle ? [] : resource.anyOf.map(pick);
  const extras = resource.also.map(pick);

  const notes: string[] = [];
  if (method === null) notes.push('The HTTP method is not known statically; a write was assumed.');
  if (readStyle) notes.push(`${readStyle.method} ${endpoint} only reads, so the read-only scope is enough: ${readStyle.why}`);
  if (!reads && !readStyle && primary.access === 'read_only') {
    notes.push(`${primary.name} has no modify variant; this endpoint can only be read.`);
  }
  if (alternatives.length > 0) {
    notes.push(`Any one of these is accepted: ${[primary, ...alternatives].map((s) => `${s.name} (${s.label})`).join(' or ')}.`);
  }
  for (const extra of extras) notes.push(`Also request ${extra.name} (${extra.label}).`);
  const disputes = disputesFor(catalogue, endpoint);
  for (const dispute of disputes) notes.push(disputeMessage(catalogue, dispute));

  const resolution: ScopeResolution = { scope: primary.name, access: primary.access, label: primary.label };
  if (method === null) resolution.assumedWrite = true;
  if (notes.length > 0) resolution.note = notes.join(' ');

  const extraNote = disputes.length > 0 ? `Also requested for ${endpoint}: sources disagree on which scope it needs.` : `Also requested for ${endpoint}.`;
  const anyOfNote = alternatives.length > 0 ? `${endpoint} accepts any of ${[primary, ...alternatives].map((s) => s.name).join(', ')}.` : null;
  return {
    resolution,
    resource,
    needs: [[primary, ...alternatives], ...extras.map((e) => [e])],
    needNotes: [anyOfNote, ...extras.map(() => extraNote)],
  };
}

/** The read-only half for reads where one exists; the scope itself otherwise. */
function variantFor(catalogue: Catalogue, name: string, reads: boolean): ScopeEntry {
  const entry = catalogue.scopes.get(name)!;
  if (entry.counterpart === null) return entry;
  const wanted: Access = reads ? 'read_only' : 'modify';
  return entry.access === wanted ? entry : catalogue.scopes.get(entry.counterpart)!;
}

/** Scopes of one modify / read-only pair share a family, named by the modify scope. */
function familyOf(entry: ScopeEntry): string {
  return entry.access === 'read_only' && entry.counterpart !== null ? entry.counterpart : entry.name;
}

/** Prefer an alternative already granted, then one whose pair is already listed, then the first. */
function chooseAlternative(alternatives: ScopeEntry[], families: Map<string, { modify: boolean }>): ScopeEntry {
  const covered = alternatives.find((alt) => {
    const family = families.get(familyOf(alt));
    return family !== undefined && (family.modify || alt.access === 'read_only');
  });
  if (covered) return covered;
  return alternatives.find((alt) => families.has(familyOf(alt))) ?? alternatives[0]!;
}

function disputesFor(catalogue: Catalogue, endpoint: string): Dispute[] {
  const segments = segmentsOf(endpoint);
  return catalogue.disputes.filter((d) => d.patterns.some((p) => matchesPattern(p, segments)));
}

function disputeMessage(catalogue: Catalogue, dispute: Dispute): string {
  const chosen = dispute.chosen.map((name) => catalogue.scopes.get(name)!.label).join(' + ');
  return `Sources disagree (${dispute.question}); chosen: ${chosen}. ${dispute.why.trim()}`;
}

function segmentsOf(endpoint: string): string[] {
  return endpoint.replace(/^\//, '').split('/');
}

function matchesPattern(pattern: PathPattern, segments: string[]): boolean {
  const length = pattern.segments.length;
  if (pattern.prefix ? segments.length < length : segments.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const want = pattern.segments[i]!;
    if (!isPlaceholder(want) && want !== segments[i]) return false;
  }
  return true;
}

function isPlaceholder(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** More literal segments win, then an exact pattern over a prefix rule, then the longer pattern. */
function specificity(pattern: PathPattern): number[] {
  const literals = pattern.segments.filter((s) => !isPlaceholder(s)).length;
  return [literals, pattern.prefix ? 0 : 1, pattern.segments.length];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Plain code-point order, so the output does not depend on the machine's locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function useKey(method: HttpMethod | null, endpoint: string): string {
  return `${method ?? '?'} ${endpoint}`;
}

function compareUses(a: ScopeUse, b: ScopeUse): number {
  return (
    byText((a.endpoint ?? ''), b.endpoint ?? '') ||
    byText(a.method ?? '~', b.method ?? '~') ||
    compareLocations(a.location, b.location)
  );
}

function compareEndpointUses(a: { method: HttpMethod | null; endpoint: string }, b: { method: HttpMethod | null; endpoint: string }): number {
  return byText(a.endpoint, b.endpoint) || byText(a.method ?? '~', b.method ?? '~');
}

/** `file:line`, by file then numeric line. */
function compareLocations(a: string, b: string): number {
  const [fileA, lineA] = splitLocation(a);
  const [fileB, lineB] = splitLocation(b);
  return byText(fileA, fileB) || lineA - lineB || byText(a, b);
}

function splitLocation(location: string): [string, number] {
  const match = /^(.*):(\d+)$/.exec(location);
  return match ? [match[1]!, Number(match[2])] : [location, 0];
}

function finishLocations<T extends { locations: string[] }>(item: T): T {
  return { ...item, locations: [...new Set(item.locations)].sort(compareLocations) };
}
