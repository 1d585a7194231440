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

  it('keeps a lone \\r and drops the one before \\n', () => {
    expect(snippetOf('one\r\ntwo\rstill two\r\nthree\r\nfour', 2, 5)).toBe('two\rstill two\nthree\nfour');
  });
});
