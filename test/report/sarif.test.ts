import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, reporter } from '../../src/report/formats/sarif.ts';
import { ruleList } from '../../src/report/rules.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { emptyReport, finding, sampleReport } from './sample-report.ts';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
formats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function render(report = sampleReport()): Log {
  return JSON.parse(reporter.render(report, { color: false }));
}

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    for (const report of [sampleReport(), emptyReport()]) {
      const ok = validate(render(report));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('fails the schema when a result is broken, so the schema test can fail', () => {
    const log = render() as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('declares one rule per rule id with descriptions, help and level', () => {
    const rules = render().runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(ruleList.map((r) => r.id));
    const unused = rules.find((r) => r.id === 'unused-suppression')!;
    expect(unused.name).toBe('UnusedSuppression');
    expect(unused.shortDescription?.text).toBeTruthy();
    expect(unused.fullDescription?.text).toBeTruthy();
    expect(unused.help?.text).toBeTruthy();
    expect(unused.help?.markdown).toContain('**How to fix:**');
    expect(unused.defaultConfiguration?.level).toBe('warning');
  });

  it('points each result at its rule, file region and stable fingerprint', () => {
    const run = render().runs[0];
    const result = run.results!.find((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === 'f-orders-get')!;
    expect(result.ruleId).toBe('legacy-api-call');
    expect(run.tool.driver.rules![result.ruleIndex!].id).toBe('legacy-api-call');
    expect(result.level).toBe('error');
    expect(result.locations![0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'src/jobs/order-sync.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 21, endLine: 14, endColumn: 4 },
    });
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///home/dev/legacy-app/');
  });

  it('keeps the fingerprint when the finding moves down', () => {
    const moved = sampleReport();
    moved.findings = [finding({ line: 22, endLine: 24 })];
    const before = sampleReport();
    before.findings = [finding()];
    expect(render(moved).runs[0].results![0].partialFingerprints).toEqual(
      render(before).runs[0].results![0].partialFingerprints,
    );
  });

  it('percent-encodes file paths into URI references', () => {
    const report = sampleReport();
    report.findings = [finding({ file: 'src/my jobs/#1.ts' })];
    const uri = render(report).runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('src/my%20jobs/%231.ts');
  });

  it('carries the scope report in the run properties', () => {
    const props = render().runs[0].properties!;
    expect(props.complete).toBe(false);
    expect((props.scopes as { scope: string }[]).map((s) => s.scope)).toEqual([
      'store_v2_customers', 'store_v2_orders_read_only', 'store_v2_products',
    ]);
    expect(props.unmapped).toEqual([
      { method: 'GET', endpoint: '/v2/frobnicators', locations: ['src/jobs/order-sync.ts:40'], reason: 'not in the scope catalogue' },
    ]);
  });

  it('reports parse errors as tool notifications', () => {
    const notes = render().runs[0].invocations![0].toolExecutionNotifications!;
    expect(notes.find((n) => n.level === 'error')?.message.text).toContain('Unexpected token');
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
