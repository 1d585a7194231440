// For people at a terminal: findings by file with code frames, the scope checklist, what needs a human.
import type { Finding, Report } from '../../types.ts';
import type { RenderContext, Reporter } from '../reporter.ts';
import { ruleMeta } from '../rules.ts';
import { printableDeep } from '../../printable.ts';
import {
  codeFrame,
  describeFindingCall,
  groupFindingsByFile,
  incompleteWarning,
  needsHumanItems,
  scopeChecklistLines,
  summaryLine,
} from '../shared.ts';

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  green: Paint;
}

function sgr(open: number, close: number): Paint {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

function palette(color: boolean): Palette {
  if (!color) {
    const plain: Paint = (text) => text;
    return { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
  };
}

function clip(text: string, width: number | undefined): string {
  if (width === undefined || text.length <= width) return text;
  return width > 1 ? text.slice(0, width - 1) + '…' : text.slice(0, width);
}

function renderFinding(report: Report, f: Finding, p: Palette, width: number | undefined): string[] {
  const severity = ruleMeta(f.rule).defaultSeverity;
  const rule = severity === 'error' ? p.red(f.rule) : p.yellow(f.rule);
  const call = describeFindingCall(report, f);
  const lines = [
    `  ${f.line}:${f.column}  ${rule}  ${call ? `${p.cyan(call)}  ` : ''}[${f.confidence} confidence]`,
    `    ${f.message}`,
  ];
  for (const note of f.notes) lines.push(`    ${p.yellow('note')} (${note.kind}): ${note.message}`);
  for (const step of f.trace) {
    lines.push(p.dim(`    ${step.role} from ${step.file}:${step.line}: ${step.description}`));
  }
  const frame = codeFrame(f);
  const gutter = Math.max(0, ...frame.map((l) => String(l.line).length));
  for (const { line, text } of frame) {
    const prefix = `    ${String(line).padStart(gutter)} | `;
    lines.push(p.dim(prefix) + clip(text, width === undefined ? undefined : width - prefix.length));
  }
  return lines;
}

function section(title: string, body: string[], p: Palette): string[] {
  return body.length === 0 ? [] : ['', p.bold(title), ...body];
}

function render(scanned: Report, ctx: RenderContext): string {
  const report = printableDeep(scanned);
  const p = palette(ctx.color);
  const out: string[] = [];
  for (const [file, findings] of groupFindingsByFile(report)) {
    if (out.length > 0) out.push('');
    out.push(p.bold(file));
    for (const f of findings) out.push(...renderFinding(report, f, p, ctx.width));
  }
  if (report.findings.length === 0) out.push(p.green('No legacy API usage found.'));

  const checklist = scopeChecklistLines(report).map((line) => `  ${line}`);
  const warning = incompleteWarning(report);
  out.push(
    ...section(
      'Scopes to request (minimum)',
      [...(checklist.length > 0 ? checklist : ['  none']), ...(warning ? [`  ${p.yellow(warning)}`] : [])],
      p,
    ),
  );
  out.push(
    ...section(
      'Needs a human',
      needsHumanItems(report).map((item) => `  ${p.yellow('!')} ${item.where}  ${item.title}: ${item.message}`),
      p,
    ),
  );
  out.push(...section('Errors', report.errors.map((e) => `  ${p.red('✖')} ${e.file}: ${e.message}`), p));
  out.push(...section('Skipped', report.skipped.map((s) => `  - ${s.file} (${s.reason}): ${s.message}`), p));
  out.push('', p.bold(summaryLine(report)));
  return out.join('\n') + '\n';
}

export const reporter: Reporter = { name: 'text', render };
