import { Box } from 'ink';
import { ITEM_KEYS } from '../keys.ts';
import { Line } from './theme.tsx';

export function Help() {
  return (
    <Box flexDirection="column">
      <Line tone="heading" bold>
        Keys
      </Line>
      {ITEM_KEYS.map(([key, what]) => (
        <Line key={key}>{`  ${key.padEnd(7)} ${what}`}</Line>
      ))}
      <Line> </Line>
      <Line wrap>Accepted changes are written only after you finish with q and confirm.</Line>
      <Line wrap>Findings that cannot be rewritten are never written; acknowledging one records that you read its advice.</Line>
    </Box>
  );
}
