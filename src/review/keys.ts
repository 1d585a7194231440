// Which action a key press means in each phase. The only place that knows the key bindings.
import type { Key } from 'ink';
import type { ReviewAction, ReviewState } from './reducer.ts';

/** The bindings as shown in the footer and on the help screen. */
export const ITEM_KEYS: [string, string][] = [
  ['y', 'accept this change (acknowledge a finding that cannot be rewritten)'],
  ['n', 'skip this change'],
  ['a', 'accept the rest of this file'],
  ['s', 'skip the rest of this file'],
  ['A', 'accept all remaining changes'],
  ['u', 'undo the last decision (a file or "all" decision is undone whole)'],
  ['j / ↓', 'next item'],
  ['k / ↑', 'previous item'],
  ['q', 'finish: confirm, then write the accepted changes'],
  ['?', 'this help'],
  ['Ctrl-C', 'quit at once, writing nothing'],
];

const ITEM_LETTERS: Record<string, ReviewAction> = {
  y: { type: 'decide', decision: 'accept' },
  n: { type: 'decide', decision: 'skip' },
  a: { type: 'decide-file', decision: 'accept' },
  s: { type: 'decide-file', decision: 'skip' },
  A: { type: 'accept-all' },
  u: { type: 'undo' },
  j: { type: 'move', delta: 1 },
  k: { type: 'move', delta: -1 },
  q: { type: 'finish' },
  '?': { type: 'help' },
};

/** Characters typed into the store-hash prompt: printable ones only, so pasted text works too. */
function printable(input: string): string {
  return [...input].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
}

/**
 * Enter. A key pressed while the session is still starting reaches it through the terminal's line
 * discipline, which turns the carriage return into a line feed; Ink reports that as plain input.
 */
function isEnter(input: string, key: Key): boolean {
  return key.return || input === '\n';
}

export function actionForKey(state: ReviewState, input: string, key: Key): ReviewAction | null {
  if (key.ctrl && input === 'c') return { type: 'cancel' };
  switch (state.phase) {
    case 'overview':
      if (isEnter(input, key) || input === ' ') return { type: 'start' };
      if (input === 'q') return { type: 'finish' };
      if (input === '?') return { type: 'help' };
      return null;
    case 'item':
      if (key.downArrow) return { type: 'move', delta: 1 };
      if (key.upArrow) return { type: 'move', delta: -1 };
      if (key.ctrl || key.meta) return null;
      return ITEM_LETTERS[input] ?? null;
    case 'help':
      return key.escape || input === '?' || input === 'q' ? { type: 'back' } : null;
    case 'confirm':
      if (input === 'y') return { type: 'confirm' };
      return input === 'n' || key.escape ? { type: 'back' } : null;
    case 'store-hash':
      if (key.escape) return { type: 'hash-dismiss' };
      if (state.storeHashPrompt?.step === 'save') {
        if (input === 'y') return { type: 'hash-save', save: true };
        if (input === 'n') return { type: 'hash-save', save: false };
        return null;
      }
      if (isEnter(input, key)) return { type: 'hash-submit' };
      if (key.backspace || key.delete) return { type: 'hash-backspace' };
      if (key.ctrl || key.meta) return null;
      return printable(input) ? { type: 'hash-input', text: printable(input) } : null;
    default:
      return null;
  }
}

/**
 * A chunk of several characters that holds Enter or Backspace (pasted text, or a fast terminal) is
 * replayed one character at a time in the store-hash prompt; Ink hands it over as a single input.
 */
export function splitTypedChunk(state: ReviewState, input: string): Array<{ input: string; key: Key }> | null {
  if (state.phase !== 'store-hash' || input.length < 2 || !/[\r\n\u007f\b]/.test(input)) return null;
  return [...input].map((ch) => ({
    input: ch,
    key: { ...NO_KEY, return: ch === '\r' || ch === '\n', backspace: ch === '\u007f' || ch === '\b' },
  }));
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
