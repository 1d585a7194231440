import { Box } from 'ink';
import type { ScanProgress } from '../model.ts';
import { Line } from './theme.tsx';

export function Progress({ progress }: { progress: ScanProgress | null }) {
  const text = progress
    ? `Scanning… ${progress.filesDone}/${progress.filesTotal} files · ${progress.findings} findings so far`
    : 'Scanning…';
  return (
    <Box flexDirection="column">
      <Line>{text}</Line>
    </Box>
  );
}
