// GitHub Actions workflow commands, one annotation per finding, plus the step summary.
import type { Finding, Report } from '../../types.ts';
import { mdNeedsHuman, mdScopeChecklist } from '../markdown-blocks.ts';
import type { Reporter } from '../reporter.ts';
import { ruleMeta } from '../rules.ts';
import { findingHeadline, sortedFindings, summaryLine } from '../shared.ts';

/** Escaping for a command's message, as GitHub's toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a command's property values, where `,` and `:` are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(report: Report, f: Finding): string {
  const level = ruleMeta(f.rule).defaultSeverity;
  const props: [string, string | number][] = [
    ['file', f.file],
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ['endColumn', f.endColumn],
    ['title', f.rule],
  ];
  const head = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  const body = [
    findingHeadline(report, f),
    ...f.notes.map((n) => `Note (${n.kind}): ${n.message}`),
  ].join('\n');
  return `::${level} ${head}::${escapeData(body)}`;
}

function render(report: Report): string {
  const lines = sortedFindings(report).map((f) => annotation(report, f));
  for (const e of report.errors) {
    lines.push(`::warning file=${escapeProperty(e.file)},title=parse-error::${escapeData(e.message)}`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

export const reporter: Reporter = { name: 'github', render };

/** Markdown for `$GITHUB_STEP_SUMMARY`; the CLI appends it, this module touches no file. */
export function githubStepSummary(report: Report): string {
  const human = mdNeedsHuman(report);
  const out = [
    '## bc-oauth-migrate',
    '',
    summaryLine(report),
    '',
    '### OAuth scopes to request',
    '',
    ...mdScopeChecklist(report),
    ...(human.length > 0 ? ['', '### Needs a human', '', ...human] : []),
  ];
  return out.join('\n') + '\n';
}
