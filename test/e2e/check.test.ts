// `bc-oauth-migrate check` end to end: exit codes, every format, suppressions, baseline, scope budget.
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, findingRows, makeTempDir, runCli, runJson, UNPARSED_SECRETS } from './helpers.ts';
import { junitCases, junitWellFormed, parseWorkflowCommands, sarifSchemaErrors } from './formats.ts';
import type { Report } from '../../src/types.ts';

cleanTempDirsAfterAll();

/** Every scope the example app needs: the budget that lets it pass. */
const EXAMPLE_BUDGET = ['store_v2_customers_read_only', 'store_v2_information_read_only', 'store_v2_orders', 'store_v2_products'];

describe('check exit codes', () => {
  it('exits 0 on a repo with nothing legacy, and says so', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('No legacy auth found.');
  });

  it('exits 1 while a config file still holds a legacy API URL, naming it', async () => {
    const dir = await copyFixture('e2e/config-urls');
    const { stdout, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('2 legacy API URLs in config');
  });

  it('exits 0 with --min-confidence medium when only low-confidence findings remain, and counts them', async () => {
    const dir = await makeTempDir('bc-check-confidence-');
    await writeFile(join(dir, 'api.js'), await readFile(join(import.meta.dirname, '../../fixtures/scan/axios/auth-elsewhere.js')));
    expect((await runCli(['check', '--no-git'], { cwd: dir })).code).toBe(1);
    const { stdout, code } = await runCli(['check', '--no-git', '--min-confidence', 'medium'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('No legacy auth at or above --min-confidence medium.');
    expect(stdout).toContain('3 findings below --min-confidence medium not counted.');
  });

  it('exits 1 when legacy auth remains, and says what was found', async () => {
    const dir = await copyFixture('example-app');
    const { stdout, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Legacy auth found: .*legacy API calls/);
  });

  it('exits 1 when legacy auth remains even if a file also failed to parse (1 wins over 3)', async () => {
    const dir = await copyFixture('e2e/parse-error');
    const { code, stdout } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('Analysis incomplete');
  });

  it('exits 3 when a file failed to parse and nothing else is wrong, naming the file', async () => {
    const dir = await copyFixture('e2e/incomplete');
    const { stdout, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toMatch(/Analysis incomplete: .*src\/half-written\.js/);
  });

  it('exits 0 on the same incomplete analysis with --allow-incomplete, still saying it is incomplete', async () => {
    const dir = await copyFixture('e2e/incomplete');
    const { stdout, code } = await runCli(['check', '--allow-incomplete'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Allowed by --allow-incomplete');
  });

  it('exits 3 when an endpoint has no known scope and its call is already in the baseline', async () => {
    const dir = await copyFixture('e2e/unmapped');
    const baseline = join(await makeTempDir(), 'baseline.json');
    expect((await runCli(['check', '--write-baseline', baseline], { cwd: dir })).code).toBe(0);
    const { stdout, code } = await runCli(['check', '--baseline', baseline], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toContain('GET /v2/loyalty_points/{id}');
    expect((await runCli(['check', '--baseline', baseline, '--allow-incomplete'], { cwd: dir })).code).toBe(0);
  });

  it.each([
    ['an unknown format', ['--format', 'xml'], /xml/],
    ['--baseline with --write-baseline', ['--baseline', 'a.json', '--write-baseline', 'b.json'], /--write-baseline/],
    ['a baseline file that does not exist', ['--baseline', 'no-such-baseline.json'], /no-such-baseline\.json/],
    ['a path that does not exist', ['missing-dir'], /missing-dir/],
    ['an unknown flag', ['--fail-on', 'all'], /--fail-on/],
  ])('exits 2 on %s', async (_what, args, message) => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, stderr, code } = await runCli(['check', ...args], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a malformed baseline file, naming it', async () => {
    const dir = await copyFixture('e2e/clean');
    const baseline = join(await makeTempDir(), 'broken-baseline.json');
    await writeFile(baseline, '{ "findings": [ ');
    const { stderr, code } = await runCli(['check', '--baseline', baseline], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('broken-baseline.json');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('documents every exit code in --help', async () => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, code } = await runCli(['check', '--help'], { cwd: dir });
    expect(code).toBe(0);
    for (const exit of ['0', '1', '2', '3']) expect(stdout).toMatch(new RegExp(`^\\s+${exit}\\s+\\S`, 'm'));
    expect(stdout).toContain('--allow-incomplete');
  });
});

describe('check formats on the example app', () => {
  let example: Promise<{ dir: string; report: Report }> | undefined;
  /** One copy and one JSON report for the read-only format tests below. */
  function exampleCopy(): Promise<{ dir: string; report: Report }> {
    example ??= copyFixture('example-app').then(async (dir) => ({ dir, report: (await runJson(['check'], { cwd: dir })).report }));
    return example;
  }

  async function checkExample(format: string): Promise<{ stdout: string; stderr: string; code: number; report: Report }> {
    const { dir, report } = await exampleCopy();
    const result = await runCli(['check', '--format', format], { cwd: dir });
    return { ...result, report };
  }

  it('json: the same contract as scan, exit 1, the reasons on stderr so stdout stays parseable', async () => {
    const dir = await copyFixture('example-app');
    const { report, code, stderr } = await runJson(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(findingRows(report)).toContain('src/order-sync.js:53 legacy-api-call PUT /v2/orders/{id} store_v2_orders');
    expect(stderr).toMatch(/Legacy auth found/);
  });

  it('sarif: valid SARIF 2.1.0, one rule per rule id, results at their lines with stable fingerprints and the scopes', async () => {
    const { stdout, code, report } = await checkExample('sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const ruleIds: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
    }
    const results = run.results.map(
      (r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) =>
        `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`,
    );
    expect(results).toEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`));
    for (const r of run.results) expect(ruleIds).toContain(r.ruleId);
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => JSON.stringify(r.partialFingerprints));
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(run.properties.scopes.map((s: { scope: string }) => s.scope)).toEqual(EXAMPLE_BUDGET);
  });

  it('sarif: fingerprints do not change between runs', async () => {
    const dir = await copyFixture('example-app');
    const first = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: dir })).stdout);
    const second = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: dir })).stdout);
    const prints = (log: { runs: Array<{ results: Array<{ partialFingerprints: unknown }> }> }) => log.runs[0].results.map((r) => r.partialFingerprints);
    expect(prints(second)).toEqual(prints(first));
  });

  it('github: one ::error workflow command per finding that parses back to its file, line and rule', async () => {
    const { stdout, code, report } = await checkExample('github');
    expect(code).toBe(1);
    const commands = parseWorkflowCommands(stdout);
    expect(commands.map((c) => `${c.properties.file}:${c.properties.line} ${c.properties.title}`)).toEqual(
      report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
    );
    for (const [i, c] of commands.entries()) {
      expect(c.command).toBe('error');
      expect(Number(c.properties.col)).toBe(report.findings[i].column);
      expect(c.message).toContain(report.findings[i].message);
    }
  });

  it('github: appends a Markdown summary with the scope checklist to GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const dir = await copyFixture('example-app');
    const summary = join(await makeTempDir(), 'step-summary.md');
    await writeFile(summary, '# Earlier step\n');
    const { code } = await runCli(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(code).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n')).toBe(true);
    expect(text).toContain('- [ ] **Orders: modify** (`store_v2_orders`)');
    expect(text).toContain('- [ ] **Products: modify** (`store_v2_products`)');
  });

  it('junit: well-formed XML with one test case per file and one failure per finding', async () => {
    const { stdout, code, report } = await checkExample('junit');
    expect(code).toBe(1);
    expect(junitWellFormed(stdout)).toBe(true);
    const cases = junitCases(stdout);
    const files = [...new Set(report.findings.map((f) => f.file))];
    expect(cases.map((c) => c.name).sort()).toEqual([...files].sort());
    for (const c of cases) {
      expect(c.failures.map((f) => f.type)).toEqual(report.findings.filter((f) => f.file === c.name).map((f) => f.rule));
    }
  });

  it('gitlab: Code Quality JSON, one issue per finding with a unique fingerprint, path and line', async () => {
    const { stdout, code, report } = await checkExample('gitlab');
    expect(code).toBe(1);
    const issues = JSON.parse(stdout) as Array<{ check_name: string; fingerprint: string; severity: string; description: string; location: { path: string; lines: { begin: number } } }>;
    expect(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`)).toEqual(
      report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
    );
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) {
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(i.description).not.toBe('');
    }
  });

  it('markdown: a report to paste into a pull request, with the reasons on stderr', async () => {
    const { stdout, stderr, code } = await checkExample('markdown');
    expect(code).toBe(1);
    expect(stdout).toContain('- [ ] **Orders: modify**');
    expect(stdout).not.toContain('Legacy auth found');
    expect(stderr).toContain('Legacy auth found');
  });

  it('text: findings, the scope checklist and the verdict', async () => {
    const { stdout, code } = await checkExample('text');
    expect(code).toBe(1);
    expect(stdout).toContain('src/order-sync.js');
    expect(stdout).toContain('Scopes to request');
    expect(stdout.trimEnd().split('\n')).toContainEqual(expect.stringMatching(/^Legacy auth found: /));
  });

  it('--output writes the report to a file and leaves stdout empty', async () => {
    const dir = await copyFixture('example-app');
    const out = join(await makeTempDir(), 'out.sarif');
    const { stdout, code } = await runCli(['check', '--format', 'sarif', '--output', out], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(sarifSchemaErrors(JSON.parse(await readFile(out, 'utf8')))).toEqual([]);
  });
});

describe('check formats on a clean repo', () => {
  it.each(['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab'])('%s: exit 0 and output its readers accept', async (format) => {
    const dir = await copyFixture('e2e/clean');
    const { stdout, code } = await runCli(['check', '--format', format], { cwd: dir });
    expect(code).toBe(0);
    if (format === 'json') expect((JSON.parse(stdout) as Report).findings).toEqual([]);
    if (format === 'sarif') {
      const log = JSON.parse(stdout);
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(log.runs[0].results).toEqual([]);
    }
    if (format === 'github') expect(parseWorkflowCommands(stdout)).toEqual([]);
    if (format === 'junit') {
      expect(junitWellFormed(stdout)).toBe(true);
      expect(junitCases(stdout).flatMap((c) => c.failures)).toEqual([]);
    }
    if (format === 'gitlab') expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe('check with suppression comments', () => {
  let shared: Promise<{ report: Report; stderr: string; code: number }> | undefined;
  /** The fixture is only read here, so one run serves every test that reads its report. */
  function suppressionReport(): Promise<{ report: Report; stderr: string; code: number }> {
    shared ??= copyFixture('e2e/suppressions').then((dir) => runJson(['check'], { cwd: dir }));
    return shared;
  }

  it('a next-line suppression with a reason hides the call under it', async () => {
    const { report, stderr } = await suppressionReport();
    expect(report.findings.filter((f) => f.file === 'src/used.js' && f.line === 6)).toEqual([]);
    expect(stderr).toMatch(/\d+ findings? suppressed by comments/);
  });

  it('a file-level suppression with a reason hides every call in its file', async () => {
    const { report } = await suppressionReport();
    expect(report.findings.filter((f) => f.file === 'src/file-level.js')).toEqual([]);
  });

  it('a suppression without a reason is itself a finding, and the call under it stays hidden', async () => {
    const { report } = await suppressionReport();
    const inFile = findingRows(report).filter((row) => row.startsWith('src/no-reason.js'));
    expect(inFile).toEqual(['src/no-reason.js:5 suppression-without-reason - - -']);
  });

  it('a suppression that suppresses nothing is reported', async () => {
    const { report } = await suppressionReport();
    expect(findingRows(report)).toContain('src/used.js:10 unused-suppression - - -');
  });

  // The call this suppression covered was removed: the file has no BigCommerce URL left.
  it('a stale suppression in a file with no legacy URL left is reported as unused', async () => {
    const { report } = await suppressionReport();
    expect(findingRows(report)).toContain('src/unused.js:2 unused-suppression - - -');
  });

  it('exits 1 because of the suppression problems alone, naming them', async () => {
    const { report, stderr, code } = await suppressionReport();
    expect(code).toBe(1);
    expect(report.findings.every((f) => f.rule === 'suppression-without-reason' || f.rule === 'unused-suppression')).toBe(true);
    expect(stderr).toContain('Suppression comments to fix: 1 suppression without a reason, 2 unused suppressions.');
  });

  it('exits 0 once the problems are fixed: a reason given and the stale comment deleted', async () => {
    const dir = await copyFixture('e2e/suppressions');
    const noReason = join(dir, 'src/no-reason.js');
    await writeFile(noReason, (await readFile(noReason, 'utf8')).replace('ignore-next-line\n', 'ignore-next-line nightly export, retired in Q3\n'));
    const used = join(dir, 'src/used.js');
    await writeFile(used, (await readFile(used, 'utf8')).replace(/^.*moved to the gateway\n/m, ''));
    const unused = join(dir, 'src/unused.js');
    await writeFile(unused, (await readFile(unused, 'utf8')).replace(/^.*ignore-next-line.*\n/m, ''));
    const { code, stdout } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('No legacy auth found.');
  });
});

describe('check with a baseline', () => {
  async function exampleWithBaseline(): Promise<{ dir: string; baseline: string }> {
    const dir = await copyFixture('example-app');
    const baseline = join(await makeTempDir(), 'bc-baseline.json');
    const written = await runCli(['check', '--write-baseline', baseline], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/Baseline of \d+ findings written/);
    return { dir, baseline };
  }

  it('--write-baseline records the findings without their code or secrets', async () => {
    const { dir, baseline } = await exampleWithBaseline();
    const recorded = JSON.parse(await readFile(baseline, 'utf8')) as { findings: Array<{ file: string; line: number; rule: string }> };
    const { report } = await runJson(['check'], { cwd: dir });
    const rows = (list: Array<{ file: string; line: number; rule: string }>) => list.map((f) => `${f.file}:${f.line} ${f.rule}`).sort();
    expect(rows(recorded.findings)).toEqual(rows(report.findings));
    const raw = await readFile(baseline, 'utf8');
    expect(raw).not.toContain('d1e8a70b5ccab1dc2f56bbf7e99f064a660c08a3');
    expect(raw).not.toContain('5f2b8c0e7a9d4163b2e8f0c1a7d3e9b4c6f8a0d2');
  });

  it('passes when every finding is already in the baseline', async () => {
    const { dir, baseline } = await exampleWithBaseline();
    const { report, code, stderr } = await runJson(['check', '--baseline', baseline], { cwd: dir });
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(stderr).toMatch(/\d+ findings already in the baseline/);
  });

  it('still matches a finding that moved down ten lines', async () => {
    const { dir, baseline } = await exampleWithBaseline();
    const file = join(dir, 'src/order-sync.js');
    const text = await readFile(file, 'utf8');
    const moved = text.replace('const AWAITING_FULFILLMENT', `${'// a new comment line\n'.repeat(10)}const AWAITING_FULFILLMENT`);
    await writeFile(file, moved);
    const { report: after } = await runJson(['scan'], { cwd: dir });
    // The calls really moved: the PUT was on line 53.
    expect(findingRows(after)).toContain('src/order-sync.js:63 legacy-api-call PUT /v2/orders/{id} store_v2_orders');
    const { report, code } = await runJson(['check', '--baseline', baseline], { cwd: dir });
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails on a new legacy call, reporting only the new one', async () => {
    const { dir, baseline } = await exampleWithBaseline();
    await appendFile(
      join(dir, 'src/order-sync.js'),
      '\nexport async function deleteOrder(orderId) {\n  return fetch(`${BC_API_BASE}/orders/${orderId}`, { method: \'DELETE\', headers: bcHeaders() });\n}\n',
    );
    const { report, code } = await runJson(['check', '--baseline', baseline], { cwd: dir });
    expect(code).toBe(1);
    expect(findingRows(report)).toEqual([expect.stringMatching(/^src\/order-sync\.js:\d+ legacy-api-call DELETE \/v2\/orders\/\{id\} store_v2_orders$/)]);
  });
});

describe('check with a scope budget', () => {
  async function exampleInBaseline(): Promise<{ dir: string; baseline: string }> {
    // With every finding in the baseline, only the budget can fail the check.
    const dir = await copyFixture('example-app');
    const baseline = join(await makeTempDir(), 'baseline.json');
    expect((await runCli(['check', '--write-baseline', baseline], { cwd: dir })).code).toBe(0);
    return { dir, baseline };
  }

  it('passes when --allowed-scopes covers every scope the code needs', async () => {
    const { dir, baseline } = await exampleInBaseline();
    const { code } = await runCli(['check', '--baseline', baseline, '--allowed-scopes', EXAMPLE_BUDGET.join(',')], { cwd: dir });
    expect(code).toBe(0);
  });

  it('fails when the code needs a scope beyond --allowed-scopes, naming the scope and the call', async () => {
    const { dir, baseline } = await exampleInBaseline();
    const budget = [...EXAMPLE_BUDGET.filter((s) => s !== 'store_v2_products'), 'store_v2_products_read_only'];
    const { stdout, code } = await runCli(['check', '--baseline', baseline, '--allowed-scopes', budget.join(',')], { cwd: dir });
    expect(code).toBe(1);
    const line = stdout.split('\n').find((l) => l.includes('beyond the allowed scopes'));
    expect(line).toContain('store_v2_products');
    expect(line).toContain('PUT /v2/products/{id}');
    expect(line).toContain('src/product-updater.ts:35');
  });

  it('reads the budget from allowedScopes in the config file', async () => {
    const { dir, baseline } = await exampleInBaseline();
    const config = join(dir, '.bc-oauth-migrate.yml');
    await writeFile(config, `allowedScopes:\n${EXAMPLE_BUDGET.filter((s) => s !== 'store_v2_orders').map((s) => `  - ${s}\n`).join('')}`);
    const { stdout, code } = await runCli(['check', '--baseline', baseline], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/store_v2_orders\b.*beyond the allowed scopes.*PUT \/v2\/orders\/\{id\} at src\/order-sync\.js:53/);
    await writeFile(config, `allowedScopes:\n${EXAMPLE_BUDGET.map((s) => `  - ${s}\n`).join('')}`);
    expect((await runCli(['check', '--baseline', baseline], { cwd: dir })).code).toBe(0);
  });

  it('exits 2 on a scope name the catalogue does not know, naming it', async () => {
    const dir = await copyFixture('example-app');
    const { stderr, code } = await runCli(['check', '--allowed-scopes', 'store_v2_orders,store_v2_everything'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('store_v2_everything');
    expect(stderr).not.toContain('store_v2_orders,');
  });

  it('exits 2 on an unknown scope name in the config file', async () => {
    const dir = await copyFixture('example-app');
    await writeFile(join(dir, '.bc-oauth-migrate.yml'), 'allowedScopes:\n  - store_v2_orders_readonly\n');
    const { stderr, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('store_v2_orders_readonly');
  });
});

describe('check never prints a secret', () => {
  const PLANTED = [
    '7f3c9a1e5b2d48c6a0e9f1b3d5c7e9a2b4d6f8a0',
    'cGxhbnRlZC11c2VyOjdmM2M5YTFlNWIyZDQ4YzZhMGU5ZjFiM2Q1YzdlOWEyYjRkNmY4YTA=',
    'Pl4ntedUserinfoPassw0rd',
    'e91d0c7b3a5f48e2b6d4c0a8f2e6b1d3c5a7e9f0',
    'c0ffee5eed1234abcd5678ef90a1b2c3d4e5f6a7',
  ];

  it.each(['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab'])('not in %s, nor in the step summary', async (format) => {
    const dir = await copyFixture('e2e/planted-secret');
    const summary = join(await makeTempDir(), 'summary.md');
    const { stdout, stderr, code } = await runCli(['check', '--format', format], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(code).toBe(1);
    const summaryText = format === 'github' ? await readFile(summary, 'utf8') : '';
    for (const secret of PLANTED) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
      expect(summaryText).not.toContain(secret);
    }
    expect(stdout).toContain('hardcoded-credential');
  });

  it('not in a written baseline', async () => {
    const dir = await copyFixture('e2e/planted-secret');
    const baseline = join(await makeTempDir(), 'baseline.json');
    expect((await runCli(['check', '--write-baseline', baseline], { cwd: dir })).code).toBe(0);
    const raw = await readFile(baseline, 'utf8');
    for (const secret of PLANTED) expect(raw).not.toContain(secret);
  });
});

describe('check over files in languages the tool does not parse', () => {
  it('exits 1 while they call the legacy API, keeps their keys out of every format, and honours their suppression comments', async () => {
    const dir = await copyFixture('e2e/unparsed');
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab']) {
      const { stdout, stderr, code } = await runCli(['check', '--format', format], { cwd: dir });
      expect({ format, code }).toEqual({ format, code: 1 });
      for (const secret of UNPARSED_SECRETS) expect(stdout + stderr).not.toContain(secret);
    }
    const { report } = await runJson(['check'], { cwd: dir });
    expect(report.findings.map((f) => f.file)).not.toContain('ops/legacy.ps1');
    expect(report.findings.map((f) => f.file)).toContain('Jenkinsfile');
  });
});

describe('check from the result kept for an unchanged tree', () => {
  const rerun = async (fixture: string, args: string[]) => {
    const dir = await copyFixture(fixture, { git: true });
    const cacheDir = await makeTempDir('bc-check-cache-');
    const env = { BC_OAUTH_MIGRATE_CACHE_DIR: cacheDir };
    const first = await runCli(['check', ...args], { cwd: dir, env });
    const kept = join(cacheDir, (await readdir(cacheDir)).find((name) => name.endsWith('.result.json'))!);
    const keptAt = (await stat(kept)).mtimeMs;
    const second = await runCli(['check', ...args], { cwd: dir, env });
    // Not written again: the second check judged the kept result instead of scanning.
    expect((await stat(kept)).mtimeMs).toBe(keptAt);
    return { first, second };
  };

  it.each(['sarif', 'github', 'junit', 'gitlab', 'text'])('gives the same %s output and exit code, secrets still redacted', async (format) => {
    const { first, second } = await rerun('e2e/planted-secret', ['--format', format]);
    expect(second).toEqual(first);
    expect(second.code).toBe(1);
    expect(second.stdout).not.toContain('7f3c9a1e5b2d48c6a0e9f1b3d5c7e9a2b4d6f8a0');
  });

  it('judges suppression comments the same way, unused ones included', async () => {
    const { first, second } = await rerun('e2e/suppressions', ['--format', 'json']);
    expect(second).toEqual(first);
    expect(JSON.parse(second.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('unused-suppression');
  });
});
