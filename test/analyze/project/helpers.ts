// Scans a fixture under fixtures/deep (or any folder) with the full analyze stage, project pass included.
import { join } from 'node:path';
import { scanProject, type ScanResult } from '../../../src/analyze/index.ts';
import type { Finding } from '../../../src/types.ts';
import { testConfig } from '../helpers.ts';

export const DEEP_FIXTURES = join(import.meta.dirname, '../../../fixtures/deep');

export function scanDeep(nameOrRoot: string): Promise<ScanResult> {
  const root = nameOrRoot.startsWith('/') ? nameOrRoot : join(DEEP_FIXTURES, nameOrRoot);
  return scanProject({ root, paths: [], config: testConfig, useGit: false });
}

/** `file:line rule METHOD endpoint scope host`, one per finding, sorted. */
export function summarize(findings: readonly Finding[], rules: readonly string[] = ['legacy-api-call']): string[] {
  return findings
    .filter((f) => rules.includes(f.rule))
    .map((f) => `${f.file}:${f.line} ${f.rule} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.scope ?? '-'} ${f.host?.name ?? '-'}`)
    .sort();
}

export function findingAt(findings: readonly Finding[], location: string, rule = 'legacy-api-call'): Finding {
  const found = findings.find((f) => `${f.file}:${f.line}` === location && f.rule === rule);
  if (!found) throw new Error(`no ${rule} at ${location}; have ${findings.map((f) => `${f.file}:${f.line} ${f.rule}`).join(', ')}`);
  return found;
}

export function traceLines(finding: Finding): string[] {
  return finding.trace.map((t) => `${t.role} ${t.file}:${t.line}`);
}
