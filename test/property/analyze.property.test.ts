// Property: generated legacy snippets, whole or damaged, never crash the analyzer. The only error it may
// throw is its typed ParseError, for a file that does not parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { ParseError } from '../../src/analyze/parse.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { legacySnippet, maybeBrokenSnippet } from './legacy-snippets.ts';

const config = defaultConfig();

function analyze(snippet: { path: string; code: string }) {
  return analyzeJsSource({ path: snippet.path, text: snippet.code }, { config });
}

describe('analyzeJsSource on generated legacy snippets', () => {
  it('never throws anything but ParseError, whole or damaged', () => {
    fc.assert(
      fc.property(maybeBrokenSnippet, (snippet) => {
        try {
          analyze(snippet);
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parses every undamaged snippet (the generator writes valid code)', () => {
    fc.assert(
      fc.property(legacySnippet, (snippet) => {
        expect(() => analyze(snippet)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('gives findings with 1-based locations inside the file, relative paths and upper-case methods', () => {
    fc.assert(
      fc.property(legacySnippet, (snippet) => {
        const lines = snippet.code.split('\n').length;
        for (const f of analyze(snippet).findings) {
          expect(f.file).toBe(snippet.path);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
          if (f.method !== null) expect(f.method).toMatch(/^[A-Z]+$/);
          if (f.endpoint !== null) expect(f.endpoint).toMatch(/^\/v[23]\//);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('flags a call to a store host with basic auth as legacy', () => {
    const storeHostCalls = legacySnippet.filter((s) => s.storeHost);
    fc.assert(
      fc.property(storeHostCalls, (snippet) => {
        const rules = analyze(snippet).findings.map((f) => f.rule);
        expect(rules.some((r) => r === 'legacy-api-call' || r === 'legacy-client-config' || r === 'legacy-request-wrapper')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
