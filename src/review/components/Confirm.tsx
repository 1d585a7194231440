import { Box } from 'ink';
import type { FinalDecisions } from '../model.ts';
import { Line } from './theme.tsx';

export function Confirm({ decisions, files }: { decisions: FinalDecisions; files: number }) {
  const { accepted, skipped, acknowledged, undecided } = decisions;
  return (
    <Box flexDirection="column">
      <Line tone="heading" bold>
        Finish the review?
      </Line>
      <Line>
        {accepted.length > 0
          ? `Write ${accepted.length} accepted changes to ${files} files.`
          : 'No change was accepted: nothing will be written.'}
      </Line>
      <Line>{`${skipped.length} skipped, ${acknowledged.length} acknowledged, ${undecided.length} undecided (not written).`}</Line>
    </Box>
  );
}
