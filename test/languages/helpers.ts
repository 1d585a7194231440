import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeOtherLanguage } from '../../src/analyze/languages/index.ts';
import type { Config, Finding } from '../../src/types.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/languages');

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { stores: {}, tokenEnv: 'BC_ACCESS_TOKEN', storeHashEnv: 'BC_STORE_HASH', include: [], exclude: [], allowedScopes: null, maxFileSize: 1_000_000, path: null, ...overrides };
}

export function kindOf(file: string): 'php' | 'python' | 'ruby' {
  return file.endsWith('.php') ? 'php' : file.endsWith('.py') ? 'python' : 'ruby';
}

export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

export async function scanFixture(relative: string, config: Config = testConfig()) {
  return analyzeOtherLanguage({ path: relative, text: readFixture(relative), kind: kindOf(relative) }, { config });
}

/** The parts of a finding the tests pin down, in the order the file reads. */
export type Row = [rule: Finding['rule'], line: number, method: string | null, endpoint: string | null, scope: string | null];

export function rows(findings: Finding[]): Row[] {
  return findings
    .map((f): Row => [f.rule, f.line, f.method, f.endpoint, f.scope])
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

/** Every place a finding shows text, for checking that no secret leaks into it. */
export function shownText(findings: Finding[]): string {
  return JSON.stringify(findings.map((f) => ({ message: f.message, snippet: f.snippet, trace: f.trace, notes: f.notes, host: f.host })));
}
