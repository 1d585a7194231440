import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/report/formats/gitlab.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { emptyReport, finding, sampleReport } from './sample-report.ts';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function render(report = sampleReport()): Issue[] {
  return JSON.parse(reporter.render(report, { color: false }));
}

describe('gitlab reporter', () => {
  it('writes one Code Quality issue per finding with the required fields', () => {
    const issues = render();
    expect(issues).toHaveLength(7);
    const orders = issues.find((i) => i.location.path === 'src/jobs/order-sync.ts' && i.location.lines.begin === 12)!;
    expect(orders).toEqual({
      description: expect.stringContaining('GET /v2/orders; scope: Orders: read-only'),
      check_name: 'legacy-api-call',
      fingerprint: createHash('md5').update('f-orders-get').digest('hex'),
      severity: 'major',
      location: { path: 'src/jobs/order-sync.ts', lines: { begin: 12 } },
    });
  });

  it('makes fingerprints 32 hex characters, unique per finding', () => {
    const prints = render().map((i) => i.fingerprint);
    expect(prints.every((p) => /^[0-9a-f]{32}$/.test(p))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('maps rules to Code Quality severities', () => {
    const report = sampleReport();
    report.findings = [
      finding({ id: 'a', rule: 'hardcoded-credential' }),
      finding({ id: 'b', rule: 'unused-suppression' }),
    ];
    expect(render(report).map((i) => i.severity)).toEqual(['critical', 'minor']);
  });

  it('writes an empty array for a clean report', () => {
    expect(render(emptyReport())).toEqual([]);
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
