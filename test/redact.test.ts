import { describe, expect, it } from 'vitest';
import { redactReport, redactSecret, redactText } from '../src/redact.ts';
import type { Report, SecretSet } from '../src/types.ts';
import { sampleReport } from './report/sample-report.ts';

const none: SecretSet = { values: new Set() };
const SECRET = '3f1c9a7be20d44f1a9c0d5e6b7a8c9d0';

/** Keys whose values are enums: planting text there would make the report invalid. */
const ENUM_KEYS = new Set(['rule', 'kind', 'role', 'confidence', 'access', 'method', 'reason', 'storeHashSource']);

function stringLeaves(value: unknown, key: string | null = null, out: [string | null, string][] = []) {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => stringLeaves(v, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringLeaves(v, k, out);
  return out;
}

function plantEverywhere(value: unknown, key: string | null = null): unknown {
  if (typeof value === 'string') return ENUM_KEYS.has(key ?? '') ? value : `${value} ${SECRET}`;
  if (Array.isArray(value)) return value.map((v) => plantEverywhere(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plantEverywhere(v, k)]));
  }
  return value;
}

describe('redactSecret', () => {
  it('keeps the first 4 characters of a value of 12 characters or more', () => {
    expect(redactSecret('e3b0c44298fc1c149afbf4c8')).toBe('e3b0…(redacted)');
    expect(redactSecret('abcdefghijkl')).toBe('abcd…(redacted)');
  });

  it('keeps nothing of a value shorter than 12 characters', () => {
    expect(redactSecret('abcdefghijk')).toBe('…(redacted)');
    expect(redactSecret('pw')).toBe('…(redacted)');
  });

  it('leaves an already redacted value as it is', () => {
    expect(redactSecret('e3b0…(redacted)')).toBe('e3b0…(redacted)');
  });
});

describe('redactText', () => {
  it('replaces every occurrence of every known secret', () => {
    const secrets = { values: new Set([SECRET, 'short-pw']) };
    const out = redactText(`a ${SECRET} b ${SECRET} c short-pw`, secrets);
    expect(out).toBe('a 3f1c…(redacted) b 3f1c…(redacted) c …(redacted)');
  });

  it('blanks text shaped like a legacy API key (40 hex digits) that no reader recognised, and nothing longer', () => {
    const key = 'd1e8a70b5ccab1dc2f56bbf7e99f064a660c08a3';
    expect(redactText(`// old: ${key}\nheaders: { 'X-Debug': '${key}' }`, none)).toBe("// old: d1e8…(redacted)\nheaders: { 'X-Debug': 'd1e8…(redacted)' }");
    expect(redactText(`sha256 ${key}abcd`, none)).toBe(`sha256 ${key}abcd`);
  });

  it('replaces a secret that contains another one whole', () => {
    const secrets = { values: new Set(['abcd', 'xxabcdyy-long-value']) };
    expect(redactText('k=xxabcdyy-long-value', secrets)).not.toContain('yy-long');
  });

  it('replaces the URL-encoded form of a known secret', () => {
    const secrets = { values: new Set(['p@ss/word+1234']) };
    expect(redactText(`?k=${encodeURIComponent('p@ss/word+1234')}`, secrets)).not.toContain('word');
  });

  it('redacts a Basic token that is not in the secret set', () => {
    const token = Buffer.from('admin:topsecretkey').toString('base64');
    const out = redactText(`headers: { Authorization: 'Basic ${token}' }`, none);
    expect(out).not.toContain(token);
    expect(out).toContain(`'Basic ${token.slice(0, 4)}…(redacted)'`);
  });

  it('leaves "Basic auth" in prose alone', () => {
    const prose = 'fetch sends Basic authentication to the store; Basic auth is deprecated';
    expect(redactText(prose, none)).toBe(prose);
  });

  it('redacts the password of URL userinfo but keeps the user and host', () => {
    const out = redactText("get('https://admin:s3cr3tKey99@store-abc123.mybigcommerce.com/api/v2/orders')", none);
    expect(out).toBe("get('https://admin:…(redacted)@store-abc123.mybigcommerce.com/api/v2/orders')");
  });

  it('keeps a template expression in URL userinfo, which is code and not a secret', () => {
    const code = 'fetch(`https://${user}:${key}@store-abc123.mybigcommerce.com/api/v2/orders`)';
    expect(redactText(code, none)).toBe(code);
  });

  it('redacts .env-style credential assignments', () => {
    const env = [
      'BC_STORE_URL=https://store-abc123.mybigcommerce.com',
      'BC_USERNAME=admin',
      'BC_API_KEY=0123456789abcdef0123',
      'export BC_PASSWORD="correct horse battery"',
      'ACCESS_TOKEN: tok_live_abcdefgh',
    ].join('\n');
    const out = redactText(env, none);
    expect(out).toContain('BC_USERNAME=admin');
    expect(out).toContain('BC_STORE_URL=https://store-abc123.mybigcommerce.com');
    expect(out).toContain('BC_API_KEY=0123…(redacted)');
    expect(out).toContain('export BC_PASSWORD="corr…(redacted)"');
    expect(out).toContain('ACCESS_TOKEN: tok_…(redacted)');
  });

  it('redacts quoted credential literals in code and JSON', () => {
    expect(redactText("auth: { username: 'admin', password: 'hunter2' }", none)).toBe(
      "auth: { username: 'admin', password: '…(redacted)' }",
    );
    expect(redactText('{ "api_key": "0123456789abcdef" }', none)).toBe('{ "api_key": "0123…(redacted)" }');
  });

  it('redacts a literal given as a bare key option, and not a name that merely ends in key', () => {
    expect(redactText("sdk.call({ url, key: '0123456789abcdef' })", none)).toBe("sdk.call({ url, key: '0123…(redacted)' })");
    expect(redactText("const monkey = 'banana'; cache.set(cacheKey, 'orders')", none)).toBe("const monkey = 'banana'; cache.set(cacheKey, 'orders')");
  });

  it('redacts credentials in query parameters', () => {
    expect(redactText('https://x.test/a?api_key=abcdef123&limit=5', none)).toBe(
      'https://x.test/a?api_key=…(redacted)&limit=5',
    );
  });

  it('redacts credentials given as command options (curl, wget, HTTPie), not their references', () => {
    const commands = [
      ['wget --http-password=Zq9v8w7x6y5 https://x/', 'wget --http-password=…(redacted) https://x/'],
      ["wget --password 'Kp3m4n5b6v7c' https://x/", "wget --password 'Kp3m…(redacted)' https://x/"],
      ['http -a app:Hh8j7k6l5m4n GET https://x/', 'http -a app:Hh8j…(redacted) GET https://x/'],
      ['curl --user "app:Qw1e2r3t4y5u" https://x/', 'curl --user "app:Qw1e…(redacted)" https://x/'],
      ['curl -u "$U:$K" --password "$$KEY" https://x/', 'curl -u "$U:$K" --password "$$KEY" https://x/'],
      [`-H "Authorization: Basic $(echo -n app:Yu7i6o5p4a3s | base64)"`, `-H "Authorization: Basic $(echo -n app:Yu7i…(redacted) | base64)"`],
      [`-H "Authorization: Basic $(printf '$U:$K' | base64)"`, `-H "Authorization: Basic $(printf '$U:$K' | base64)"`],
    ];
    for (const [text, redacted] of commands) expect(redactText(text, none)).toBe(redacted);
  });

  it('leaves references to where a credential comes from alone', () => {
    const code = [
      'password: process.env.BC_API_KEY,',
      'const token = `${process.env.BIGCOMMERCE_ACCESS_TOKEN}`;',
      'tokenEnv: BIGCOMMERCE_ACCESS_TOKEN',
      '\twget --http-password="$$BC_KEY" --password="$BC_KEY" https://example.com/',
    ].join('\n');
    expect(redactText(code, none)).toBe(code);
  });
});

describe('redactReport', () => {
  it('redacts a secret planted in every string field of the report', () => {
    const planted = plantEverywhere(sampleReport()) as Report;
    const free = stringLeaves(planted).filter(([k]) => !ENUM_KEYS.has(k ?? ''));
    expect(free.length).toBeGreaterThan(50);
    expect(free.every(([, v]) => v.includes(SECRET))).toBe(true);

    const redacted = redactReport(planted, { values: new Set([SECRET]) });
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
    expect(JSON.stringify(redacted)).toContain('3f1c…(redacted)');
  });

  it('keeps enum fields, numbers and structure unchanged', () => {
    const report = sampleReport();
    const redacted = redactReport(report, { values: new Set([SECRET]) });
    expect(redacted).toEqual(report);
  });

  it('returns a copy and leaves the input report unchanged', () => {
    const planted = plantEverywhere(sampleReport()) as Report;
    const before = JSON.stringify(planted);
    const redacted = redactReport(planted, { values: new Set([SECRET]) });
    expect(JSON.stringify(planted)).toBe(before);
    expect(redacted.findings[0]).not.toBe(planted.findings[0]);
  });

  it('redacts userinfo in a host name written without a scheme', () => {
    const report = sampleReport();
    report.findings[0].host = { kind: 'store-hostname', name: 'admin:apikey123@store-abc123.mybigcommerce.com', storeHash: 'abc123' };
    const redacted = redactReport(report, none);
    expect(redacted.findings[0].host?.name).toBe('admin:…(redacted)@store-abc123.mybigcommerce.com');
  });
});
