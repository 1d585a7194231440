// Colour in one place: every component draws text through <Line>, which drops all styling when colour is off.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Text } from 'ink';
import { printable } from '../../printable.ts';

export type Tone = 'added' | 'removed' | 'hunk' | 'heading' | 'muted' | 'warning' | 'error' | 'ok' | 'key' | 'plain';

const TONE_COLORS: Record<Tone, string | undefined> = {
  added: 'green',
  removed: 'red',
  hunk: 'cyan',
  heading: 'magenta',
  muted: 'gray',
  warning: 'yellow',
  error: 'red',
  ok: 'green',
  key: 'cyan',
  plain: undefined,
};

export const ColorContext = createContext<boolean>(true);

export function useColor(): boolean {
  return useContext(ColorContext);
}

export function toneColor(tone: Tone, color: boolean): string | undefined {
  return color ? TONE_COLORS[tone] : undefined;
}

/**
 * Tabs would throw off width measurement, so they become two spaces; a CR is dropped; any other
 * control character from the scanned code is shown escaped, never sent to the terminal.
 */
export function printableText(text: string): string {
  return printable(text.replace(/\t/g, '  ').replace(/\r/g, ''));
}

/**
 * One line of text, cut at the container's width rather than wrapped, so the layout holds on
 * narrow terminals.
 */
export function Line({ tone = 'plain', bold = false, wrap = false, children }: { tone?: Tone; bold?: boolean; wrap?: boolean; children?: ReactNode }) {
  const color = useColor();
  const content = typeof children === 'string' ? printableText(children) : children;
  return (
    <Text color={toneColor(tone, color)} bold={color && bold} wrap={wrap ? 'wrap' : 'truncate-end'}>
      {content}
    </Text>
  );
}

/** Keeps the end of a long path (the file name matters most): `…/nested/orders.js`. */
export function shortenPath(path: string, max = 48): string {
  if (path.length <= max) return path;
  return `…${path.slice(path.length - max + 1)}`;
}
