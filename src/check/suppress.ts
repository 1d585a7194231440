// Applies inline suppression comments to a scan's findings and reports the comments that are
// themselves a problem.
//
// A suppression without a reason still suppresses. ESLint works this way (a directive without a
// `-- description` still disables; the eslint-comments `require-description` rule reports it
// separately), and so does ast-grep with a bare `ast-grep-ignore`. It keeps the failure where the
// problem is: one finding on the comment, not the comment plus every finding it covered coming back.
// `check` still fails, because the missing reason is a finding of its own.
//
// A suppression that covers nothing is reported as `unused-suppression` (ast-grep's rule name and
// behaviour). When it also lacks a reason, only `unused-suppression` is reported: deleting the
// comment fixes both.
import { makeFinding } from '../analyze/finding.ts';
import type { Finding, Suppression } from '../types.ts';

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

export interface SuppressionOutcome {
  /** Findings no suppression covers. */
  kept: Finding[];
  /** Findings a suppression covers, each with the most specific suppression that covers it. */
  suppressed: SuppressedFinding[];
  /** `suppression-without-reason` and `unused-suppression` findings, in file and line order. */
  problems: Finding[];
}

const PROBLEM_RULES: ReadonlySet<Finding['rule']> = new Set(['suppression-without-reason', 'unused-suppression']);

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): SuppressionOutcome {
  const byFile = groupByFile(suppressions);
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const finding of findings) {
    // A finding about a suppression comment cannot be hidden by another suppression comment.
    const covering = PROBLEM_RULES.has(finding.rule) ? [] : coveringSuppressions(finding, byFile.get(finding.file));
    if (covering.length === 0) {
      kept.push(finding);
      continue;
    }
    // Every suppression that covers the finding counts as used, so an overlap is not reported as unused.
    covering.forEach((s) => used.add(s));
    suppressed.push({ finding, suppression: covering[0] });
  }

  const problems = [...suppressions]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .flatMap((suppression) => {
      if (!used.has(suppression)) return [unusedSuppression(suppression, byFile.get(suppression.file) ?? [])];
      if (suppression.reason === null) return [suppressionWithoutReason(suppression, byFile.get(suppression.file) ?? [])];
      return [];
    });

  return { kept, suppressed, problems };
}

/** The line a next-line suppression covers; stacked suppression comments are stepped over. */
export function coveredLine(suppression: Suppression, sameFile: readonly Suppression[]): number {
  const commentLines = new Set(sameFile.map((s) => s.line));
  let line = suppression.appliesToLine ?? suppression.line + 1;
  while (commentLines.has(line)) line += 1;
  return line;
}

/** Next-line suppressions first (the more specific), then file-level ones. */
function coveringSuppressions(finding: Finding, sameFile: readonly Suppression[] | undefined): Suppression[] {
  if (!sameFile) return [];
  const nextLine = sameFile.filter((s) => {
    if (s.kind !== 'next-line') return false;
    const line = coveredLine(s, sameFile);
    return finding.line <= line && line <= finding.endLine;
  });
  const wholeFile = sameFile.filter((s) => s.kind === 'file');
  return [...nextLine, ...wholeFile];
}

function groupByFile(suppressions: readonly Suppression[]): Map<string, Suppression[]> {
  const groups = new Map<string, Suppression[]>();
  for (const suppression of suppressions) {
    const list = groups.get(suppression.file) ?? [];
    list.push(suppression);
    groups.set(suppression.file, list);
  }
  return groups;
}

function directive(suppression: Suppression): string {
  return `bc-oauth-migrate-ignore-${suppression.kind}`;
}

function unusedSuppression(suppression: Suppression, sameFile: readonly Suppression[]): Finding {
  const where =
    suppression.kind === 'file'
      ? 'there is no finding in this file'
      : `there is no finding on line ${coveredLine(suppression, sameFile)}`;
  return problemFinding(
    suppression,
    'unused-suppression',
    `This ${directive(suppression)} comment suppresses nothing: ${where}. Delete the comment.`,
  );
}

function suppressionWithoutReason(suppression: Suppression, sameFile: readonly Suppression[]): Finding {
  const what =
    suppression.kind === 'file' ? 'the findings in this file' : `the finding on line ${coveredLine(suppression, sameFile)}`;
  return problemFinding(
    suppression,
    'suppression-without-reason',
    `This ${directive(suppression)} comment gives no reason. It still suppresses ${what}; ` +
      `write why after the directive, e.g. \`${directive(suppression)} -- test fixture only\`.`,
  );
}

function problemFinding(suppression: Suppression, rule: Finding['rule'], message: string): Finding {
  return makeFinding({
    rule,
    client: 'suppression',
    location: { file: suppression.file, line: suppression.line, column: 1, endLine: suppression.line, endColumn: 1 },
    confidence: 'high',
    host: null,
    method: null,
    endpoint: null,
    fixable: false,
    message,
    // The comment's content, not its line, so the fingerprint survives the comment moving.
    code: `${directive(suppression)} ${suppression.reason ?? ''}`,
  });
}
