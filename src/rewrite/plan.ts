// From a scan to patches: the transforms run in process, only on files with something to fix (never
// the whole tree), each output parsed again before it becomes a patch.
import { readFileSync } from 'node:fs';
import jscodeshift from 'jscodeshift';
import type { AnalyzedFile, ScanResult } from '../analyze/index.ts';
import { analyzeEnvFile } from '../analyze/detectors/config-env.ts';
import { parseJs, parsesAsJs } from '../analyze/parse.ts';
import { projectEditsOf, projectRefusalOf, type ProjectEdit } from '../analyze/project/edits.ts';
import type { Config, Finding, Patch, PatchChange, RewriteSkip, SecretSet } from '../types.ts';
import { leftUnusedBy } from '../../transforms/engine.ts';
import { rewriteText } from '../../transforms/jscodeshift.ts';
import { applyTextEdits, EditConflict, type TextEdit } from '../../transforms/lib/text.ts';
import { unifiedDiff } from './diff.ts';
import { isEnvTemplate, rewriteEnvTemplate } from './env-example.ts';
import { byCodeUnit } from '../order.ts';

export interface RewritePlan {
  patches: Patch[];
  /** Findings that were asked for (or fixable) and are not rewritten, with why and what to do. */
  skips: RewriteSkip[];
  /** Rewritten, but waiting on the user (a store hash read from the environment). */
  needsInput: RewriteSkip[];
  /** Finding ids that can only be accepted together (they share a base URL, a client, a helper). */
  groups: string[][];
  /** Env template changes, for the summary. */
  envChanges: Array<{ file: string; added: string[]; removed: string[]; kept: string[] }>;
}

export interface PlanOptions {
  /** Apply only these finding ids; every fixable finding when absent. */
  only?: ReadonlySet<string>;
}

const LANGUAGE_KIND = new Set(['php', 'python', 'ruby']);

/** What one file gets: edits on its text as read, and what they resolve. */
interface FileWork {
  file: AnalyzedFile | null;
  path: string;
  absolutePath: string;
  before: string;
  edits: TextEdit[];
  findingIds: Set<string>;
  changes: PatchChange[];
  /** Edits from the cross-file pass, and the findings they resolve (dropped together on a conflict). */
  projectEdits: TextEdit[];
  projectIds: Set<string>;
}

/**
 * Plans every rewrite a scan allows. Credential values met while rewriting that the scan had not
 * listed are added to `scan.secrets`, so every later output redacts them too.
 */
export async function planRewrites(scan: ScanResult, config: Config, opts: PlanOptions = {}): Promise<RewritePlan> {
  const plan: RewritePlan = { patches: [], skips: [], needsInput: [], groups: [], envChanges: [] };
  const only = opts.only ?? null;
  const work = new Map<string, FileWork>();
  const workFor = (path: string, absolutePath: string, before: string, file: AnalyzedFile | null): FileWork => {
    let w = work.get(path);
    if (!w) work.set(path, (w = { file, path, absolutePath, before, edits: [], findingIds: new Set(), changes: [], projectEdits: [], projectIds: new Set() }));
    return w;
  };

  // The cross-file pass resolves some findings through other files and says how to rewrite them;
  // those are its edits, not the single-file transform's.
  const project = projectEdits(scan, only);
  plan.groups.push(...project.groups);
  plan.skips.push(...project.heldBack);
  const envFiles: AnalyzedFile[] = [];

  for (const file of scan.files) {
    const path = file.source.file.path;
    const kind = file.source.file.kind;
    if (kind === 'env') {
      envFiles.push(file);
      continue;
    }
    const wanted = file.findings.filter((f) => (only === null || only.has(f.id)) && !project.ids.has(f.id));
    if (wanted.length === 0 || (kind !== 'js' && !wanted.some((f) => f.fixable))) continue;
    const refusal = unreadable(file);
    if (refusal) {
      for (const f of wanted.filter((w) => w.fixable)) plan.skips.push({ findingId: f.id, file: path, line: f.line, reason: refusal });
      continue;
    }
    if (kind === 'js') {
      const outcome = rewriteJsFile(file, config, new Set(wanted.map((f) => f.id)), scan.secrets);
      plan.skips.push(...outcome.skips);
      plan.needsInput.push(...outcome.needsInput);
      plan.groups.push(...outcome.groups);
      if (outcome.patch) {
        const w = workFor(path, file.source.file.absolutePath, file.source.text, file);
        w.edits.push(...outcome.edits);
        outcome.patch.findingIds.forEach((id) => w.findingIds.add(id));
        w.changes.push(...outcome.patch.changes);
      }
    } else if (LANGUAGE_KIND.has(kind)) {
      const patch = await rewriteLanguageFile(file, config, plan.skips);
      if (patch) {
        const w = workFor(path, file.source.file.absolutePath, file.source.text, file);
        w.edits.push({ start: 0, end: file.source.text.length, text: patch.after });
        patch.findingIds.forEach((id) => w.findingIds.add(id));
        w.changes.push(...patch.changes);
      }
    }
  }

  for (const [path, edits] of project.byFile) {
    const known = scan.files.find((f) => f.source.file.path === path) ?? null;
    const before = known ? known.source.text : readText(edits[0].absolutePath);
    if (before === null || (known && unreadable(known))) {
      for (const id of project.idsByFile.get(path) ?? []) plan.skips.push({ findingId: id, file: path, line: edits[0].line, reason: 'A file this change needs cannot be read as UTF-8 text.' });
      continue;
    }
    const w = workFor(path, edits[0].absolutePath, before, known);
    for (const e of edits) {
      if (before.slice(e.start, e.end) !== e.expected) continue; // the text moved: not ours to guess
      w.projectEdits.push({ start: e.start, end: e.end, text: e.replacement });
      w.changes.push({ findingId: e.findingId, line: e.line, summary: e.summary });
    }
    for (const id of project.idsByFile.get(path) ?? []) {
      w.projectIds.add(id);
      w.findingIds.add(id);
    }
  }

  // Env templates last: a legacy variable stays while code that was not migrated still reads it.
  const codeAfter = () =>
    scan.files
      .filter((f) => f.source.file.kind !== 'env')
      .map((f) => {
        const w = work.get(f.source.file.path);
        return w ? safeApply(w.before, [...w.edits, ...w.projectEdits]) ?? f.source.text : f.source.text;
      });
  for (const file of envFiles) {
    if (work.has(file.source.file.path)) continue; // the cross-file pass rewrites it
    const patch = rewriteEnvFile(file, config, only, codeAfter(), plan);
    if (patch) {
      const w = workFor(patch.file, patch.absolutePath, patch.before, file);
      w.edits.push({ start: 0, end: patch.before.length, text: patch.after });
      patch.findingIds.forEach((id) => w.findingIds.add(id));
      w.changes.push(...patch.changes);
    }
  }

  for (const w of work.values()) {
    const patch = finishFile(w, plan, config, scan.secrets);
    if (!patch) continue;
    if (w.file?.source.file.kind === 'env') {
      // An env file the cross-file pass rewrote: its own findings are resolved when they are gone.
      const remaining = new Set(analyzeEnvFile(patch.file, patch.after, config).findings.map((f) => f.rule));
      for (const f of w.file.findings) if (!remaining.has(f.rule)) patch.findingIds.push(f.id);
    }
    plan.patches.push(patch);
  }
  plan.patches.sort((a, b) => byCodeUnit(a.file, b.file));
  return plan;
}

/** Applies a file's edits; a conflict or an output that does not parse becomes a skip, not a patch. */
function finishFile(w: FileWork, plan: RewritePlan, config: Config, secrets: SecretSet): Patch | null {
  const cleanup = cleanupAfterProjectEdits(w, config, secrets);
  let edits = [...w.edits, ...w.projectEdits, ...cleanup];
  let after = safeApply(w.before, edits);
  if (after === null && cleanup.length > 0) {
    // A removal that collides is not worth a change: leave the unused code.
    edits = [...w.edits, ...w.projectEdits];
    after = safeApply(w.before, edits);
  }
  if (after === null && w.projectEdits.length > 0) {
    // The cross-file edits collide with this file's own: keep the file's own, report the others.
    for (const id of w.projectIds) {
      plan.skips.push({ findingId: id, file: w.path, line: 1, reason: 'Its cross-file change collides with another change in this file; rewrite it by hand.' });
      w.findingIds.delete(id);
    }
    w.changes = w.changes.filter((c) => !w.projectIds.has(c.findingId));
    edits = w.edits;
    after = safeApply(w.before, edits);
  }
  if (after === null) {
    for (const id of w.findingIds) plan.skips.push({ findingId: id, file: w.path, line: 1, reason: 'Two changes in this file collide; rewrite it by hand.' });
    return null;
  }
  if (after === w.before) return null;
  if (parsesAsJs(w.path)) {
    try {
      parseJs(after, w.path);
    } catch (error) {
      const reason = `The rewritten file does not parse (${(error as Error).message}), so it is not written. Please report this.`;
      for (const id of w.findingIds) plan.skips.push({ findingId: id, file: w.path, line: 1, reason });
      return null;
    }
  }
  const seen = new Set<string>();
  const changes = w.changes
    .filter((c) => {
      const key = `${c.findingId}|${c.summary}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
  return { file: w.path, absolutePath: w.absolutePath, before: w.before, after, findingIds: [...w.findingIds], changes };
}

/**
 * The imports, helpers and credential constants the cross-file edits leave unused in a JS file (the
 * transform cleans up after its own edits only). None when the file does not parse as it is.
 */
function cleanupAfterProjectEdits(w: FileWork, config: Config, secrets: SecretSet): TextEdit[] {
  if (w.projectEdits.length === 0 || !parsesAsJs(w.path)) return [];
  let program;
  try {
    program = parseJs(w.before, w.path).program;
  } catch {
    return [];
  }
  const cleanup = leftUnusedBy(w.before, w.path, program, w.projectEdits, w.edits, { config, only: null, storeHash: null });
  cleanup.secrets.forEach((s) => secrets.values.add(s));
  return cleanup.edits;
}

function safeApply(text: string, edits: TextEdit[]): string | null {
  try {
    return applyTextEdits(text, edits);
  } catch (error) {
    if (error instanceof EditConflict) return null;
    throw error;
  }
}

function readText(path: string): string | null {
  try {
    const bytes = readFileSync(path);
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
}

interface ProjectWork {
  ids: Set<string>;
  byFile: Map<string, Array<ProjectEdit & { findingId: string }>>;
  idsByFile: Map<string, Set<string>>;
  /** Findings that share an edit (a base URL, a client's auth, an env template): accepted together or not at all. */
  groups: string[][];
  /** Findings asked for without the rest of their group: none of the group's edits is made. */
  heldBack: RewriteSkip[];
}

/**
 * The cross-file pass's edits of the selected fixable findings, by file, each edit once. Findings
 * whose edits overlap form a group: making a shared edit for some of them would move the others too
 * (a shared base URL or client now sends them to the gateway) or break them (an env template loses
 * the credentials they still read). A group is rewritten whole, or not at all.
 */
function projectEdits(scan: ScanResult, only: ReadonlySet<string> | null): ProjectWork {
  const out: ProjectWork = { ids: new Set(), byFile: new Map(), idsByFile: new Map(), groups: [], heldBack: [] };
  const editKey = (edit: ProjectEdit) => `${edit.file}|${edit.start}|${edit.end}|${edit.replacement}`;
  const fixable: Array<{ finding: Finding; edits: readonly ProjectEdit[] }> = [];
  for (const file of scan.files) {
    for (const finding of file.findings) {
      const refusal = projectRefusalOf(finding);
      if (refusal && finding.fixable) {
        // Its edits would change code other code reads too: neither pass rewrites it.
        out.ids.add(finding.id);
        if (only === null || only.has(finding.id)) out.heldBack.push({ findingId: finding.id, file: finding.file, line: finding.line, reason: refusal });
        continue;
      }
      const edits = projectEditsOf(finding);
      if (edits.length === 0) continue;
      out.ids.add(finding.id);
      if (finding.fixable) fixable.push({ finding, edits });
    }
  }
  for (const group of sharingGroups(fixable, editKey)) {
    if (group.length > 1) out.groups.push(group.map(({ finding }) => finding.id));
    const selected = only === null ? group : group.filter(({ finding }) => only.has(finding.id));
    if (selected.length === 0) continue;
    if (selected.length < group.length) {
      const others = group.length - selected.length;
      const reason = `Its cross-file change is shared with ${others} other finding${others === 1 ? '' : 's'} that ${others === 1 ? 'was' : 'were'} not selected (a base URL, a client or an env template they read too): accept them together.`;
      for (const { finding } of selected) out.heldBack.push({ findingId: finding.id, file: finding.file, line: finding.line, reason });
      continue;
    }
    const seen = new Set<string>();
    for (const { finding, edits } of group) {
      for (const edit of edits) {
        const ids = out.idsByFile.get(edit.file) ?? new Set<string>();
        ids.add(finding.id);
        out.idsByFile.set(edit.file, ids);
        const key = editKey(edit);
        if (seen.has(key)) continue;
        seen.add(key);
        const list = out.byFile.get(edit.file) ?? [];
        list.push({ ...edit, findingId: finding.id });
        out.byFile.set(edit.file, list);
      }
    }
  }
  return out;
}

/** The items split into groups joined by shared edits (union-find over edit keys), each in the items' order. */
function sharingGroups<T extends { edits: readonly ProjectEdit[] }>(items: readonly T[], keyOf: (edit: ProjectEdit) => string): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstWith = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of item.edits.map(keyOf)) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(item);
    else groups.set(r, [item]);
  });
  return [...groups.values()];
}

function unreadable(file: AnalyzedFile): string | null {
  if (!file.source.validUtf8) return 'The file is not valid UTF-8: rewriting it could change bytes that are not text. Change it by hand.';
  if (file.source.minified) return 'The file looks generated or minified: change its source instead.';
  return null;
}

interface JsOutcome {
  patch: Patch | null;
  /** The patch as edits on the text as read, to merge with other edits of the file. */
  edits: TextEdit[];
  skips: RewriteSkip[];
  needsInput: RewriteSkip[];
  groups: string[][];
}

/** Rewrites one analyzed JS/TS file in process; `only` narrows it to some finding ids. */
export function rewriteJsFile(file: AnalyzedFile, config: Config, only: ReadonlySet<string> | null, secrets: SecretSet): JsOutcome {
  const path = file.source.file.path;
  let result;
  try {
    result = rewriteText(file.source.text, path, jscodeshift, { config, only, storeHash: null });
  } catch (error) {
    const reason = `The codemod could not read this file: ${(error as Error).message}`;
    return { patch: null, edits: [], skips: file.findings.filter((f) => f.fixable && (only === null || only.has(f.id))).map((f) => ({ findingId: f.id, file: path, line: f.line, reason })), needsInput: [], groups: [] };
  }
  result.secrets.forEach((s) => secrets.values.add(s));
  const outcome: JsOutcome = { patch: null, edits: result.edits, skips: result.skips, needsInput: result.needsInput, groups: result.groups };
  if (result.output === file.source.text) return outcome;
  try {
    parseJs(result.output, path);
  } catch (error) {
    // Never write what does not parse; say so for every change it held.
    const reason = `The rewritten file does not parse (${(error as Error).message}), so it is not written. Please report this.`;
    outcome.skips.push(...result.changes.map((c) => ({ findingId: c.findingId, file: path, line: c.line, reason })));
    outcome.needsInput = [];
    return outcome;
  }
  outcome.patch = makePatch(file, result.output, result.resolved, result.changes);
  return outcome;
}

async function rewriteLanguageFile(file: AnalyzedFile, config: Config, skips: RewriteSkip[]): Promise<Patch | null> {
  const path = file.source.file.path;
  const kind = file.source.file.kind as 'php' | 'python' | 'ruby';
  const { rewriteLegacyLibraryConfig } = await import('./languages/index.ts');
  let result;
  try {
    result = await rewriteLegacyLibraryConfig({ path, text: file.source.text, kind }, { config });
  } catch (error) {
    for (const f of file.findings.filter((x) => x.fixable)) skips.push({ findingId: f.id, file: path, line: f.line, reason: (error as Error).message });
    return null;
  }
  const fixable = file.findings.filter((f) => f.fixable);
  if (!result) {
    for (const f of fixable) skips.push({ findingId: f.id, file: path, line: f.line, reason: 'The codemod found no library configuration to rewrite for it.' });
    return null;
  }
  const changes: PatchChange[] = result.changes.map((c) => {
    const finding = fixable.find((f) => f.rule === 'legacy-library-config' && f.line === c.line) ?? fixable.find((f) => f.line === c.line) ?? fixable[0];
    return { findingId: finding?.id ?? '', line: c.line, summary: c.summary };
  });
  return makePatch(file, result.after, fixable.map((f) => f.id), changes);
}

function rewriteEnvFile(file: AnalyzedFile, config: Config, only: ReadonlySet<string> | null, code: string[], plan: RewritePlan): Patch | null {
  const path = file.source.file.path;
  const legacy = file.findings.find((f) => f.rule === 'legacy-credentials-config');
  if (!legacy) return null;
  if (only !== null && !file.findings.some((f) => only.has(f.id))) return null;
  if (!isEnvTemplate(path)) {
    plan.skips.push({ findingId: legacy.id, file: path, line: legacy.line, reason: 'A real environment file is never rewritten: replace the legacy values by hand, then rotate the key.' });
    return null;
  }
  const refusal = unreadable(file);
  if (refusal) {
    plan.skips.push({ findingId: legacy.id, file: path, line: legacy.line, reason: refusal });
    return null;
  }
  const stillRead = (name: string) => code.some((text) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
  const result = rewriteEnvTemplate(file.source.text, file.findings, config, stillRead);
  if (!result) return null;
  plan.envChanges.push({ file: path, added: result.added, removed: result.removed, kept: result.kept });
  if (result.kept.length > 0) {
    plan.skips.push({
      findingId: legacy.id,
      file: path,
      line: legacy.line,
      reason: `Kept ${result.kept.join(', ')}: code that was not migrated still reads ${result.kept.length === 1 ? 'it' : 'them'}. Remove ${result.kept.length === 1 ? 'it' : 'them'} once that code is on OAuth.`,
    });
  }
  const resolved = result.kept.length === 0 ? file.findings.map((f) => f.id) : [];
  const summary = `Adds ${result.added.join(' and ') || 'nothing'}${result.removed.length > 0 ? `; removes ${result.removed.join(', ')}` : ''}.`;
  return makePatch(file, result.after, resolved, [{ findingId: legacy.id, line: legacy.line, summary }]);
}

function makePatch(file: AnalyzedFile, after: string, findingIds: string[], changes: PatchChange[]): Patch {
  return {
    file: file.source.file.path,
    absolutePath: file.source.file.absolutePath,
    before: file.source.text,
    after,
    findingIds,
    changes,
  };
}

export interface ChangePreview {
  /** The redacted diff of the change; null when it cannot be made (see `reason`). */
  diff: string | null;
  /** The findings this change applies together (it shares code with them). */
  findingIds: string[];
  reason: string | null;
}

/**
 * The diff one finding's change makes on its own, for the review screen. A finding that shares code
 * with others (a base URL constant, one client instance) previews the change for all of them.
 */
export function previewChange(file: AnalyzedFile, findingId: string, config: Config, secrets: SecretSet): ChangePreview {
  if (file.source.file.kind !== 'js') return { diff: null, findingIds: [findingId], reason: 'Preview is available for JavaScript and TypeScript files.' };
  const everything = rewriteJsFile(file, config, null, secrets);
  const group = everything.groups.find((g) => g.includes(findingId)) ?? [findingId];
  const outcome = rewriteJsFile(file, config, new Set(group), secrets);
  if (!outcome.patch) {
    const skip = outcome.skips.find((s) => s.findingId === findingId);
    return { diff: null, findingIds: group, reason: skip?.reason ?? 'No change to make.' };
  }
  return { diff: unifiedDiff(outcome.patch, secrets), findingIds: group, reason: null };
}
