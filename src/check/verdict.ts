// `check` after the scan: suppressions, then the baseline, then the scope budget, then the exit code.
// A pure function of its inputs; it never scans again.
import { scopeGaps, withFindings } from '../analyze/assemble.ts';
import { filterByBaseline, type Baseline } from './baseline.ts';
import { checkScopeBudget, type BudgetViolation } from './budget.ts';
import { INCOMPLETE, LEGACY_FOUND, OK, type ExitCode } from './exit-codes.ts';
import { applySuppressions } from './suppress.ts';
import type { Confidence, Finding, Report, RuleId, Suppression, UnmappedEndpoint } from '../types.ts';

export interface CheckInput {
  report: Report;
  suppressions: Suppression[];
  baseline?: Baseline;
  /** The scope budget; null or absent when none is set. */
  allowedScopes?: string[] | null;
  allowIncomplete: boolean;
  /** Findings of lower confidence do not fail the check (they are counted in the reasons); all do when absent. */
  minConfidence?: Confidence;
}

export interface CheckOutcome {
  exitCode: ExitCode;
  /**
   * The report to render: the findings that fail the check (not suppressed, not in the baseline,
   * plus suppression problems) with the summary recomputed. Its scopes and unmapped endpoints are
   * what the code still needs: every finding not suppressed, baseline-known ones included.
   */
  report: Report;
  budgetViolations: BudgetViolation[];
  suppressedCount: number;
  baselineKnownCount: number;
  /** Baseline entries no finding matched any more (legacy usage removed since it was written). */
  baselineFixedCount: number;
  /** One line each, failing reasons first, for the CLI to print. */
  reasons: string[];
}

const SUPPRESSION_RULES: ReadonlySet<RuleId> = new Set(['suppression-without-reason', 'unused-suppression']);

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const RULE_WORDS: Record<RuleId, [string, string]> = {
  'legacy-api-call': ['legacy API call', 'legacy API calls'],
  'legacy-request-wrapper': ['legacy request wrapper', 'legacy request wrappers'],
  'legacy-client-config': ['legacy client configuration', 'legacy client configurations'],
  'legacy-credentials-config': ['config file with legacy credentials', 'config files with legacy credentials'],
  'legacy-api-url': ['legacy API URL in config', 'legacy API URLs in config'],
  'hardcoded-credential': ['hard-coded credential', 'hard-coded credentials'],
  'legacy-library-config': ['client library in legacy mode', 'client libraries in legacy mode'],
  'suppression-without-reason': ['suppression without a reason', 'suppressions without a reason'],
  'unused-suppression': ['unused suppression', 'unused suppressions'],
};

export function decideCheck(input: CheckInput): CheckOutcome {
  const { report } = input;
  const suppression = applySuppressions(report.findings, input.suppressions);
  const candidates = [...suppression.kept, ...suppression.problems];
  const baseline = input.baseline
    ? filterByBaseline(candidates, input.baseline)
    : { new: candidates, known: [] as Finding[], fixedCount: 0 };
  const minimum = input.minConfidence;
  const failingFindings = minimum ? baseline.new.filter((f) => SUPPRESSION_RULES.has(f.rule) || CONFIDENCE_RANK[f.confidence] >= CONFIDENCE_RANK[minimum]) : baseline.new;
  const belowMinimum = baseline.new.length - failingFindings.length;

  // assembleReport renumbers duplicate ids in place, so it only ever sees copies.
  const needed = withFindings(report, copies(suppression.kept));
  const shown = withFindings(report, copies(failingFindings));
  const incomplete = !needed.summary.complete;
  const rendered: Report = {
    ...shown,
    scopes: needed.scopes,
    unmapped: needed.unmapped,
    summary: { ...shown.summary, complete: !incomplete },
  };

  const budgetViolations = input.allowedScopes ? checkScopeBudget(needed.scopes, input.allowedScopes) : [];
  const failing = failingFindings.length > 0 || budgetViolations.length > 0;
  const exitCode: ExitCode = failing ? LEGACY_FOUND : incomplete && !input.allowIncomplete ? INCOMPLETE : OK;

  const reasons = [
    ...findingReasons(failingFindings),
    ...budgetViolations.map((v) => v.message),
    ...(incomplete ? [incompleteReason(report, needed.unmapped, input)] : []),
    ...contextReasons(suppression.suppressed.length, baseline.known.length, baseline.fixedCount, input.baseline !== undefined),
    ...(belowMinimum > 0 ? [`${count(belowMinimum, 'finding')} below --min-confidence ${minimum} not counted.`] : []),
  ];
  if (exitCode === OK && !incomplete) reasons.unshift(belowMinimum > 0 ? `No legacy auth at or above --min-confidence ${minimum}.` : 'No legacy auth found.');

  return {
    exitCode,
    report: rendered,
    budgetViolations,
    suppressedCount: suppression.suppressed.length,
    baselineKnownCount: baseline.known.length,
    baselineFixedCount: baseline.fixedCount,
    reasons,
  };
}

function copies(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f }));
}

function findingReasons(findings: readonly Finding[]): string[] {
  const legacy = findings.filter((f) => !SUPPRESSION_RULES.has(f.rule));
  const problems = findings.filter((f) => SUPPRESSION_RULES.has(f.rule));
  const lines: string[] = [];
  if (legacy.length > 0) lines.push(`Legacy auth found: ${countByRule(legacy)}.`);
  if (problems.length > 0) lines.push(`Suppression comments to fix: ${countByRule(problems)}.`);
  return lines;
}

function countByRule(findings: readonly Finding[]): string {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, count]) => `${count} ${RULE_WORDS[rule][count === 1 ? 0 : 1]}`)
    .join(', ');
}

function incompleteReason(report: Report, unmapped: readonly UnmappedEndpoint[], input: CheckInput): string {
  const parts: string[] = [];
  if (report.errors.length > 0) {
    const files = report.errors.map((e) => e.file);
    parts.push(`${count(files.length, 'file')} could not be analyzed (${list(files)})`);
  }
  const unread = report.skipped.filter((s) => s.mightBeLegacy).map((s) => s.file);
  if (unread.length > 0) {
    const one = unread.length === 1;
    parts.push(`${count(unread.length, 'file')} too large or binary ${one ? 'holds' : 'hold'} BigCommerce evidence and ${one ? 'was' : 'were'} not analyzed (${list(unread)}; raise maxFileSize or exclude ${one ? 'it' : 'them'})`);
  }
  if (unmapped.length > 0) {
    const endpoints = unmapped.map((u) => `${u.method ?? '(method unknown)'} ${u.endpoint}`);
    parts.push(`${count(unmapped.length, 'endpoint')} with no known scope (${list(endpoints)})`);
  }
  const gaps = scopeGaps(input.report.findings);
  if (gaps.dynamic.length > 0) {
    parts.push(`${count(gaps.dynamic.length, 'call')} whose endpoint cannot be resolved statically (${list(gaps.dynamic.map((f) => `${f.file}:${f.line}`))})`);
  }
  if (gaps.baseUrls.length > 0) {
    parts.push(`${count(gaps.baseUrls.length, 'legacy base URL')} in config, read by code that may call any endpoint (${list(gaps.baseUrls.map((f) => `${f.file}:${f.line}`))})`);
  }
  if (gaps.untraced.length > 0) {
    parts.push(`${count(gaps.untraced.length, 'client or wrapper', 'clients or wrappers')} whose requests are not all traced (${list(gaps.untraced.map((f) => `${f.file}:${f.line}`))})`);
  }
  const budget = input.allowedScopes ? '; the scope budget was checked only against the scopes found' : '';
  const allowed = input.allowIncomplete ? ' Allowed by --allow-incomplete.' : '';
  return `Analysis incomplete: ${parts.join('; ')}${budget}.${allowed}`;
}

function contextReasons(suppressed: number, known: number, fixed: number, hasBaseline: boolean): string[] {
  const lines: string[] = [];
  if (suppressed > 0) lines.push(`${count(suppressed, 'finding')} suppressed by comments.`);
  if (hasBaseline) {
    const gone = fixed > 0 ? `; ${count(fixed, 'baseline entry', 'baseline entries')} no longer found` : '';
    lines.push(`${count(known, 'finding')} already in the baseline${gone}.`);
  }
  return lines;
}

function count(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function list(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, +${items.length - max} more` : shown;
}
