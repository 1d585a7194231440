// The fix side of the project pass: the definition edits recorded for its findings, merged per file
// into Patches (one per file), or applied onto a text the fix stage has already rewritten.
import { readSourceFile } from '../../discover/read.ts';
import type { DiscoveredFile } from '../../discover/types.ts';
import type { ScanResult } from '../../analyze/index.ts';
import { projectEditsOf, type ProjectEdit } from '../../analyze/project/edits.ts';
import type { Config, Patch, PatchChange, RewriteSkip } from '../../types.ts';

export type { ProjectEdit } from '../../analyze/project/edits.ts';

/** An edit with the findings it resolves. */
export interface PlannedEdit extends ProjectEdit {
  findingIds: string[];
}

export interface ProjectPlan {
  /** Per file, sorted by offset, without duplicates or overlaps. */
  edits: Map<string, PlannedEdit[]>;
  /** Real `.env` files the findings read from: reported, never rewritten. */
  skipped: RewriteSkip[];
}

/** The edits every finding of the project pass needs, deduplicated: a definition shared by twenty calls is edited once. */
export function planProjectEdits(scan: Pick<ScanResult, 'report'>): ProjectPlan {
  const byKey = new Map<string, PlannedEdit>();
  const skipped: RewriteSkip[] = [];
  for (const finding of scan.report.findings) {
    for (const e of projectEditsOf(finding)) {
      const key = `${e.file}\0${e.start}\0${e.end}\0${e.replacement}`;
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.findingIds.includes(finding.id)) existing.findingIds.push(finding.id);
      } else {
        byKey.set(key, { ...e, findingIds: [finding.id] });
      }
    }
    for (const note of finding.notes) {
      if (note.kind === 'real-env-file') skipped.push({ findingId: finding.id, file: finding.file, line: finding.line, reason: note.message });
    }
  }
  const edits = new Map<string, PlannedEdit[]>();
  for (const e of byKey.values()) {
    const list = edits.get(e.file) ?? [];
    list.push(e);
    edits.set(e.file, list);
  }
  for (const [file, list] of edits) edits.set(file, withoutOverlaps(list));
  return { edits, skipped };
}

/**
 * One Patch per file the project pass rewrites. The fix stage merges them with its own by file:
 * see `applyProjectEdits` for a file that both rewrite.
 */
export async function planProjectRewrites(scan: Pick<ScanResult, 'report' | 'files'>, config: Config): Promise<Patch[]> {
  const plan = planProjectEdits(scan);
  const known = new Map(scan.files.map((f) => [f.source.file.path, f.source]));
  const patches: Patch[] = [];
  for (const [file, edits] of plan.edits) {
    const source = known.get(file) ?? (await readAgain(edits[0], config.maxFileSize));
    if (!source) continue;
    const { text, applied } = applyProjectEdits(source.text, edits);
    if (applied.length === 0 || text === source.text) continue;
    patches.push({
      file,
      absolutePath: source.file.absolutePath,
      before: source.text,
      after: text,
      findingIds: [...new Set(applied.flatMap((e) => e.findingIds))],
      changes: applied.flatMap((e) => e.findingIds.map((findingId): PatchChange => ({ findingId, line: e.line, summary: e.summary }))),
    });
  }
  return patches.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Applies edits to a file's text. Given the text the edits were planned on (`original`) and a text the
 * fix stage has already rewritten, each edit is re-anchored on the one place where its expected text
 * and the original surroundings still occur. Edits that cannot be placed, or would overlap, are
 * returned as `conflicts`, never guessed.
 */
export function applyProjectEdits(text: string, edits: readonly PlannedEdit[], original?: string): { text: string; applied: PlannedEdit[]; conflicts: PlannedEdit[] } {
  const placed: Array<{ edit: PlannedEdit; start: number; end: number }> = [];
  const conflicts: PlannedEdit[] = [];
  for (const e of edits) {
    const at = locate(text, e, original);
    if (at === null || placed.some((p) => at < p.end && at + e.expected.length > p.start)) conflicts.push(e);
    else placed.push({ edit: e, start: at, end: at + e.expected.length });
  }
  placed.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const p of placed) out = out.slice(0, p.start) + p.edit.replacement + out.slice(p.end);
  return { text: out, applied: placed.map((p) => p.edit).reverse(), conflicts };
}

const CONTEXT = 24;

function locate(text: string, e: PlannedEdit, original?: string): number | null {
  if (original === undefined || original === text) return text.slice(e.start, e.end) === e.expected ? e.start : null;
  // Re-anchor: the expected text, with as much of its original surroundings as still fits, must occur exactly once.
  const before = original.slice(Math.max(0, e.start - CONTEXT), e.start);
  const after = original.slice(e.end, e.end + CONTEXT);
  for (const [lead, tail] of [[before, after], [before, ''], ['', after], ['', '']]) {
    const needle = lead + e.expected + tail;
    if (needle === '') return null;
    const first = text.indexOf(needle);
    if (first === -1) continue;
    return text.indexOf(needle, first + 1) === -1 ? first + lead.length : null;
  }
  return null;
}

/** Overlapping edits of one file would corrupt it: keep the first of any overlap (they come from one resolution). */
function withoutOverlaps(edits: PlannedEdit[]): PlannedEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PlannedEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      for (const id of e.findingIds) if (!last.findingIds.includes(id)) last.findingIds.push(id);
      continue;
    }
    out.push(e);
  }
  return out;
}

async function readAgain(edit: ProjectEdit, maxFileSize: number) {
  const file: DiscoveredFile = { path: edit.file, absolutePath: edit.absolutePath, size: -1, kind: 'js' };
  const read = await readSourceFile(file, maxFileSize);
  return 'reason' in read ? null : read;
}
