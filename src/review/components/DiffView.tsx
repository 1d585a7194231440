import { Box } from 'ink';
import { Line } from './theme.tsx';
import type { Tone } from './theme.tsx';

function toneOf(line: string): Tone {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('Index:') || line.startsWith('====')) return 'muted';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'plain';
}

/** A unified diff, coloured by line kind, cut to `maxLines` so a long change cannot push the keys off screen. */
export function DiffView({ diff, maxLines }: { diff: string; maxLines: number }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, maxLines);
  const hidden = lines.length - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => (
        <Line key={index} tone={toneOf(line)}>
          {line === '' ? ' ' : line}
        </Line>
      ))}
      {hidden > 0 ? <Line tone="muted">{`… ${hidden} more diff lines`}</Line> : null}
    </Box>
  );
}
