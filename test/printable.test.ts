import { describe, expect, it } from 'vitest';
import { printable, printableDeep, printableLines } from '../src/printable.ts';

describe('printable', () => {
  it('shows every control character as an escape, keeping tabs and ordinary text', () => {
    expect(printable('new\nline.js')).toBe('new\\nline.js');
    expect(printable('a\u001b[31m\u0007b\rc\u009bd\u202ee\tf é')).toBe('a\\x1b[31m\\x07b\\rc\\x9bd\\u202ee\tf é');
  });

  it('keeps line breaks when asked, but not a lone carriage return', () => {
    expect(printableLines('a\r\nb\nc\rd\u001b')).toBe('a\r\nb\nc\\rd\\x1b');
  });

  it('is a no-op on text it already made printable', () => {
    const once = printable('x\u0000\n\u001b');
    expect(printable(once)).toBe(once);
  });

  it('makes every string of a report printable, keeping the line breaks of snippets only', () => {
    const out = printableDeep({ file: 'a\nb.js', line: 3, snippet: 'x\ny\u001b', notes: [{ message: 'm\n' }] });
    expect(out).toEqual({ file: 'a\\nb.js', line: 3, snippet: 'x\ny\\x1b', notes: [{ message: 'm\\n' }] });
  });
});
