// Property: a credential planted in generated legacy code never appears in any output format, once the
// report is redacted the way the CLI does it (redactReport, then a reporter).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { assembleReport } from '../../src/analyze/assemble.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { githubStepSummary, redactReport, reporterNames, reporters } from '../../src/report/index.ts';
import { legacySnippet } from './legacy-snippets.ts';

const config = defaultConfig();

function renderEverything(snippet: { path: string; code: string }): Record<string, string> {
  const result = analyzeJsSource({ path: snippet.path, text: snippet.code }, { config });
  const report = assembleReport({ root: '/work/repo', filesScanned: 1, findings: result.findings, errors: [], skipped: [] });
  const safe = redactReport(report, { values: new Set(result.secrets) });
  const out: Record<string, string> = {};
  for (const name of reporterNames) out[name] = reporters[name].render(safe, { color: false, width: 100 });
  out['color text'] = reporters.text.render(safe, { color: true, width: 60 });
  out['github step summary'] = githubStepSummary(safe);
  return out;
}

describe('planted credentials in generated legacy code', () => {
  it('every format is covered', () => {
    expect([...reporterNames].sort()).toEqual(['github', 'gitlab', 'json', 'junit', 'markdown', 'sarif', 'text']);
  });

  it('never appear in any output format', () => {
    fc.assert(
      fc.property(legacySnippet, (snippet) => {
        const outputs = renderEverything(snippet);
        for (const [format, text] of Object.entries(outputs)) {
          for (const secret of snippet.secrets) {
            if (text.includes(secret)) throw new Error(`${format} output shows the planted credential ${secret}`);
            // Formats escape differently: JSON, XML and workflow commands must not leak it either.
            const escaped = [JSON.stringify(secret).slice(1, -1), secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), secret.replace(/%/g, '%25')];
            for (const form of escaped) if (text.includes(form)) throw new Error(`${format} output shows the planted credential as ${form}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the credential sits in code the report shows: its finding prints a redacted snippet', () => {
    fc.assert(
      fc.property(legacySnippet, (snippet) => {
        const result = analyzeJsSource({ path: snippet.path, text: snippet.code }, { config });
        fc.pre(result.findings.some((f) => f.rule === 'hardcoded-credential'));
        const outputs = renderEverything(snippet);
        expect(outputs.json).toContain('"hardcoded-credential"');
        expect(outputs.json).toContain('(redacted)');
      }),
      { numRuns: 50 },
    );
  });
});
