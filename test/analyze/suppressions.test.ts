import { describe, expect, it } from 'vitest';
import { parseSuppressionComment } from '../../src/analyze/suppressions.ts';

const line = (text: string, at = 10) => ({ text, line: at, block: false });
const block = (text: string, at = 10) => ({ text, line: at, block: true });

describe('parseSuppressionComment', () => {
  it('reads a next-line directive and its reason from a line comment', () => {
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line test store only'), 'src/a.js')).toEqual({
      file: 'src/a.js',
      line: 10,
      kind: 'next-line',
      appliesToLine: 11,
      reason: 'test store only',
    });
  });

  it('reads a file directive from a block comment', () => {
    expect(parseSuppressionComment(block(' bc-oauth-migrate-ignore-file vendored sample '), 'src/a.js')).toEqual({
      file: 'src/a.js',
      line: 10,
      kind: 'file',
      reason: 'vendored sample',
    });
  });

  it('takes the reason after -- or a colon', () => {
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line -- mock server'), 'a.js')?.reason).toBe('mock server');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line: mock server'), 'a.js')?.reason).toBe('mock server');
    expect(parseSuppressionComment(line('bc-oauth-migrate-ignore-file:mock server'), 'a.js')?.reason).toBe('mock server');
  });

  it('gives a null reason when the directive has none', () => {
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line'), 'a.js')?.reason).toBeNull();
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line --  '), 'a.js')?.reason).toBeNull();
    expect(parseSuppressionComment(block(' bc-oauth-migrate-ignore-file : '), 'a.js')?.reason).toBeNull();
  });

  it('ignores ordinary comments, directives not at the start, and look-alike words', () => {
    expect(parseSuppressionComment(line(' fetch the orders'), 'a.js')).toBeNull();
    expect(parseSuppressionComment(line(' TODO add bc-oauth-migrate-ignore-next-line here'), 'a.js')).toBeNull();
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-lines x'), 'a.js')).toBeNull();
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore x'), 'a.js')).toBeNull();
  });

  it('reads hash comments and tolerates delimiters left on the text', () => {
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-file sandbox creds', 1), 'config/.env.test')?.kind).toBe('file');
    expect(parseSuppressionComment(line('# bc-oauth-migrate-ignore-next-line sandbox', 3), 'app.py')?.reason).toBe('sandbox');
    expect(parseSuppressionComment(line('// bc-oauth-migrate-ignore-next-line sandbox', 3), 'a.php')?.reason).toBe('sandbox');
    expect(parseSuppressionComment(block('/* bc-oauth-migrate-ignore-file sandbox */', 3), 'a.php')?.reason).toBe('sandbox');
  });

  it('reads a JSDoc-style block whose reason spans lines, folding whitespace', () => {
    const s = parseSuppressionComment(block('*\n * bc-oauth-migrate-ignore-file generated\n * client stub\n ', 1), 'a.ts');
    expect(s).toEqual({ file: 'a.ts', line: 1, kind: 'file', reason: 'generated client stub' });
  });

  it('points a multi-line block next-line directive at the line after the comment ends', () => {
    const s = parseSuppressionComment(block(' bc-oauth-migrate-ignore-next-line\n   read-only sandbox store ', 4), 'a.js');
    expect(s).toMatchObject({ kind: 'next-line', line: 4, appliesToLine: 6, reason: 'read-only sandbox store' });
  });

  it('with the source, steps over comment lines stacked under the directive', () => {
    const source = [
      'const a = 1;',
      '// bc-oauth-migrate-ignore-next-line sandbox',
      '// eslint-disable-next-line no-undef',
      '/* another',
      '   tool */',
      'fetch(url, { headers });',
    ].join('\n');
    const s = parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 2), 'src/a.js', source);
    expect(s?.appliesToLine).toBe(6);
  });

  it('with the source, does not step over a blank line or a line where code follows a block comment', () => {
    const blank = ['// bc-oauth-migrate-ignore-next-line sandbox', '', 'fetch(url);'].join('\n');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 1), 'a.js', blank)?.appliesToLine).toBe(2);
    const inline = ['// bc-oauth-migrate-ignore-next-line sandbox', '/* note */ fetch(url);'].join('\r\n');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 1), 'a.js', inline)?.appliesToLine).toBe(2);
  });

  it('with the source, treats # as a comment only in languages where it is one', () => {
    const python = ['# bc-oauth-migrate-ignore-next-line sandbox', '# noqa', 'requests.get(url, auth=(u, k))'].join('\n');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 1), 'app.py', python)?.appliesToLine).toBe(3);
    const php = ['// bc-oauth-migrate-ignore-next-line sandbox', '#[Cron]', 'function sync() {}'].join('\n');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 1), 'a.php', php)?.appliesToLine).toBe(2);
    const js = ['// bc-oauth-migrate-ignore-next-line sandbox', '# not a comment in JS', 'x();'].join('\n');
    expect(parseSuppressionComment(line(' bc-oauth-migrate-ignore-next-line sandbox', 1), 'a.js', js)?.appliesToLine).toBe(2);
  });
});
