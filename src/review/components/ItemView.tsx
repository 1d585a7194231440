import { Box } from 'ink';
import { adviceFor } from '../model.ts';
import type { ChecklistEntry, Decision, ReviewItem } from '../model.ts';
import { DiffView } from './DiffView.tsx';
import { ScopeChecklist } from './ScopeChecklist.tsx';
import { Line } from './theme.tsx';
import type { Tone } from './theme.tsx';

/** Where the host, auth and path came from (cross-file findings); a few lines are enough to orient. */
export const MAX_TRACE = 4;

const DECISION_TONES: Record<Decision, Tone> = { accepted: 'ok', skipped: 'muted', acknowledged: 'ok' };

function describeCall(item: ReviewItem): string {
  const { finding } = item;
  const call = finding.endpoint ? `${finding.method ?? '(method unknown)'} ${finding.endpoint}` : 'endpoint unknown';
  return `${finding.rule} · ${finding.client} · ${call}`;
}

export interface ItemViewProps {
  item: ReviewItem;
  index: number;
  total: number;
  decision: Decision | undefined;
  accepted: ChecklistEntry[];
  acceptedUnknown: number;
  /** The hash the user gave for this item's domain, if any. */
  storeHash: string | undefined;
  /** The diff shown is about to be replaced by one made with the entered store hash. */
  diffUpdating?: boolean;
  maxDiffLines: number;
}

export function ItemView({ item, index, total, decision, accepted, acceptedUnknown, storeHash, diffUpdating, maxDiffLines }: ItemViewProps) {
  const frame = item.codeFrame.replace(/\n$/, '');
  return (
    <Box flexDirection="column" gap={1}>
      <Box flexDirection="column">
        <Line bold wrap>{`[${index + 1}/${total}] ${item.file}:${item.line}`}</Line>
        {decision ? <Line tone={DECISION_TONES[decision]}>{`Decided: ${decision}`}</Line> : null}
        <Line tone="muted">{describeCall(item)}</Line>
      </Box>
      {frame ? (
        <Box flexDirection="column">
          {frame.split('\n').map((line, i) => (
            <Line key={i} tone="muted">
              {line === '' ? ' ' : line}
            </Line>
          ))}
        </Box>
      ) : null}
      {item.finding.trace.length > 0 ? (
        <Box flexDirection="column">
          {item.finding.trace.slice(0, MAX_TRACE).map((step, i) => (
            <Line key={i} tone="muted">{`${step.role} ← ${step.file}:${step.line}  ${step.description}`}</Line>
          ))}
        </Box>
      ) : null}
      {item.rewritable && item.diff ? <DiffView diff={item.diff} maxLines={maxDiffLines} /> : null}
      {item.rewritable && diffUpdating ? <Line tone="muted">(updating the preview for the entered hash…)</Line> : null}
      {item.rewritable && !item.diff ? <Line tone="muted">(no diff available for this change)</Line> : null}
      {!item.rewritable ? (
        <Box flexDirection="column">
          <Line tone="warning" bold>
            Cannot be rewritten automatically. What to do instead:
          </Line>
          {adviceFor(item).map((text) => (
            <Box key={text} marginLeft={2}>
              <Line wrap>{`• ${text}`}</Line>
            </Box>
          ))}
        </Box>
      ) : null}
      <Box flexDirection="column">
        <Line>
          {item.scope ? `This call needs: ${item.label ?? item.scope} (${item.scope})` : 'This call needs: unknown scope (endpoint not mapped)'}
        </Line>
        {item.needsStoreHash ? (
          <Line tone={storeHash ? 'ok' : 'warning'}>
            {storeHash
              ? `Store hash for ${item.needsStoreHash.domain}: ${storeHash} (entered)`
              : `Store hash for ${item.needsStoreHash.domain} unknown: the change reads it from the environment`}
          </Line>
        ) : null}
        {item.notes.map((note, i) => (
          <Box key={i} marginLeft={2}>
            <Line tone="warning" wrap>{`! ${note.message}`}</Line>
          </Box>
        ))}
      </Box>
      <ScopeChecklist title="Scopes for the changes accepted so far" entries={accepted} unknownCount={acceptedUnknown} />
    </Box>
  );
}
