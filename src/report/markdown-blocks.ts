// Markdown pieces shared by the markdown report and the GitHub step summary.
import type { Report } from '../types.ts';
import { incompleteWarning, needsHumanItems, scopeChecklist } from './shared.ts';
import { printable } from '../printable.ts';

/** Escapes text for a Markdown paragraph or table cell (one line). */
export function mdInline(text: string): string {
  return printable(text.replace(/\r\n?|\n/g, ' '))
    .replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Inline code that survives backticks inside the text. */
export function mdCode(text: string): string {
  const flat = printable(text.replace(/\r\n?|\n/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export function mdScopeChecklist(report: Report): string[] {
  const items = scopeChecklist(report).map((item) => {
    const uses = item.uses ? ` — ${mdInline(item.uses)}` : '';
    const note = item.note ? ` (${mdInline(item.note)})` : '';
    return `- [ ] **${mdInline(item.label)}** (${mdCode(item.scope)})${uses}${note}`;
  });
  const warning = incompleteWarning(report);
  return [
    ...(items.length > 0 ? items : ['No OAuth scope is needed.']),
    ...(warning ? ['', `> ⚠️ ${mdInline(warning)}`] : []),
  ];
}

export function mdNeedsHuman(report: Report): string[] {
  return needsHumanItems(report).map(
    (item) => `- ${mdCode(item.where)} **${mdInline(item.title)}**: ${mdInline(item.message)}`,
  );
}
