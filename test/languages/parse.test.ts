import { describe, expect, it } from 'vitest';
import { analyzeOtherLanguage, LanguageParseError } from '../../src/analyze/languages/index.ts';
import { testConfig } from './helpers.ts';

async function analyze(kind: 'php' | 'python' | 'ruby', text: string) {
  return analyzeOtherLanguage({ path: `f.${kind}`, text, kind }, { config: testConfig() });
}

describe('analyzeOtherLanguage', () => {
  it('throws LanguageParseError with the line and column of a syntax error', async () => {
    const error = await analyze('python', 'x = 1\ndef broken(:\n    pass\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LanguageParseError);
    expect(error).toMatchObject({ line: 2 });
    expect((error as LanguageParseError).column).toBeGreaterThan(0);
  });

  it('throws LanguageParseError for PHP and Ruby syntax errors too', async () => {
    await expect(analyze('php', '<?php\nfunction (\n')).rejects.toBeInstanceOf(LanguageParseError);
    await expect(analyze('ruby', 'def x(\n  1 +\n')).rejects.toBeInstanceOf(LanguageParseError);
  });

  it('does not quote the code at a syntax error, which may hold a key no parse could redact', async () => {
    const key = 'k7f3a9c1e2b4d6f8a0c2e4b6d8f0a2c4e';
    const error = await analyze('python', `auth=('app', '${key}'))\n`).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Python syntax error: unexpected code');
    const punctuation = await analyze('ruby', `x = foo(,'${key}')\n`).catch((e: unknown) => e);
    expect((punctuation as Error).message).toBe('Ruby syntax error: unexpected `,`');
  });

  it('returns the comments without their delimiters, for suppressions', async () => {
    const php = await analyze('php', '<?php\n// bc-oauth-migrate-ignore-next-line: reviewed\n/* block */\n$x = 1;\n');
    expect(php.comments).toEqual([
      { text: ' bc-oauth-migrate-ignore-next-line: reviewed', line: 2, block: false },
      { text: ' block ', line: 3, block: true },
    ]);
    const ruby = await analyze('ruby', "# bc-oauth-migrate-ignore-file reason\nx = 1\n");
    expect(ruby.comments).toEqual([{ text: ' bc-oauth-migrate-ignore-file reason', line: 1, block: false }]);
  });

  it('does not flag /api/v2 on a custom domain without a known V2 resource path', async () => {
    const result = await analyze('python', "import requests\nrequests.get('https://wiki.example.com/api/v2/pages-export', auth=('u', 'not-a-bc-key'))\n");
    expect(result.findings).toEqual([]);
    expect(result.secrets).toEqual([]);
  });

  it('flags an unknown host when basic auth goes to a known V2 resource path, with a dynamic-host note', async () => {
    const result = await analyze('ruby', "HTTParty.get(\"#{ENV['BC_URL']}/api/v2/orders\", basic_auth: { username: u, password: k })\n");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'legacy-api-call', confidence: 'medium', endpoint: '/v2/orders', host: { kind: 'unknown' } });
    expect(result.findings[0].notes.map((n) => n.kind)).toContain('dynamic-host');
  });

  it('ignores library calls in a file that does not configure the library for basic auth', async () => {
    const result = await analyze('ruby', 'Bigcommerce::Order.all\n');
    expect(result.findings).toEqual([]);
  });
});
