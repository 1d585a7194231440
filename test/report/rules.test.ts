import { describe, expect, it } from 'vitest';
import { ruleList, ruleMeta } from '../../src/report/rules.ts';

describe('rules', () => {
  it('describes every rule id once', () => {
    expect(ruleList.map((r) => r.id)).toEqual([
      'legacy-api-call',
      'legacy-request-wrapper',
      'legacy-client-config',
      'legacy-credentials-config',
      'legacy-api-url',
      'hardcoded-credential',
      'legacy-library-config',
      'suppression-without-reason',
      'unused-suppression',
    ]);
  });

  it('makes legacy usage an error and suppression problems warnings', () => {
    const warnings = ruleList.filter((r) => r.defaultSeverity === 'warning').map((r) => r.id);
    expect(warnings).toEqual(['suppression-without-reason', 'unused-suppression']);
  });

  it('gives every rule a name, descriptions and help text', () => {
    for (const rule of ruleList) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.shortDescription.length).toBeGreaterThan(10);
      expect(rule.fullDescription.length).toBeGreaterThan(rule.shortDescription.length);
      expect(rule.help.length).toBeGreaterThan(20);
    }
  });

  it('looks a rule up by id', () => {
    expect(ruleMeta('hardcoded-credential').name).toBe('HardcodedCredential');
  });
});
