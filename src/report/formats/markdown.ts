// A report to paste into a pull request.
import type { Finding, Report } from '../../types.ts';
import { mdCode, mdInline, mdNeedsHuman, mdScopeChecklist } from '../markdown-blocks.ts';
import type { Reporter } from '../reporter.ts';
import { ruleMeta } from '../rules.ts';
import { describeFindingScope, formatEndpoint, sortedFindings, summaryLine } from '../shared.ts';

function describesCall(f: Finding): boolean {
  return ruleMeta(f.rule).describesCall || f.endpoint !== null;
}

function findingsTable(report: Report): string[] {
  if (report.findings.length === 0) return ['No legacy API usage found.'];
  const rows = sortedFindings(report).map((f) => {
    const cells = [
      mdCode(`${f.file}:${f.line}:${f.column}`),
      mdCode(f.rule),
      describesCall(f) ? mdInline(formatEndpoint(f.method, f.endpoint)) : '—',
      describesCall(f) ? mdInline(describeFindingScope(report, f)) : '—',
      f.confidence,
      f.fixable ? 'yes' : 'no',
      mdInline(f.message),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '| Location | Rule | Call | Scope | Confidence | Fixable | Message |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function render(report: Report): string {
  const out = [
    '## BigCommerce legacy API migration',
    '',
    mdInline(summaryLine(report)),
    '',
    '### OAuth scopes to request',
    '',
    ...mdScopeChecklist(report),
    '',
    '### Findings',
    '',
    ...findingsTable(report),
  ];
  const human = mdNeedsHuman(report);
  if (human.length > 0) out.push('', '### Needs a human', '', ...human);
  if (report.errors.length > 0) {
    out.push('', '### Errors', '', ...report.errors.map((e) => `- ${mdCode(e.file)}: ${mdInline(e.message)}`));
  }
  if (report.skipped.length > 0) {
    out.push(
      '',
      '### Skipped files',
      '',
      ...report.skipped.map((s) => `- ${mdCode(s.file)} (${s.reason}): ${mdInline(s.message)}`),
    );
  }
  return out.join('\n') + '\n';
}

export const reporter: Reporter = { name: 'markdown', render };
