import { describe, expect, it } from 'vitest';
import { globProblem } from '../../src/discover/glob-syntax.ts';

describe('globProblem', () => {
  it('accepts ordinary globs, closed classes and braces, and escaped brackets', () => {
    for (const glob of ['src/**', '*.{js,ts}', 'pages/[id].js', '[]x]', '[!]]', 'a\\[b', 'a}b']) expect(globProblem(glob)).toBeNull();
  });

  it('refuses an empty glob, an unclosed [ or {, and a trailing lone backslash', () => {
    expect(globProblem('')).toMatch(/empty/);
    expect(globProblem('[')).toMatch(/'\[' that is never closed/);
    expect(globProblem('src/*.{js')).toMatch(/'\{' that is never closed/);
    expect(globProblem('a\\')).toMatch(/lone/);
  });
});
