import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../src/analyze/snippet.ts';

describe('snippetOf', () => {
  it('gives lines line..endLine (three at most) as split on \\r?\\n, whatever the line endings', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n'), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 9 }), fc.integer({ min: -2, max: 12 }), (source, line, endLine) => {
        const lines = source.split(/\r?\n/);
        expect(snippetOf(source, line, endLine)).toBe(lines.slice(line - 1, Math.min(endLine, line + 2, lines.length)).join('\n'));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same lines far down a long file, read from its line index, across files in turn', () => {
    const file = (name: string, count: number, eol: string) => Array.from({ length: count }, (_, i) => `${name} ${i + 1}`).join(eol);
    const texts = [file('a', 900, '\n'), file('b', 400, '\r\n'), `${file('c', 300, '\n')}\n`];
    for (const text of [...texts, ...texts]) {
      const lines = text.split(/\r?\n/);
      for (const line of [150, 201, 250, 299, 300, 301, 399, 400, 401, 899, 900, 901, 2000]) {
        expect(snippetOf(text, line, line + 2)).toBe(lines.slice(line - 1, Math.min(line + 2, lines.length)).join('\n'));
      }
    }
  });

  it('keeps a lone \\r and drops the one before \\n', () => {
    expect(snippetOf('one\r\ntwo\rstill two\r\nthree\r\nfour', 2, 5)).toBe('two\rstill two\nthree\nfour');
  });
});
