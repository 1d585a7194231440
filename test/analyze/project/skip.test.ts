// The project pass costs a parse of the involved files and, across modules, ts-morph: it must not run
// when the fast scan finds nothing, and must not load the checker unless a question needs it.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as pass from '../../../src/analyze/project/index.ts';
import { DEEP_FIXTURES, scanDeep } from './helpers.ts';

vi.mock('../../../src/analyze/project/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof pass>();
  return { ...actual, runProjectPass: vi.fn(actual.runProjectPass) };
});

describe('when the project pass runs', () => {
  beforeEach(() => {
    // A block body: a function returned from beforeEach would be run as its teardown.
    vi.mocked(pass.runProjectPass).mockClear();
  });

  it('is skipped when the fast scan finds nothing', async () => {
    const { report } = await scanDeep('negatives');
    expect(report.findings).toEqual([]);
    expect(pass.runProjectPass).not.toHaveBeenCalled();
  });

  it('runs when the fast scan finds something', async () => {
    await scanDeep('axios-instance');
    expect(pass.runProjectPass).toHaveBeenCalledTimes(1);
  });

  it('does not load the TypeScript checker when no involved module imports another', async () => {
    await scanDeep(join(DEEP_FIXTURES, '../example-app'));
    const result = await vi.mocked(pass.runProjectPass).mock.results[0].value;
    expect(result.usedChecker).toBe(false);
  });

  it('does not load the checker when every imported name is a plain export', async () => {
    await scanDeep('axios-instance');
    const result = await vi.mocked(pass.runProjectPass).mock.results[0].value;
    expect(result.usedChecker).toBe(false);
    expect(result.findings.some((f: { file: string }) => f.file === 'src/customers.ts')).toBe(true);
  });

  it('loads the checker when a question needs it (a name re-exported through a barrel)', async () => {
    await scanDeep('imported-constant');
    const result = await vi.mocked(pass.runProjectPass).mock.results[0].value;
    expect(result.usedChecker).toBe(true);
  });
});
