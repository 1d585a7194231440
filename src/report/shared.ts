// Format-neutral pieces every reporter builds on, so the formats say the same things the same way.
import type { Finding, HttpMethod, NoteKind, Report, ScopeRequirement, SourceLocation } from '../types.ts';
import { ruleMeta } from './rules.ts';
import { scopeGaps } from '../analyze/assemble.ts';

/** `src/a.ts:12:5` */
export function formatLocation(loc: Pick<SourceLocation, 'file' | 'line' | 'column'>): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** `GET /v2/orders`, `(method unknown) /v2/orders`, or `endpoint unknown`. */
export function formatEndpoint(method: HttpMethod | null, endpoint: string | null): string {
  if (endpoint === null) return method === null ? 'endpoint unknown' : `${method} (endpoint unknown)`;
  return `${method ?? '(method unknown)'} ${endpoint}`;
}

/**
 * What a finding's scope costs, for one line: `Orders: read-only (store_v2_orders_read_only)`, or
 * `store_v2_products_read_only, covered by Products: modify (store_v2_products)` when a wider scope
 * in the minimal list already grants it.
 */
export function describeFindingScope(report: Report, finding: Finding): string {
  if (finding.scope === null) {
    if (finding.endpoint === null) return 'scope unknown';
    return finding.notes.some((n) => n.kind === 'default-scope') ? 'default scope (nothing to select)' : 'no scope mapped';
  }
  const own = report.scopes.find((s) => s.scope === finding.scope);
  if (own) return `${own.label} (${own.scope})`;
  const where = `${finding.file}:${finding.line}`;
  const wider = report.scopes.find((s) => s.endpoints.some((e) => e.locations.includes(where)));
  return wider ? `${finding.scope}, covered by ${wider.label} (${wider.scope})` : finding.scope;
}

/** `GET /v2/orders  Orders: read-only (…)` for calls; empty for findings that are not requests and name none. */
export function describeFindingCall(report: Report, finding: Finding): string {
  if (!ruleMeta(finding.rule).describesCall && finding.endpoint === null) return '';
  return `${formatEndpoint(finding.method, finding.endpoint)}  ${describeFindingScope(report, finding)}`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedFindings(report: Report): Finding[] {
  return [...report.findings].sort(compareFindings);
}

export function sortedScopes(report: Report): ScopeRequirement[] {
  return [...report.scopes].sort((a, b) => compareText(a.scope, b.scope));
}

/** Findings grouped by file, files in path order, findings in line order. */
export function groupFindingsByFile(report: Report): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of sortedFindings(report)) {
    const list = groups.get(finding.file) ?? [];
    list.push(finding);
    groups.set(finding.file, list);
  }
  return groups;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function joinLocations(locations: string[], max: number): string {
  const shown = locations.slice(0, max).join(', ');
  return locations.length > max ? `${shown}, +${locations.length - max} more` : shown;
}

/** `GET /v2/orders [src/a.ts:12]; PUT /v2/orders/{id} [src/b.ts:4]` */
export function describeScopeUses(requirement: ScopeRequirement, maxLocations = 3): string {
  return requirement.endpoints
    .map((use) => `${formatEndpoint(use.method, use.endpoint)} [${joinLocations(use.locations, maxLocations)}]`)
    .join('; ');
}

export interface ChecklistItem {
  label: string;
  scope: string;
  uses: string;
  note?: string;
}

export function scopeChecklist(report: Report, maxLocations = 3): ChecklistItem[] {
  return sortedScopes(report).map((req) => ({
    label: req.label,
    scope: req.scope,
    uses: describeScopeUses(req, maxLocations),
    ...(req.note ? { note: req.note } : {}),
  }));
}

/** `☐ Orders: read-only  (store_v2_orders_read_only) — GET /v2/orders [src/a.ts:12]` */
export function scopeChecklistLines(report: Report, box = '☐', maxLocations = 3): string[] {
  return scopeChecklist(report, maxLocations).map((item) => {
    const line = `${box} ${item.label}  (${item.scope})${item.uses ? ` — ${item.uses}` : ''}`;
    return item.note ? `${line} (${item.note})` : line;
  });
}

/** The warning every format prints when the scope list may be short. */
export function incompleteWarning(report: Report): string | null {
  if (report.summary.complete) return null;
  const reasons: string[] = [];
  if (report.unmapped.length > 0) reasons.push(plural(report.unmapped.length, 'unmapped endpoint'));
  if (report.errors.length > 0) reasons.push(plural(report.errors.length, 'file') + ' that failed to parse');
  const unread = report.skipped.filter((s) => s.mightBeLegacy).length;
  if (unread > 0) reasons.push(plural(unread, 'file') + ' too large or binary that may hold legacy calls');
  const gaps = scopeGaps(report.findings);
  if (gaps.dynamic.length > 0) reasons.push(plural(gaps.dynamic.length, 'call') + ' with an endpoint not known statically');
  if (gaps.baseUrls.length > 0) reasons.push(plural(gaps.baseUrls.length, 'legacy base URL') + ' in config');
  if (gaps.untraced.length > 0) reasons.push(plural(gaps.untraced.length, 'client or wrapper', 'clients or wrappers') + ' whose requests are not all traced');
  const why = reasons.length > 0 ? ` (${reasons.join(', ')})` : '';
  return `The scope list may be incomplete${why}: check the items that need a human.`;
}

const NOTE_TITLES: Record<NoteKind, string> = {
  'custom-domain-no-hash': 'custom domain without a store hash',
  'dynamic-host': 'host not known statically',
  'dynamic-method': 'HTTP method not known statically',
  'dynamic-endpoint': 'endpoint not known statically',
  'unknown-method-assumed-write': 'method unknown, write access assumed',
  'unmapped-endpoint': 'endpoint not in the scope catalogue',
  'default-scope': 'default scope only',
  'browser-side': 'browser-side call',
  'xml-format': 'XML request',
  'dual-mode': 'OAuth branch already present',
  'undocumented-endpoint': 'undocumented endpoint',
  'disputed-scope': 'disputed scope',
  'real-env-file': 'real .env file',
  'not-rewritable': 'cannot be rewritten automatically',
  'untraced-requests': 'requests through this client or wrapper not all traced',
};

/** Every kind of note a finding can carry. */
export const noteKinds = Object.keys(NOTE_TITLES) as NoteKind[];

export function noteTitle(kind: NoteKind): string {
  return NOTE_TITLES[kind];
}

export interface HumanItem {
  /** `file:line`, or the locations of an unmapped endpoint. */
  where: string;
  title: string;
  message: string;
}

/**
 * What a person must look at, the findings the summary counts as needing a human: every note on a
 * finding, a finding that `fix` leaves alone and has no note to say why, then every unmapped
 * endpoint. A finding's unmapped-endpoint note is left out when the unmapped list already covers its
 * location.
 */
export function needsHumanItems(report: Report, maxLocations = 3): HumanItem[] {
  const unmappedAt = new Set(report.unmapped.flatMap((u) => u.locations));
  const items: HumanItem[] = [];
  for (const finding of sortedFindings(report)) {
    const where = `${finding.file}:${finding.line}`;
    for (const note of finding.notes) {
      if (note.kind === 'unmapped-endpoint' && unmappedAt.has(where)) continue;
      items.push({ where, title: noteTitle(note.kind), message: note.message });
    }
    if (!finding.fixable && finding.notes.length === 0) items.push({ where, title: 'to change by hand', message: finding.message });
  }
  for (const u of report.unmapped) {
    items.push({
      where: joinLocations(u.locations, maxLocations),
      title: `unmapped endpoint ${formatEndpoint(u.method, u.endpoint)}`,
      message: u.reason,
    });
  }
  return items;
}

/** `12 findings in 5 files (3 fixable, 2 need a human); 40 files scanned; 1 error; scope list complete` */
export function summaryLine(report: Report): string {
  const s = report.summary;
  const files = new Set(report.findings.map((f) => f.file)).size;
  const parts = [
    `${plural(s.findings, 'finding')} in ${plural(files, 'file')} (${s.fixable} fixable, ${s.needsHuman} need a human)`,
    `${plural(s.filesScanned, 'file')} scanned`,
    plural(s.errors, 'error'),
    `${s.skipped} skipped`,
    s.complete ? 'scope list complete' : 'scope list INCOMPLETE',
  ];
  return parts.join('; ');
}

/** Up to `max` lines of the finding's snippet, numbered from the finding's line. */
export function codeFrame(finding: Finding, max = 3): { line: number; text: string }[] {
  if (!finding.snippet) return [];
  const lines = finding.snippet.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.slice(0, max).map((text, i) => ({ line: finding.line + i, text }));
}

/** The message with what the call costs, on one line: `... (GET /v2/orders; scope: Orders: read-only (…))`. */
export function findingHeadline(report: Report, finding: Finding): string {
  if (!ruleMeta(finding.rule).describesCall && finding.endpoint === null) return finding.message;
  const call = formatEndpoint(finding.method, finding.endpoint);
  const scope = finding.scope === null ? describeFindingScope(report, finding) : `scope: ${describeFindingScope(report, finding)}`;
  return `${finding.message} (${call}; ${scope})`;
}
