// What `fix` tells the user afterwards: files changed, calls rewritten, what is left for a person and
// why, the env vars to set and the minimum scopes to request. Built once, rendered as text or JSON,
// redacted in both.
import { redactReport, redactText } from '../redact.ts';
import { plural, scopeChecklistLines } from '../report/shared.ts';
import { envAssignment, envValue } from '../analyze/detectors/config-env.ts';
import { CLIENT_ID_ENV } from '../config/defaults.ts';
import type { Config, Patch, Report, RewriteSkip, ScopeRequirement, SecretSet } from '../types.ts';
import type { RewritePlan } from './plan.ts';
import type { WriteOutcome } from './writer.ts';
import { byCodeUnit } from '../order.ts';
import { printable } from '../printable.ts';

export type FixMode = 'write' | 'dry-run' | 'patch';

export interface FixSummary {
  schemaVersion: 1;
  mode: FixMode;
  /** Files written (write), or that would change (dry-run, patch). */
  filesChanged: string[];
  callsRewritten: number;
  changes: Array<{ file: string; line: number; findingId: string; summary: string }>;
  leftForHuman: RewriteSkip[];
  needsInput: RewriteSkip[];
  refused: Array<{ file: string; reason: string }>;
  envVars: Array<{ name: string; purpose: string }>;
  envFiles: RewritePlan['envChanges'];
  scopes: ScopeRequirement[];
  scopeChecklist: string[];
  /** Files the scan could not analyze (syntax errors): nothing in them was rewritten. */
  notParsed: Array<{ file: string; message: string }>;
  complete: boolean;
  patchFile?: string;
  diffs?: string[];
}

const CALL_RULES = new Set(['legacy-api-call']);

export function buildFixSummary(input: {
  mode: FixMode;
  report: Report;
  plan: RewritePlan;
  config: Config;
  secrets: SecretSet;
  written?: WriteOutcome;
  patchFile?: string;
  diffs?: string[];
}): FixSummary {
  const { plan, report, config } = input;
  const rule = new Map(report.findings.map((f) => [f.id, f.rule]));
  const refusedFiles = new Set(input.written?.refused.map((r) => r.file) ?? []);
  const landed = plan.patches.filter((p) => p.before !== p.after && !refusedFiles.has(p.file));
  const changes = landed.flatMap((p) => p.changes.map((c) => ({ file: p.file, line: c.line, findingId: c.findingId, summary: c.summary })));
  const resolved = new Set(landed.flatMap((p) => p.findingIds));
  const callsRewritten = [...resolved].filter((id) => CALL_RULES.has(rule.get(id) ?? '')).length;

  // Everything the report holds that this run does not resolve is left for a person.
  const left: RewriteSkip[] = [...plan.skips];
  const listed = new Set(left.map((s) => s.findingId));
  for (const finding of report.findings) {
    if (resolved.has(finding.id) || listed.has(finding.id)) continue;
    const note = finding.notes[0]?.message;
    left.push({ findingId: finding.id, file: finding.file, line: finding.line, reason: note ?? finding.message });
  }
  left.sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line);

  const envVars: FixSummary['envVars'] = [];
  if (landed.length > 0) envVars.push({ name: config.tokenEnv, purpose: 'the OAuth access token of the new API account' });
  const hashFromEnv = plan.needsInput.length > 0 || landed.some((p) => !/(^|\/)\.env[^/]*$/.test(p.file) && readsNewly(p, config.storeHashEnv));
  if (hashFromEnv) envVars.push({ name: config.storeHashEnv, purpose: 'the store hash (store-{hash}.mybigcommerce.com, or GET /v2/store `id`)' });
  for (const changed of changedEnvValues(landed)) envVars.push(changed);
  if (landed.some((p) => readsNewly(p, CLIENT_ID_ENV))) envVars.push({ name: CLIENT_ID_ENV, purpose: 'the client ID of the new API account (the official PHP, Python and Ruby clients send it)' });

  const safeReport = redactReport(report, input.secrets);
  const summary: FixSummary = {
    schemaVersion: 1,
    mode: input.mode,
    filesChanged: input.mode === 'write' ? input.written?.written ?? [] : landed.map((p) => p.file),
    callsRewritten,
    changes,
    leftForHuman: left,
    needsInput: plan.needsInput,
    refused: input.written?.refused ?? [],
    envVars,
    envFiles: plan.envChanges,
    scopes: safeReport.scopes,
    scopeChecklist: scopeChecklistLines(safeReport),
    notParsed: safeReport.errors,
    complete: report.summary.complete,
    ...(input.patchFile ? { patchFile: input.patchFile } : {}),
    ...(input.diffs ? { diffs: input.diffs } : {}),
  };
  return JSON.parse(redactText(JSON.stringify(summary), input.secrets)) as FixSummary;
}

export function renderFixSummaryText(s: FixSummary): string {
  const lines: string[] = [];
  const verb = s.mode === 'write' ? 'Changed' : s.mode === 'patch' ? `Patch written to ${s.patchFile} for` : 'Would change';
  lines.push(`${verb} ${plural(s.filesChanged.length, 'file')}; ${plural(s.callsRewritten, 'call')} rewritten to the OAuth gateway.`);
  for (const file of s.filesChanged) {
    const count = s.changes.filter((c) => c.file === file).length;
    lines.push(`  ✔ ${file}  (${plural(count, 'change')})`);
  }
  if (s.refused.length > 0) {
    lines.push('', 'Not written');
    for (const r of s.refused) lines.push(`  ✖ ${r.file}: ${r.reason}`);
  }
  if (s.needsInput.length > 0) {
    lines.push('', 'Rewritten, but needs your input');
    for (const n of s.needsInput) lines.push(`  ? ${n.file}:${n.line}  ${n.reason}`);
  }
  if (s.leftForHuman.length > 0) {
    lines.push('', 'Left for a human');
    for (const l of s.leftForHuman) lines.push(`  ! ${l.file}:${l.line}  ${l.reason}`);
  }
  if (s.notParsed.length > 0) {
    lines.push('', 'Not analyzed (could not be parsed; nothing in them was rewritten)');
    for (const e of s.notParsed) lines.push(`  ✖ ${e.file}: ${e.message}`);
  }
  for (const env of s.envFiles) {
    const parts = [env.added.length > 0 ? `added ${env.added.join(', ')}` : null, env.removed.length > 0 ? `removed ${env.removed.join(', ')}` : null, env.kept.length > 0 ? `kept ${env.kept.join(', ')} (still read)` : null].filter(Boolean);
    lines.push('', `${env.file}: ${parts.join('; ')}`);
  }
  if (s.envVars.length > 0) {
    lines.push('', 'Set these environment variables');
    for (const v of s.envVars) lines.push(`  ${v.name}  ${v.purpose}`);
  }
  lines.push('', 'Scopes to request for the new API account (minimum)');
  if (s.scopeChecklist.length === 0) lines.push('  (no legacy call left to derive them from)');
  for (const line of s.scopeChecklist) lines.push(`  ${line}`);
  if (!s.complete) lines.push('', 'The scope list may be incomplete: see the items left for a human.');
  // Each entry is one line: a newline in a file name is shown as `\n`, not obeyed.
  return `${lines.map(printable).join('\n')}\n`;
}

/** Whether the rewritten text names a variable the text as read did not. */
function readsNewly(patch: Patch, name: string): boolean {
  return patch.after.includes(name) && !patch.before.includes(name);
}

/**
 * Variables whose value a rewritten `.env` file changed (`BC_STORE_URL` now the gateway's URL): the
 * code reading them now expects the new value, so every place that sets them (a deployment, a CI
 * secret) must change with the file.
 */
function changedEnvValues(patches: readonly Patch[]): FixSummary['envVars'] {
  const out = new Map<string, { name: string; purpose: string }>();
  for (const patch of patches) {
    if (!/(^|\/)\.env[^/]*$/.test(patch.file)) continue;
    const before = envValues(patch.before);
    for (const [name, value] of envValues(patch.after)) {
      const was = before.get(name);
      if (was === undefined || was === value || out.has(name)) continue;
      out.set(name, { name, purpose: `now ${value} (as in ${patch.file}): change it to that wherever else it is set (deployments, CI secrets)` });
    }
  }
  return [...out.values()];
}

function envValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const assignment = envAssignment(line);
    if (assignment) values.set(assignment.key, envValue(assignment.rawValue));
  }
  return values;
}
