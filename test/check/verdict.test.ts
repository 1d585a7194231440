import { describe, expect, it } from 'vitest';
import { createBaseline } from '../../src/check/baseline.ts';
import { EXIT_CODES, INCOMPLETE, LEGACY_FOUND, OK, USAGE_OR_TOOL_ERROR } from '../../src/check/exit-codes.ts';
import { decideCheck } from '../../src/check/verdict.ts';
import type { Report, Suppression } from '../../src/types.ts';
import { legacyCall, reportOf } from './helpers.ts';

const tool = { name: 'bc-oauth-migrate', version: '0.0.0' };
const now = new Date('2025-01-01T00:00:00.000Z');
const parseError = { file: 'src/broken.js', message: 'Unexpected token (line 3, column 7)' };
const unmappedCall = () => legacyCall({ line: 40, method: 'GET', endpoint: '/v2/frobnicators' });
const credential = () =>
  legacyCall({ file: 'config/bc.js', line: 2, rule: 'hardcoded-credential', endpoint: null, method: null, code: "const API_KEY = 'x'" });
const suppress = (line: number, reason: string | null, file = 'src/sync.js'): Suppression => ({ file, line, kind: 'next-line', reason });

function decide(report: Report, more: Partial<Parameters<typeof decideCheck>[0]> = {}) {
  return decideCheck({ report, suppressions: [], allowIncomplete: false, ...more });
}

describe('exit codes', () => {
  it('have the documented values', () => {
    expect(EXIT_CODES).toEqual({ OK: 0, LEGACY_FOUND: 1, USAGE_OR_TOOL_ERROR: 2, INCOMPLETE: 3 });
    expect([OK, LEGACY_FOUND, USAGE_OR_TOOL_ERROR, INCOMPLETE]).toEqual([0, 1, 2, 3]);
  });
});

describe('decideCheck', () => {
  it('exits OK when nothing legacy is found and says so', () => {
    const outcome = decide(reportOf([]));
    expect(outcome.exitCode).toBe(OK);
    expect(outcome.reasons).toEqual(['No legacy auth found.']);
  });

  it('exits LEGACY_FOUND for a legacy call and names it in the reasons', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 })]));
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.reasons[0]).toBe('Legacy auth found: 1 legacy API call.');
  });

  it('fails only on findings at or above --min-confidence, and counts the others in the reasons', () => {
    const low = { ...legacyCall({ line: 5 }), confidence: 'low' as const };
    const outcome = decide(reportOf([low, legacyCall({ line: 9, endpoint: '/v2/products' })]), { minConfidence: 'medium' });
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.report.findings.map((f) => f.line)).toEqual([9]);
    expect(outcome.reasons).toEqual(['Legacy auth found: 1 legacy API call.', '1 finding below --min-confidence medium not counted.']);
    expect(decide(reportOf([low]), { minConfidence: 'medium' }).exitCode).toBe(OK);
    expect(decide(reportOf([low])).exitCode).toBe(LEGACY_FOUND);
  });

  it('exits LEGACY_FOUND for a hard-coded credential alone', () => {
    const outcome = decide(reportOf([credential()]));
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.reasons[0]).toBe('Legacy auth found: 1 hard-coded credential.');
  });

  it('exits OK when every finding is suppressed with a reason, and counts them', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 })]), { suppressions: [suppress(4, 'sandbox store')] });
    expect(outcome.exitCode).toBe(OK);
    expect(outcome.suppressedCount).toBe(1);
    expect(outcome.report.findings).toEqual([]);
    expect(outcome.report.summary.findings).toBe(0);
  });

  it('exits LEGACY_FOUND for a suppression without a reason and renders that finding', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 })]), { suppressions: [suppress(4, null)] });
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.report.findings.map((f) => f.rule)).toEqual(['suppression-without-reason']);
    expect(outcome.reasons[0]).toBe('Suppression comments to fix: 1 suppression without a reason.');
  });

  it('exits LEGACY_FOUND for an unused suppression', () => {
    const outcome = decide(reportOf([]), { suppressions: [suppress(4, 'old call')] });
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.report.findings.map((f) => f.rule)).toEqual(['unused-suppression']);
  });

  it('with a baseline, an old finding passes and a new one fails', () => {
    const baseline = createBaseline([legacyCall({ line: 5 })], { tool, now });
    const old = decide(reportOf([legacyCall({ line: 15 })]), { baseline });
    expect(old.exitCode).toBe(OK);
    expect(old.baselineKnownCount).toBe(1);
    expect(old.report.findings).toEqual([]);

    const added = legacyCall({ line: 30, method: 'POST', endpoint: '/v2/customers' });
    const fresh = decide(reportOf([legacyCall({ line: 15 }), added]), { baseline });
    expect(fresh.exitCode).toBe(LEGACY_FOUND);
    expect(fresh.report.findings.map((f) => f.id)).toEqual([added.id]);
  });

  it('keeps baseline-known calls in the scope list the report shows', () => {
    const baseline = createBaseline([legacyCall({ line: 5 })], { tool, now });
    const outcome = decide(reportOf([legacyCall({ line: 5 })]), { baseline });
    expect(outcome.report.scopes.map((s) => s.scope)).toEqual(['store_v2_orders_read_only']);
  });

  it('drops scopes needed only by suppressed calls', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 })]), { suppressions: [suppress(4, 'sandbox')] });
    expect(outcome.report.scopes).toEqual([]);
  });

  it('exits LEGACY_FOUND for a scope beyond the budget even when every finding is in the baseline', () => {
    const write = legacyCall({ line: 5, method: 'POST', endpoint: '/v2/orders' });
    const outcome = decide(reportOf([write]), {
      baseline: createBaseline([write], { tool, now }),
      allowedScopes: ['store_v2_orders_read_only'],
    });
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.budgetViolations.map((v) => v.scope)).toEqual(['store_v2_orders']);
    expect(outcome.reasons).toContain(outcome.budgetViolations[0].message);
  });

  it('exits OK when the needed scopes fit the budget', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 })]), {
      suppressions: [suppress(4, 'sandbox')],
      allowedScopes: ['store_v2_orders'],
    });
    expect(outcome.budgetViolations).toEqual([]);
    expect(outcome.exitCode).toBe(OK);
  });

  it('exits INCOMPLETE for a file that failed to parse and nothing else wrong', () => {
    const outcome = decide(reportOf([], [parseError]));
    expect(outcome.exitCode).toBe(INCOMPLETE);
    expect(outcome.report.summary.complete).toBe(false);
    expect(outcome.reasons[0]).toBe('Analysis incomplete: 1 file could not be analyzed (src/broken.js).');
  });

  it('exits INCOMPLETE for an unmapped endpoint on a baseline-known call', () => {
    const call = unmappedCall();
    const outcome = decide(reportOf([call]), { baseline: createBaseline([call], { tool, now }) });
    expect(outcome.exitCode).toBe(INCOMPLETE);
    expect(outcome.reasons[0]).toContain('GET /v2/frobnicators');
  });

  it('exits INCOMPLETE for a client instance whose requests are not all traced, naming it', () => {
    const config = { ...legacyCall({ line: 2, rule: 'legacy-client-config', method: null, endpoint: null }), notes: [{ kind: 'untraced-requests' as const, message: '`api` is also handed on (line 9)' }] };
    const outcome = decide(reportOf([config]), { baseline: createBaseline([config], { tool, now }) });
    expect(outcome.exitCode).toBe(INCOMPLETE);
    expect(outcome.reasons[0]).toBe('Analysis incomplete: 1 client or wrapper whose requests are not all traced (src/sync.js:2).');
  });

  it('exits OK for an incomplete analysis under --allow-incomplete, and still says it is incomplete', () => {
    const outcome = decide(reportOf([], [parseError]), { allowIncomplete: true });
    expect(outcome.exitCode).toBe(OK);
    expect(outcome.reasons[0]).toMatch(/^Analysis incomplete: .*Allowed by --allow-incomplete\.$/);
  });

  it('exits LEGACY_FOUND when the analysis is incomplete and legacy auth is found too', () => {
    const outcome = decide(reportOf([legacyCall({ line: 5 }), unmappedCall()], [parseError]));
    expect(outcome.exitCode).toBe(LEGACY_FOUND);
    expect(outcome.reasons.some((r) => r.startsWith('Analysis incomplete'))).toBe(true);
  });

  it('an unmapped endpoint on a suppressed call does not make the check incomplete', () => {
    const outcome = decide(reportOf([unmappedCall()]), { suppressions: [suppress(39, 'internal endpoint')] });
    expect(outcome.exitCode).toBe(OK);
    expect(outcome.report.unmapped).toEqual([]);
    expect(outcome.report.summary.complete).toBe(true);
  });

  it('leaves its input report untouched', () => {
    const report = reportOf([legacyCall({ line: 5 }), legacyCall({ line: 9 }), legacyCall({ line: 20 })], [parseError]);
    const before = structuredClone(report);
    decide(report, { suppressions: [suppress(4, 'sandbox'), suppress(50, null)], allowedScopes: [] });
    expect(report).toEqual(before);
  });
});
