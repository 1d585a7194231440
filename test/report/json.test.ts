import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/report/formats/json.ts';
import type { Report } from '../../src/types.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { ruleList } from '../../src/report/rules.ts';
import { noteKinds } from '../../src/report/shared.ts';
import { emptyReport, finding, sampleReport } from './sample-report.ts';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

describe('json reporter', () => {
  it('produces output that validates against schema/report.schema.json', () => {
    for (const report of [sampleReport(), emptyReport()]) {
      const ok = validate(JSON.parse(reporter.render(report, { color: false })));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('validates every rule, note kind and skip the tool can report', () => {
    const base = sampleReport();
    const findings = ruleList.map((rule, i) => finding({ id: `f${i}`, rule: rule.id, notes: noteKinds.map((kind) => ({ kind, message: kind })) }));
    const skipped = [{ file: 'big.js', reason: 'too-large' as const, message: 'over the limit', mightBeLegacy: true as const }];
    const report: Report = { ...base, findings, skipped, summary: { ...base.summary, findings: findings.length, skipped: 1 } };
    validate(JSON.parse(reporter.render(report, { color: false })));
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects output that breaks the contract, so the schema test can fail', () => {
    const doc = JSON.parse(reporter.render(sampleReport(), { color: false }));
    doc.findings[0].method = 'get';
    expect(validate(doc)).toBe(false);
  });

  it('starts with schemaVersion 1 and the documented top-level keys in order', () => {
    const doc = JSON.parse(reporter.render(sampleReport(), { color: false }));
    expect(Object.keys(doc)).toEqual([
      'schemaVersion', 'tool', 'root', 'summary', 'findings', 'scopes', 'unmapped', 'errors', 'skipped',
    ]);
    expect(doc.schemaVersion).toBe(1);
    expect(Object.keys(doc.findings[0]).slice(0, 8)).toEqual([
      'id', 'rule', 'file', 'line', 'column', 'endLine', 'endColumn', 'confidence',
    ]);
  });

  it('gives the same bytes whatever the key and finding order of the input', () => {
    const report = sampleReport();
    const shuffled: Report = reversedKeys({ ...report, findings: [...report.findings].reverse() });
    expect(reporter.render(shuffled, { color: false })).toBe(reporter.render(report, { color: false }));
  });

  it('is pretty-printed', () => {
    expect(reporter.render(sampleReport(), { color: false })).toMatch(/^\{\n {2}"schemaVersion": 1,\n/);
  });

  it('uses the context tool version when given', () => {
    const doc = JSON.parse(reporter.render(sampleReport(), { color: false, toolVersion: '9.9.9' }));
    expect(doc.tool.version).toBe('9.9.9');
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
