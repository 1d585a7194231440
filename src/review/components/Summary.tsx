import { Box } from 'ink';
import type { ChecklistEntry, ReviewSummary } from '../model.ts';
import { ScopeChecklist } from './ScopeChecklist.tsx';
import { Line } from './theme.tsx';

export interface SummaryProps {
  summary: ReviewSummary | null;
  error: string | null;
  envVars: string[];
  checklist: ChecklistEntry[];
  /** Scopes the acknowledged (hand-migrated) calls will add on top. */
  handMigrated: ChecklistEntry[];
}

export function Summary({ summary, error, envVars, checklist, handMigrated }: SummaryProps) {
  if (error || !summary) {
    return (
      <Box flexDirection="column">
        <Line tone="error" bold>
          Writing stopped.
        </Line>
        <Line tone="error" wrap>
          {error ?? 'The writer gave no summary.'}
        </Line>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" gap={1}>
      <Box flexDirection="column">
        <Line tone="heading" bold>
          {`Files written: ${summary.filesWritten.length}`}
        </Line>
        {summary.filesWritten.map((file) => (
          <Line key={file} tone="ok">{`  ${file}`}</Line>
        ))}
        <Line>{`Changes skipped: ${summary.changesSkipped}`}</Line>
        {(summary.notWritten ?? []).map((entry) => (
          <Box key={entry.file} marginLeft={2}>
            <Line tone="warning" wrap>{`not written: ${entry.file}: ${entry.reason}`}</Line>
          </Box>
        ))}
      </Box>
      <Box flexDirection="column">
        <Line tone="heading" bold>
          Environment variables to set
        </Line>
        {envVars.length === 0 ? <Line tone="muted">  (none)</Line> : null}
        {envVars.map((name) => (
          <Line key={name}>{`  ${name}`}</Line>
        ))}
      </Box>
      <ScopeChecklist title="Scopes to request for the new API account" entries={checklist} empty="(none: no change was written)" />
      {handMigrated.length > 0 ? (
        <ScopeChecklist title="Also needed once you migrate the acknowledged calls by hand" entries={handMigrated} countWord="call" />
      ) : null}
    </Box>
  );
}
