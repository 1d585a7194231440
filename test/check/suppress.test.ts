import { describe, expect, it } from 'vitest';
import { applySuppressions } from '../../src/check/suppress.ts';
import type { Suppression } from '../../src/types.ts';
import { legacyCall } from './helpers.ts';

const nextLine = (line: number, reason: string | null = 'sandbox store', file = 'src/sync.js'): Suppression => ({
  file,
  line,
  kind: 'next-line',
  reason,
});
const wholeFile = (line: number, reason: string | null = 'generated fixture', file = 'src/sync.js'): Suppression => ({
  file,
  line,
  kind: 'file',
  reason,
});

describe('applySuppressions', () => {
  it('a next-line suppression hides the finding on the following line and is not a problem', () => {
    const call = legacyCall({ line: 11 });
    const suppression = nextLine(10);
    const outcome = applySuppressions([call], [suppression]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.suppressed).toEqual([{ finding: call, suppression }]);
    expect(outcome.problems).toEqual([]);
  });

  it('a next-line suppression hides a multi-line finding that starts above the covered line', () => {
    const call = legacyCall({ line: 9, height: 5 });
    expect(applySuppressions([call], [{ ...nextLine(10), appliesToLine: 11 }]).kept).toEqual([]);
  });

  it('a next-line suppression leaves a finding two lines down alone and is reported unused', () => {
    const call = legacyCall({ line: 12 });
    const outcome = applySuppressions([call], [nextLine(10)]);
    expect(outcome.kept).toEqual([call]);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ rule: 'unused-suppression', file: 'src/sync.js', line: 10 });
    expect(outcome.problems[0].message).toContain('line 11');
  });

  it('stacked suppression comments all reach the first line below the stack', () => {
    const call = legacyCall({ line: 12 });
    const outcome = applySuppressions([call], [nextLine(10, 'sandbox'), nextLine(11, 'also read-only')]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.problems).toEqual([]);
  });

  it('uses the covered line the analyzer computed, past other tools\' comments', () => {
    const call = legacyCall({ line: 13 });
    const outcome = applySuppressions([call], [{ ...nextLine(10), appliesToLine: 13 }]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.problems).toEqual([]);
  });

  it('a file suppression hides every finding in its file and none in other files', () => {
    const here = [legacyCall({ line: 5 }), legacyCall({ line: 80, endpoint: '/v2/products' })];
    const elsewhere = legacyCall({ file: 'src/other.js', line: 5 });
    const outcome = applySuppressions([...here, elsewhere], [wholeFile(1)]);
    expect(outcome.suppressed.map((s) => s.finding)).toEqual(here);
    expect(outcome.kept).toEqual([elsewhere]);
    expect(outcome.problems).toEqual([]);
  });

  it('a suppression without a reason still suppresses and is itself a finding', () => {
    const call = legacyCall({ line: 11 });
    const outcome = applySuppressions([call], [nextLine(10, null)]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.suppressed).toHaveLength(1);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({
      rule: 'suppression-without-reason',
      file: 'src/sync.js',
      line: 10,
      client: 'suppression',
      confidence: 'high',
      fixable: false,
      endpoint: null,
      method: null,
      host: null,
      scope: null,
    });
  });

  it('a file suppression that matches nothing is reported unused', () => {
    const outcome = applySuppressions([legacyCall({ file: 'src/other.js', line: 3 })], [wholeFile(1)]);
    expect(outcome.problems.map((p) => p.rule)).toEqual(['unused-suppression']);
    expect(outcome.problems[0].message).toContain('no finding in this file');
  });

  it('an unused suppression without a reason is reported once, as unused', () => {
    const outcome = applySuppressions([], [nextLine(10, null)]);
    expect(outcome.problems.map((p) => p.rule)).toEqual(['unused-suppression']);
  });

  it('overlapping next-line and file suppressions both count as used', () => {
    const outcome = applySuppressions([legacyCall({ line: 11 })], [wholeFile(1), nextLine(10)]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.suppressed[0].suppression.kind).toBe('next-line');
  });

  it('a suppression never hides a finding about a suppression comment', () => {
    const [problem] = applySuppressions([], [nextLine(20, 'stale')]).problems;
    const outcome = applySuppressions([problem], [wholeFile(1)]);
    expect(outcome.kept).toEqual([problem]);
  });

  it('a problem finding keeps its id when the comment moves', () => {
    const a = applySuppressions([], [nextLine(10, 'stale')]).problems[0];
    const b = applySuppressions([], [nextLine(30, 'stale')]).problems[0];
    expect(a.line).not.toBe(b.line);
    expect(a.id).toBe(b.id);
  });
});
