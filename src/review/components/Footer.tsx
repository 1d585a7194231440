import { Box } from 'ink';
import type { Phase } from '../reducer.ts';
import { Line, useColor } from './theme.tsx';

function keysFor(phase: Phase, rewritable: boolean, allDecided: boolean): string {
  switch (phase) {
    case 'scanning':
      return 'Ctrl-C quit';
    case 'overview':
      return 'Enter review changes · q finish · ? help · Ctrl-C quit, write nothing';
    case 'item':
      return allDecided
        ? 'All decided · q finish · u undo · j/k move · ? help'
        : `y ${rewritable ? 'accept' : 'acknowledge'} · n skip · a/s rest of file · A all · u undo · j/k · q · ?`;
    case 'help':
      return 'Esc or ? close help';
    case 'confirm':
      return 'y write the accepted changes · n or Esc go back';
    case 'store-hash':
      return 'Enter confirm · Backspace delete · Esc skip (read the hash from the environment)';
    case 'writing':
      return 'Writing…';
    case 'done':
      return 'q or Enter exit';
    default:
      return '';
  }
}

export function Footer({ phase, rewritable, allDecided }: { phase: Phase; rewritable: boolean; allDecided: boolean }) {
  const color = useColor();
  const keys = keysFor(phase, rewritable, allDecided);
  if (!keys) return null;
  return (
    <Box borderStyle="single" borderBottom={false} borderLeft={false} borderRight={false} borderDimColor={color}>
      <Line tone="key">{keys}</Line>
    </Box>
  );
}
