import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaselineError, createBaseline, filterByBaseline, readBaseline, writeBaseline } from '../../src/check/baseline.ts';
import { legacyCall, reportOf } from './helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-baseline-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tool = { name: 'bc-oauth-migrate', version: '9.9.9' };
const now = new Date('2025-01-02T03:04:05.000Z');

describe('writeBaseline and readBaseline', () => {
  it('write a versioned, sorted file with the tool version and date, and read it back', async () => {
    const findings = [
      legacyCall({ file: 'src/z.js', line: 4 }),
      legacyCall({ file: 'src/a.js', line: 90, endpoint: '/v2/products' }),
      legacyCall({ file: 'src/a.js', line: 2, rule: 'hardcoded-credential', endpoint: null, code: "const KEY = 'x'" }),
    ];
    const file = join(dir, 'baseline.json');
    const written = await writeBaseline(findings, file, { tool, now });
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json).toMatchObject({ baselineVersion: 1, tool, createdAt: '2025-01-02T03:04:05.000Z' });
    expect(json.findings.map((e: { file: string; rule: string }) => `${e.file} ${e.rule}`)).toEqual([
      'src/a.js hardcoded-credential',
      'src/a.js legacy-api-call',
      'src/z.js legacy-api-call',
    ]);
    expect(await readBaseline(file)).toEqual(written);
  });

  it('record no message or code text, so nothing secret can reach the file', () => {
    const finding = legacyCall({ line: 1, code: "fetch(url, { auth: 'admin:SECRETKEY123' })" });
    const text = JSON.stringify(createBaseline([{ ...finding, message: 'SECRETKEY123', snippet: 'SECRETKEY123' }], { tool, now }));
    expect(text).not.toContain('SECRETKEY123');
  });

  it('a missing file gives a BaselineError with code "missing"', async () => {
    const error = await readBaseline(join(dir, 'nope.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect(error).toMatchObject({ code: 'missing' });
    expect((error as Error).message).toContain('--write-baseline');
  });

  it('invalid JSON and a wrong shape give a BaselineError with code "malformed"', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(readBaseline(bad)).rejects.toMatchObject({ name: 'BaselineError', code: 'malformed' });
    await writeFile(bad, JSON.stringify({ baselineVersion: 1, tool, createdAt: 'x', findings: [{ fingerprint: 'a' }] }));
    await expect(readBaseline(bad)).rejects.toThrow(/findings\[0\]\.rule/);
  });

  it('does not quote the file when it is not JSON: a .env given by mistake keeps its key', async () => {
    const env = join(dir, '.env');
    await writeFile(env, 'BC_STORE_URL=https://store-abc123.mybigcommerce.com\nBC_API_KEY=zz9PLANTEDkey1234567890abcd\n');
    const error = (await readBaseline(env).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'malformed' });
    expect(error.message).not.toMatch(/BC_|zz9/);
    await writeFile(env, '{\n  "baselineVersion": 1,\n  zz9PLANTEDkey\n}');
    expect(((await readBaseline(env).catch((e: unknown) => e)) as Error).message).toContain('(line 3, column 3)');
  });

  it('a baseline from another format version is refused by name', async () => {
    const other = join(dir, 'v2.json');
    await writeFile(other, JSON.stringify({ baselineVersion: 2, tool, createdAt: 'x', findings: [] }));
    await expect(readBaseline(other)).rejects.toMatchObject({ code: 'unsupported-version' });
  });
});

describe('filterByBaseline', () => {
  it('a finding moved down ten lines still matches', () => {
    const before = legacyCall({ line: 12 });
    const after = legacyCall({ line: 22 });
    const result = filterByBaseline([after], createBaseline([before], { tool, now }));
    expect(result).toEqual({ new: [], known: [after], fixedCount: 0 });
  });

  it('a finding with different code is new', () => {
    const baseline = createBaseline([legacyCall({ line: 12 })], { tool, now });
    const changed = legacyCall({ line: 12, endpoint: '/v2/customers' });
    expect(filterByBaseline([changed], baseline)).toEqual({ new: [changed], known: [], fixedCount: 1 });
  });

  it('matches identical calls as a multiset: two recorded cover two, a third is new', () => {
    // Through the report assembler, as the scan produces them: the repeats get `~2`, `~3` suffixes.
    const recorded = reportOf([legacyCall({ line: 10 }), legacyCall({ line: 20 })]).findings;
    const today = reportOf([legacyCall({ line: 15 }), legacyCall({ line: 25 }), legacyCall({ line: 35 })]).findings;
    expect(today.map((f) => f.id.includes('~'))).toEqual([false, true, true]);
    const result = filterByBaseline(today, createBaseline(recorded, { tool, now }));
    expect(result.known).toEqual(today.slice(0, 2));
    expect(result.new).toEqual(today.slice(2));
  });

  it('counts baseline entries that no finding matches any more as fixed', () => {
    const baseline = createBaseline([legacyCall({ line: 1 }), legacyCall({ line: 2 }), legacyCall({ line: 9, endpoint: '/v2/products' })], {
      tool,
      now,
    });
    expect(filterByBaseline([legacyCall({ line: 1 })], baseline).fixedCount).toBe(2);
  });
});
