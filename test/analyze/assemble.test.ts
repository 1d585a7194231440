import { describe, expect, it } from 'vitest';
import { legacyCall, reportOf } from '../check/helpers.ts';

describe('assembleReport completeness', () => {
  it('is complete when every call has a known, mapped endpoint', () => {
    expect(reportOf([legacyCall({ line: 3 })]).summary.complete).toBe(true);
  });

  it('is incomplete when a call has an endpoint that cannot be resolved statically', () => {
    const report = reportOf([legacyCall({ line: 3 }), legacyCall({ line: 9, endpoint: null })]);
    expect(report.summary.complete).toBe(false);
  });

  it('stays complete for a wrapper whose endpoint is decided by its callers', () => {
    const report = reportOf([legacyCall({ line: 3 }), legacyCall({ line: 9, endpoint: null, rule: 'legacy-request-wrapper' })]);
    expect(report.summary.complete).toBe(true);
  });

  it('gives identical calls in one file distinct ids', () => {
    const report = reportOf([legacyCall({ line: 3 }), legacyCall({ line: 9 })]);
    const [a, b] = report.findings.map((f) => f.id);
    expect(a).not.toBe(b);
    expect(b.startsWith(`${a}~`)).toBe(true);
  });
});
