import { Box } from 'ink';
import type { ChecklistEntry } from '../model.ts';
import { Line } from './theme.tsx';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A scope list as the user will tick it off in the control panel. */
export function ScopeChecklist({
  title,
  entries,
  unknownCount = 0,
  countWord = 'change',
  empty = '(none yet)',
}: {
  title: string;
  entries: ChecklistEntry[];
  /** Items in the set whose scope is not known: the list may be short. */
  unknownCount?: number;
  countWord?: string;
  empty?: string;
}) {
  return (
    <Box flexDirection="column">
      <Line tone="heading" bold>
        {title}
      </Line>
      {entries.length === 0 ? <Line tone="muted">{`  ${empty}`}</Line> : null}
      {entries.map((entry) => (
        <Line key={entry.scope}>
          {`  [ ] ${entry.label ?? entry.scope}  (${entry.scope}) · ${plural(entry.itemIds.length, countWord)}`}
        </Line>
      ))}
      {unknownCount > 0 ? (
        <Line tone="warning">{`  ! ${plural(unknownCount, countWord)} with an unknown scope: this list may be short`}</Line>
      ) : null}
    </Box>
  );
}
