import { Box } from 'ink';
import type { ChecklistEntry, ReviewItem } from '../model.ts';
import { ScopeChecklist } from './ScopeChecklist.tsx';
import { Line, shortenPath } from './theme.tsx';

const MAX_ROWS = 8;

function countBy(items: ReviewItem[], keyOf: (item: ReviewItem) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts.entries()];
}

/** An item needs a human when it cannot be rewritten or carries a note. */
export function needsHuman(item: ReviewItem): boolean {
  return !item.rewritable || item.notes.length > 0 || item.needsStoreHash !== undefined;
}

function Counts({ title, rows }: { title: string; rows: [string, number][] }) {
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <Box flexDirection="column">
      <Line tone="heading" bold>
        {title}
      </Line>
      {shown.map(([name, count]) => (
        <Line key={name}>{`  ${String(count).padStart(3)}  ${name}`}</Line>
      ))}
      {rows.length > shown.length ? <Line tone="muted">{`  … ${rows.length - shown.length} more`}</Line> : null}
    </Box>
  );
}

function humanReason(item: ReviewItem): string {
  if (item.needsStoreHash) return `store hash unknown for ${item.needsStoreHash.domain}`;
  if (item.notes.length > 0) return item.notes[0].message;
  return 'cannot be rewritten automatically';
}

export function Overview({ items, checklist }: { items: ReviewItem[]; checklist: ChecklistEntry[] }) {
  if (items.length === 0) {
    return <Line tone="ok">Nothing to review: no legacy API usage was found.</Line>;
  }
  const files = new Set(items.map((item) => item.file)).size;
  const rewritable = items.filter((item) => item.rewritable).length;
  const human = items.filter(needsHuman);
  const unknownScopes = items.filter((item) => !item.scope && item.rewritable).length;
  return (
    <Box flexDirection="column" gap={1}>
      <Line bold>
        {`${items.length} changes to review in ${files} files: ${rewritable} can be rewritten, ${human.length} need a human.`}
      </Line>
      <Counts title="By file" rows={countBy(items, (item) => shortenPath(item.file))} />
      <Counts title="By rule" rows={countBy(items, (item) => item.finding.rule)} />
      <ScopeChecklist title="Minimum scopes for everything found" entries={checklist} unknownCount={unknownScopes} countWord="call" />
      {human.length > 0 ? (
        <Box flexDirection="column">
          <Line tone="heading" bold>
            Needs a human
          </Line>
          {human.slice(0, MAX_ROWS).map((item) => (
            <Line key={item.id} tone="warning">{`  ${shortenPath(item.file, 36)}:${item.line}  ${humanReason(item)}`}</Line>
          ))}
          {human.length > MAX_ROWS ? <Line tone="muted">{`  … ${human.length - MAX_ROWS} more`}</Line> : null}
        </Box>
      ) : null}
    </Box>
  );
}
