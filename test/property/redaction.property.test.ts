// Property: a credential planted in generated legacy code never appears in any output format, once the
// report is redacted the way the CLI does it (redactReport, then a reporter).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeYamlOrJsonFile } from '../../src/analyze/detectors/config-yaml.ts';
import { analyzeShellFile } from '../../src/analyze/detectors/shell.ts';
import { analyzeUnparsedFile } from '../../src/analyze/detectors/unparsed.ts';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { assembleReport } from '../../src/analyze/assemble.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { githubStepSummary, redactReport, reporterNames, reporters } from '../../src/report/index.ts';
import type { Finding } from '../../src/types.ts';
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

/** One legacy call reported, and the planted secret in no output format once redacted as the CLI does. */
function expectOneCallAndNoSecret(result: { findings: Finding[]; secrets: string[] }, secret: string, text: string): void {
  expect(result.findings.map((f) => f.rule)).toEqual(['legacy-api-call']);
  const report = assembleReport({ root: '/work/repo', filesScanned: 1, findings: result.findings, errors: [], skipped: [] });
  const safe = redactReport(report, { values: new Set(result.secrets) });
  for (const name of reporterNames) {
    const out = reporters[name].render(safe, { color: false, width: 100 });
    if (out.includes(secret)) throw new Error(`${name} output shows the planted credential of: ${text}`);
  }
}

/** A curl, wget or HTTPie command with a planted credential, in a script, a Makefile or a workflow. */
const plantedCommand = fc
  .record({
    secret: fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((s) => `K9${s}x7`),
    client: fc.constantFrom('curl', 'wget', 'http'),
    form: fc.nat(4),
    method: fc.constantFrom('', ' -X POST', ' --request PUT', ' -d @body.json'),
    resource: fc.constantFrom('orders', 'products/7', 'customers', 'coupons'),
    where: fc.constantFrom('sync.sh', 'Makefile', '.github/workflows/sync.yml'),
  })
  .map(({ secret, client, form, method, resource, where }) => {
    const url = `https://store-abc123.mybigcommerce.com/api/v2/${resource}.json`;
    const forms: Record<string, string[]> = {
      curl: [`curl${method} -u app:${secret} ${url}`, `curl${method} --user="app:${secret}" ${url}`, `curl${method} -H "Authorization: Basic ${secret}" ${url}`, `curl${method} ${url.replace('https://', `https://app:${secret}@`)}`, `curl${method} -H "Authorization: Basic $(printf 'app:${secret}' | base64)" ${url}`],
      wget: [`wget --user app --password ${secret} ${url}`, `wget --http-user=app --http-password='${secret}' ${url}`, `wget ${url.replace('https://', `https://app:${secret}@`)}`, `wget --password="${secret}" ${url}`, `wget --header="Authorization: Basic $(echo -n app:${secret} | base64)" ${url}`],
      http: [`http -a app:${secret} GET ${url}`, `http --auth=app:${secret} POST ${url}`, `http --auth "app:${secret}" ${url}`, `http GET ${url.replace('https://', `https://app:${secret}@`)}`, `http GET ${url} "Authorization: Basic $(printf 'app:${secret}' | base64)"`],
    };
    const command = forms[client][form];
    const text = where.endsWith('.yml') ? `jobs:\n  sync:\n    steps:\n      - run: |\n          ${command}\n` : where === 'Makefile' ? `sync:\n\t${command}\n` : `#!/bin/sh\n${command}\n`;
    return { secret, path: where, text };
  });

describe('planted credentials in generated commands', () => {
  it('never appear in any output format, and the command is reported', () => {
    fc.assert(
      fc.property(plantedCommand, ({ secret, path, text }) => {
        const result = path.endsWith('.yml') ? analyzeYamlOrJsonFile(path, text, config) : analyzeShellFile(path, text, config);
        expectOneCallAndNoSecret(result, secret, text);
      }),
      { numRuns: 150 },
    );
  });
});

/** A legacy URL in a language the tool reads as plain text, with a key planted on the same line. */
const plantedUnparsed = fc
  .record({
    secret: fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((s) => `K9${s}x7`),
    form: fc.nat(5),
    resource: fc.constantFrom('orders', 'products/7', 'customers', 'coupons'),
    path: fc.constantFrom('src/Client.java', 'Services/Api.cs', 'cmd/sync/main.go', 'scripts/Sync.ps1', 'Jenkinsfile', 'app.kt'),
  })
  .map(({ secret, form, resource, path }) => {
    const url = `https://store-abc123.mybigcommerce.com/api/v2/${resource}`;
    const lines = [
      `call("${url.replace('https://', `https://app:${secret}@`)}");`,
      `req := get("${url}"); req.SetBasicAuth("app", "${secret}")`,
      `client.Send("${url}", new AuthenticationHeaderValue("Basic", "${secret}"));`,
      `Invoke-RestMethod -Uri "${url}" -Credential (New-Object PSCredential("app", (ConvertTo-SecureString "${secret}" -AsPlainText -Force)))`,
      `sh 'curl -u app:${secret} ${url}'`,
      `fetch("${url}", headers = mapOf("Authorization" to "Basic ${secret}"))`,
    ];
    return { secret, path, text: `// sync job\n${lines[form]}\n` };
  });

describe('planted credentials beside a legacy URL in languages read as plain text', () => {
  it('never appear in any output format, and the URL is reported', () => {
    fc.assert(
      fc.property(plantedUnparsed, ({ secret, path, text }) => {
        expectOneCallAndNoSecret(analyzeUnparsedFile(path, text, config), secret, text);
      }),
      { numRuns: 150 },
    );
  });
});

