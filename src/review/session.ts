// The glue behind `review`: scan, cut the rewrite into changes a person can accept one by one, hand
// them to the review UI, then write exactly the accepted ones with the same planner and safe writer
// as `fix`. The UI is passed in, so all of this runs (and is tested) without a terminal.
import { join } from 'node:path';
import { scanProject, type ScanProgress, type ScanResult } from '../analyze/index.ts';
import { CONFIG_FILE_NAME, saveStoreHash } from '../config/index.ts';
import { redactReport, redactText } from '../redact.ts';
import { byCodeUnit } from '../order.ts';
import { codeFrame } from '../report/shared.ts';
import { DirtyTreeError, planRewrites, unifiedDiff, writePatches, type RewritePlan, type WriteOutcome } from '../rewrite/index.ts';
import { uncommittedFiles } from '../rewrite/git.ts';
import { buildFixSummary, type FixSummary } from '../rewrite/summary.ts';
import { loadCatalogue } from '../scopes/catalogue.ts';
import { minimalScopes, type ScopeUse } from '../scopes/resolve.ts';
import type { Config, Finding, Note, Patch, SecretSet } from '../types.ts';
import { buildReviewItems, storeHashNeed } from './model.ts';
import type { ChecklistEntry, FinalDecisions, ReviewItem, ReviewSummary, ScopeChecklistResolver } from './model.ts';
import type { RunReviewOptions } from './run.tsx';
import type { ScanCacheOptions } from '../analyze/cache.ts';

/** The review UI as the session sees it: `runReview`, or a stand-in in tests. */
export type ReviewUi = (options: RunReviewOptions) => Promise<'written' | 'cancelled'>;

export interface ReviewSessionOptions {
  root: string;
  paths: string[];
  config: Config;
  useGit: boolean;
  cache?: ScanCacheOptions;
  allowDirty?: boolean;
  color: boolean;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Scan progress, before the UI opens. */
  onProgress?: (progress: ScanProgress) => void;
  ui: ReviewUi;
}

export interface ReviewSessionResult {
  outcome: 'written' | 'cancelled';
  /** Set once the accepted changes went through the writer. */
  written?: WriteOutcome;
  /** The same summary `fix` builds, for the accepted changes. */
  summary?: FixSummary;
}

/**
 * One reviewable change: the findings that are rewritten together (they share a base URL, a client,
 * a helper, or one's rewrite resolves the other), and the redacted diff of doing only that.
 */
interface ChangeUnit {
  ids: string[];
  primary: Finding;
  /** The plan of writing this change alone. */
  plan: RewritePlan;
}

/**
 * Runs the whole session. Throws DirtyTreeError before the UI opens when git has uncommitted changes
 * in files the review could write (unless `allowDirty`). Nothing is written, and no store hash saved,
 * until the user confirms.
 */
export async function runReviewSession(options: ReviewSessionOptions): Promise<ReviewSessionResult> {
  // The session asks for the store hash of each custom domain, and the user's answer is the evidence
  // that it is a store: such domains are offered for review, not left out as unproven.
  const opts = { ...options, config: { ...options.config, trustCustomDomains: true } };
  const scan = await scanProject({ root: opts.root, paths: opts.paths, config: opts.config, useGit: opts.useGit, cache: opts.cache, onProgress: opts.onProgress });
  const full = await planRewrites(scan, opts.config);
  if (!opts.allowDirty) {
    const dirty = uncommittedFiles(opts.root, changedPatches(full).map((p) => p.file));
    if (dirty.length > 0) throw new DirtyTreeError(dirty);
  }

  const { units, skips } = await changeUnits(scan, opts.config, full);
  const items = reviewItems(scan, opts.config, units, skips);
  const unitOfItem = new Map(items.map((item) => [item.id, unitIdsOf(item, units)]));
  const savedHashes = new Map<string, string>();
  // Filled in when writing is done: which variables depends on what was accepted. The UI reads
  // this array when it renders the summary, after `onFinish` resolved.
  const envVars: string[] = [];
  const result: ReviewSessionResult = { outcome: 'cancelled' };

  const onFinish = async (decisions: FinalDecisions, storeHashes: Record<string, string>): Promise<ReviewSummary> => {
    const accepted = new Set(decisions.accepted.flatMap((id) => unitOfItem.get(id) ?? []));
    const config: Config = { ...opts.config, stores: { ...opts.config.stores, ...storeHashes } };
    const plan = accepted.size > 0 ? await planRewrites(scan, config, { only: accepted }) : emptyPlan();
    const written = await writePatches(changedPatches(plan), { root: opts.root, allowDirty: opts.allowDirty });
    const notWritten = [...written.refused];
    for (const [domain, hash] of savedHashes) {
      const configPath = opts.config.path ?? join(opts.root, CONFIG_FILE_NAME);
      try {
        await saveStoreHash(configPath, domain, hash);
      } catch (error) {
        notWritten.push({ file: CONFIG_FILE_NAME, reason: `store hash for ${domain} not saved: ${(error as Error).message}` });
      }
    }
    const summary = buildFixSummary({ mode: 'write', report: scan.report, plan, config, secrets: scan.secrets, written });
    for (const skip of summary.leftForHuman.filter((s) => accepted.has(s.findingId))) {
      notWritten.push({ file: `${skip.file}:${skip.line}`, reason: skip.reason });
    }
    envVars.splice(0, envVars.length, ...summary.envVars.map((v) => v.name));
    result.written = written;
    result.summary = summary;
    const notAccepted = [...decisions.skipped, ...decisions.undecided].filter((id) => items.find((i) => i.id === id)?.rewritable);
    return { filesWritten: written.written, changesSkipped: notAccepted.length, notWritten };
  };

  result.outcome = await opts.ui({
    items,
    envVars,
    color: opts.color,
    stdin: opts.stdin,
    stdout: opts.stdout,
    onFinish,
    // Kept until the user confirms: Ctrl-C leaves the config file as it was too.
    onStoreHash: (domain, hash, save) => {
      if (save) savedHashes.set(domain, hash);
      else savedHashes.delete(domain);
    },
    storeHashes: opts.config.stores,
    scopeChecklist: scopeChecklistFor(scan, unitOfItem),
    previewWithStoreHashes: storeHashPreviewer(scan, opts.config, unitsByItemId(items, units)),
  });
  if (result.outcome === 'cancelled') return { outcome: 'cancelled' };
  return result;
}

function changedPatches(plan: RewritePlan): Patch[] {
  return plan.patches.filter((p) => p.before !== p.after);
}

function emptyPlan(): RewritePlan {
  return { patches: [], skips: [], needsInput: [], groups: [], envChanges: [] };
}

/** What the plan resolves: the patches' findings, and everything grouped with them. */
function resolvedBy(plan: RewritePlan): Set<string> {
  const ids = new Set(changedPatches(plan).flatMap((p) => p.findingIds));
  for (const group of plan.groups) if (group.some((id) => ids.has(id))) group.forEach((id) => ids.add(id));
  return ids;
}

/**
 * Splits what `fix` would resolve into the smallest changes that can be written on their own: a
 * group the planner says goes together is one change, and so is a change together with every
 * finding its rewrite resolves on the way (a shared env template, a removed credential).
 */
async function changeUnits(scan: ScanResult, config: Config, full: RewritePlan): Promise<{ units: ChangeUnit[]; skips: Map<string, string> }> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string): boolean => {
    for (const id of [a, b]) if (!parent.has(id)) parent.set(id, id);
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return false;
    parent.set(rb, ra);
    return true;
  };
  for (const id of resolvedBy(full)) union(id, id);
  for (const group of full.groups) for (const id of group.slice(1)) union(group[0], id);

  const solo = new Map<string, RewritePlan>();
  for (let merged = true; merged; ) {
    merged = false;
    for (const ids of componentsOf(parent, find)) {
      const key = ids.join('|');
      if (!solo.has(key)) solo.set(key, await planRewrites(scan, config, { only: new Set(ids) }));
      for (const id of resolvedBy(solo.get(key)!)) merged = union(ids[0], id) || merged;
    }
  }

  // Why a finding is not rewritten: what the full run says, else what planning it alone said.
  const skips = new Map<string, string>();
  for (const plan of [full, ...solo.values()]) for (const s of plan.skips) if (!skips.has(s.findingId)) skips.set(s.findingId, s.reason);

  const byId = new Map(scan.report.findings.map((f) => [f.id, f]));
  const units: ChangeUnit[] = [];
  for (const ids of componentsOf(parent, find)) {
    const plan = solo.get(ids.join('|'))!;
    if (resolvedBy(plan).size === 0) continue; // cannot be written on its own: left for a human
    const findings = ids.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined);
    if (findings.length > 0) units.push({ ids, primary: primaryOf(findings), plan });
  }
  return { units, skips };
}

function componentsOf(parent: Map<string, string>, find: (id: string) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].map((ids) => ids.sort());
}

/** The finding a change is shown under: its first API call, else its first finding. */
function primaryOf(findings: Finding[]): Finding {
  const ordered = [...findings].sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line);
  return ordered.find((f) => f.rule === 'legacy-api-call' && f.endpoint !== null) ?? ordered.find((f) => f.rule === 'legacy-api-call') ?? ordered[0];
}

function unitIdsOf(item: ReviewItem, units: ChangeUnit[]): string[] {
  return units.find((u) => u.primary.id === item.finding.id && item.rewritable)?.ids ?? [item.finding.id];
}

/** The review items, every text in them redacted: diffs, code frames, messages, notes. */
function reviewItems(scan: ScanResult, config: Config, units: ChangeUnit[], skips: Map<string, string>): ReviewItem[] {
  // Made after all planning: planning can learn credentials the scan had not seen, and they are redacted too.
  const diffs = new Map(units.map((u) => [u.primary.id, unitDiff(u, scan.secrets)]));

  const safe = redactReport(scan.report, scan.secrets);
  const safeById = new Map(safe.findings.map((f) => [f.id, f]));
  const inUnit = new Set(units.flatMap((u) => u.ids));
  const patches: Patch[] = units.map((unit) => ({
    file: unit.primary.file,
    absolutePath: '',
    before: '',
    after: '',
    findingIds: unit.ids,
    changes: [{ findingId: unit.primary.id, line: unit.primary.line, summary: '' }],
  }));
  const findings = [...units.map((u) => safeById.get(u.primary.id)!), ...safe.findings.filter((f) => !inUnit.has(f.id))];
  const items = buildReviewItems({
    findings,
    patches,
    diffForChange: (_patch, change) => diffs.get(change.findingId) || null,
    codeFrameFor: (finding) => frameText(finding, scan.secrets),
    labelForScope,
    knownStoreHashes: config.stores,
  });

  return items.map((item) => {
    const unit = item.rewritable ? units.find((u) => u.primary.id === item.finding.id) : undefined;
    if (!unit) {
      const reason = skips.get(item.finding.id);
      const notes: Note[] = reason ? [...item.notes, { kind: 'not-rewritable', message: redactText(reason, scan.secrets) }] : item.notes;
      return { ...item, notes: uniqueNotes(notes) };
    }
    const members = unit.ids.map((id) => safeById.get(id)).filter((f): f is Finding => f !== undefined);
    const scopes = scopesOf(members);
    return {
      ...item,
      notes: uniqueNotes(members.flatMap((f) => f.notes)),
      scope: scopes.length > 0 ? scopes.map((s) => s.scope).join(', ') : item.scope,
      label: scopes.length > 0 ? scopes.map((s) => s.label).join(', ') : item.label,
      needsStoreHash: item.needsStoreHash ?? members.map((f) => storeHashNeed(f, config.stores)).find((n) => n !== undefined),
    };
  });
}

function unitDiff(unit: ChangeUnit, secrets: SecretSet): string {
  return planDiff(unit.plan, unit.primary.file, secrets);
}

/** The change's own file first, so the screen opens on the call being reviewed. */
function planDiff(plan: RewritePlan, ownFile: string, secrets: SecretSet): string {
  const ownFileFirst = (p: Patch) => (p.file === ownFile ? 0 : 1);
  const patches = changedPatches(plan).sort((a, b) => ownFileFirst(a) - ownFileFirst(b) || byCodeUnit(a.file, b.file));
  return patches.map((p) => unifiedDiff(p, secrets)).join('');
}

function unitsByItemId(items: ReviewItem[], units: ChangeUnit[]): Map<string, ChangeUnit> {
  const byPrimary = new Map(units.map((u) => [u.primary.id, u]));
  const unitOf = new Map<string, ChangeUnit>();
  for (const item of items) {
    const unit = item.rewritable ? byPrimary.get(item.finding.id) : undefined;
    if (unit) unitOf.set(item.id, unit);
  }
  return unitOf;
}

/**
 * The diff of one change as it will be written once the user entered store hashes: the items' diffs
 * were planned before any hash was known, so they read the hash from the environment. Each change is
 * re-planned alone, once per set of hashes; null when the item is not a change or nothing changes.
 */
function storeHashPreviewer(scan: ScanResult, config: Config, unitOf: Map<string, ChangeUnit>): NonNullable<RunReviewOptions['previewWithStoreHashes']> {
  const cache = new Map<string, Promise<string | null>>();
  return (itemId, storeHashes) => {
    const unit = unitOf.get(itemId);
    if (!unit) return Promise.resolve(null);
    const key = JSON.stringify([itemId, Object.entries(storeHashes).sort()]);
    let diff = cache.get(key);
    if (!diff) {
      diff = diffWithStoreHashes(scan, config, unit, storeHashes);
      // A failed attempt is not remembered, so showing the item again tries again.
      diff.catch(() => cache.delete(key));
      cache.set(key, diff);
    }
    return diff;
  };
}

async function diffWithStoreHashes(scan: ScanResult, config: Config, unit: ChangeUnit, storeHashes: Record<string, string>): Promise<string | null> {
  const withHashes: Config = { ...config, stores: { ...config.stores, ...storeHashes } };
  const plan = await planRewrites(scan, withHashes, { only: new Set(unit.ids) });
  // Rendered after planning, which can add credentials to scan.secrets.
  return planDiff(plan, unit.primary.file, scan.secrets) || null;
}

function uniqueNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.kind}|${n.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function frameText(finding: Finding, secrets: SecretSet): string {
  const lines = codeFrame(finding);
  const width = String(lines.at(-1)?.line ?? finding.line).length;
  return redactText(lines.map((l) => `${String(l.line).padStart(width)} │ ${l.text}`).join('\n'), secrets);
}

function labelForScope(scope: string): string | null {
  return loadCatalogue().scopes.get(scope)?.label ?? null;
}

function usesOf(findings: Finding[]): ScopeUse[] {
  return findings.map((f) => ({ method: f.method, endpoint: f.endpoint, location: `${f.file}:${f.line}` }));
}

function scopesOf(findings: Finding[]) {
  return minimalScopes(usesOf(findings)).scopes;
}

/** The running checklist with the catalogue's own rules (modify subsumes read-only, exceptions). */
function scopeChecklistFor(scan: ScanResult, unitOfItem: Map<string, string[]>): ScopeChecklistResolver {
  const byId = new Map(scan.report.findings.map((f) => [f.id, f]));
  return (items) => {
    const itemsAt = new Map<string, Set<string>>();
    const uses: ScopeUse[] = [];
    for (const item of items) {
      for (const id of unitOfItem.get(item.id) ?? [item.finding.id]) {
        const finding = byId.get(id);
        if (!finding) continue;
        const [use] = usesOf([finding]);
        uses.push(use);
        itemsAt.set(use.location, (itemsAt.get(use.location) ?? new Set()).add(item.id));
      }
    }
    return minimalScopes(uses).scopes.map(
      (req): ChecklistEntry => ({
        scope: req.scope,
        label: req.label,
        itemIds: [...new Set(req.endpoints.flatMap((e) => e.locations.flatMap((loc) => [...(itemsAt.get(loc) ?? [])])))],
      }),
    );
  };
}
