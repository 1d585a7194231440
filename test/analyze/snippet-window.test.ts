// A finding on a very long line shows a window of it, cut only at whitespace: the report stays
// small however many findings the line holds, and no key is cut in two (a part would escape redaction).
import { describe, expect, it } from 'vitest';
import { analyzeShellFile } from '../../src/analyze/detectors/shell.ts';
import { analyzeUnparsedFile } from '../../src/analyze/detectors/unparsed.ts';
import { assembleReport } from '../../src/analyze/assemble.ts';
import { redactReport, reporters } from '../../src/report/index.ts';
import { testConfig } from './helpers.ts';

const url = (k: number) => `https://store-abc123.mybigcommerce.com/api/v2/orders/${k}`;

describe('snippets of very long lines', () => {
  it('are a window around each finding, marked with …', () => {
    const line = Array.from({ length: 2000 }, (_, k) => `Invoke-RestMethod "${url(k)}" -Headers $h ;`).join(' ');
    const findings = analyzeUnparsedFile('sync.ps1', `${line}\n`, testConfig).findings;
    expect(findings).toHaveLength(2000);
    for (const f of findings) expect(f.snippet!.length).toBeLessThan(1200);
    expect(findings[1000].snippet).toMatch(/^… .*"https:\/\/store-abc123\.mybigcommerce\.com\/api\/v2\/orders\/1000".* …$/);
  });

  it('are cut only at whitespace, so every token shown is whole', () => {
    const line = Array.from({ length: 3000 }, (_, k) => (k % 7 === 0 ? `curl -u app:K9${k}secretx7 ${url(k)}` : `echo ${k}`)).join(' ; ');
    const findings = analyzeShellFile('sync.sh', `${line}\n`, testConfig).findings;
    expect(findings.length).toBeGreaterThan(400);
    const tokens = new Set(line.split(/\s+/));
    for (const f of findings.slice(0, 50)) {
      expect(f.snippet!.length).toBeLessThan(1200);
      for (const token of f.snippet!.split(/\s+/)) if (token !== '…') expect(tokens.has(token)).toBe(true);
    }
  });

  it('keep the words that name a value at their left edge, so a key the redactor knows by its option is still redacted', () => {
    // The window's left edge falls inside `app:K9secretx7`; `-u` before it is what says it is a key.
    const line = `${'x '.repeat(400)}curl.exe -u app:K9secretx7 ${'z'.repeat(185)} "${url(1)}"`;
    const result = analyzeUnparsedFile('sync.ps1', `${line}\n`, testConfig);
    expect(result.findings[0].snippet).toMatch(/^… .*-u app:K9secretx7/);
    const report = assembleReport({ root: '/r', filesScanned: 1, findings: result.findings, errors: [], skipped: [] });
    const text = reporters.text.render(redactReport(report, { values: new Set(result.secrets) }), { color: false, width: 100 });
    expect(text).not.toContain('K9secretx7');
  });
});

