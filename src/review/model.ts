// The things a review session works over: one item per proposed change or non-rewritable finding.
import type { Finding, Note, NoteKind, Patch, PatchChange } from '../types.ts';

export interface ReviewItem {
  id: string;
  finding: Finding;
  patchChange?: PatchChange;
  /** Unified diff text for this change, already redacted; null when there is nothing to show. */
  diff: string | null;
  /** The scope this call needs, e.g. `store_v2_orders_read_only`. */
  scope: string | null;
  /** The control panel's words for the scope, e.g. "Orders: read-only". */
  label: string | null;
  notes: Note[];
  file: string;
  line: number;
  /** A few source lines around the call, already redacted. */
  codeFrame: string;
  rewritable: boolean;
  /** Set when the host is a domain whose store hash is not known yet. */
  needsStoreHash?: { domain: string };
}

export type Decision = 'accepted' | 'skipped' | 'acknowledged';

export interface ScanProgress {
  filesDone: number;
  filesTotal: number;
  findings: number;
}

/** The decisions handed to the writer when the user confirms, each list in item order. */
export interface FinalDecisions {
  accepted: string[];
  skipped: string[];
  acknowledged: string[];
  /** Never decided: treated like skipped (not written). */
  undecided: string[];
}

/** What the writer reports back once it is done. */
export interface ReviewSummary {
  filesWritten: string[];
  changesSkipped: number;
  /** Files the writer refused or failed to write (dirty tree, changed on disk, output does not parse...). */
  notWritten?: { file: string; reason: string }[];
}

/** One line of a scope checklist: a scope and the items that need it. */
export interface ChecklistEntry {
  scope: string;
  label: string | null;
  itemIds: string[];
}

/** Turns a set of items into their minimal scope list; the real catalogue resolver can be passed in. */
export type ScopeChecklistResolver = (items: ReviewItem[]) => ChecklistEntry[];

const STORE_HASH_PATTERN = /^[a-z0-9]{5,16}$/;

export function isValidStoreHash(value: string): boolean {
  return STORE_HASH_PATTERN.test(value);
}

const ADVICE: Partial<Record<NoteKind, string>> = {
  'browser-side':
    'Move this call behind a server-side endpoint: an access token sent from a browser is visible to everyone.',
  'xml-format': 'The OAuth gateway speaks JSON only: switch this request to JSON, then migrate it.',
  'dynamic-host': 'The host is not known statically: point it at the gateway by hand.',
  'dual-mode': 'An OAuth branch already exists here: remove the legacy branch by hand.',
  'custom-domain-no-hash':
    'Find the store hash in the control panel URL (store-{hash}.mybigcommerce.com) or the API account path.',
};

/** What to tell the user to do instead, for an item the codemod will not rewrite. */
export function adviceFor(item: ReviewItem): string[] {
  const advice: string[] = [];
  for (const note of item.notes) {
    const text = ADVICE[note.kind];
    if (text && !advice.includes(text)) advice.push(text);
  }
  if (advice.length === 0) {
    advice.push('Rewrite this call by hand: use https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header.');
  }
  return advice;
}

function staticDomain(name: string | null): string | null {
  if (!name || name.includes('${')) return null;
  return name.toLowerCase();
}

/** The domain whose hash the user must supply, or undefined when the hash is known or cannot be asked for. */
export function storeHashNeed(
  finding: Finding,
  knownStoreHashes: Record<string, string>,
): { domain: string } | undefined {
  const host = finding.host;
  if (!host || host.storeHash) return undefined;
  if (host.kind !== 'custom-domain' && host.kind !== 'mybigcommerce-other') return undefined;
  const domain = staticDomain(host.name);
  if (!domain || knownStoreHashes[domain]) return undefined;
  return { domain };
}

export interface BuildReviewItemsInput {
  findings: Finding[];
  patches: Patch[];
  /** The redacted unified diff for one change (the lead decides how a change is cut out of its patch). */
  diffForChange: (patch: Patch, change: PatchChange) => string | null;
  /** The redacted code frame for one finding. */
  codeFrameFor: (finding: Finding) => string;
  labelForScope: (scope: string) => string | null;
  knownStoreHashes?: Record<string, string>;
}

/**
 * One item per patch change, plus one per finding no change resolves (those are not rewritable),
 * ordered by file then line.
 */
export function buildReviewItems(input: BuildReviewItemsInput): ReviewItem[] {
  const known = input.knownStoreHashes ?? {};
  const byId = new Map(input.findings.map((f) => [f.id, f]));
  const covered = new Set<string>();
  const usedIds = new Set<string>();
  const items: ReviewItem[] = [];

  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
    usedIds.add(id);
    return id;
  };

  const itemFor = (finding: Finding, rest: Pick<ReviewItem, 'patchChange' | 'diff' | 'rewritable' | 'line'>): ReviewItem => ({
    id: uniqueId(finding.id),
    finding,
    scope: finding.scope,
    label: finding.scope ? input.labelForScope(finding.scope) : null,
    notes: finding.notes,
    file: finding.file,
    codeFrame: input.codeFrameFor(finding),
    needsStoreHash: storeHashNeed(finding, known),
    ...rest,
  });

  for (const patch of input.patches) {
    for (const change of patch.changes) {
      const finding = byId.get(change.findingId);
      if (!finding) continue;
      covered.add(finding.id);
      items.push(
        itemFor(finding, {
          patchChange: change,
          diff: input.diffForChange(patch, change),
          rewritable: true,
          line: change.line,
        }),
      );
    }
  }
  for (const finding of input.findings) {
    if (covered.has(finding.id)) continue;
    items.push(itemFor(finding, { diff: null, rewritable: false, line: finding.line }));
  }
  return items.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
