import { minimalScopes } from '../scopes/resolve.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import type { FileError, Finding, Report, SkippedFile } from '../types.ts';
import { byCodeUnit } from '../order.ts';
import { REQUEST_RULES } from './finding.ts';

export interface ReportParts {
  root: string;
  filesScanned: number;
  findings: Finding[];
  errors: FileError[];
  skipped: SkippedFile[];
}

/** Sorts, gives duplicate fingerprints an occurrence suffix, and derives the scope list and summary. */
export function assembleReport(parts: ReportParts): Report {
  const findings = [...parts.findings].sort(byLocation);
  disambiguateIds(findings);

  const { scopes, unmapped } = minimalScopes(
    findings.filter((f) => REQUEST_RULES.has(f.rule)).map((f) => ({ method: f.method, endpoint: f.endpoint, location: `${f.file}:${f.line}` })),
  );
  const errors = [...parts.errors].sort((a, b) => byCodeUnit(a.file, b.file));
  const gaps = scopeGaps(findings);
  const skipped = [...parts.skipped].sort((a, b) => byCodeUnit(a.file, b.file));

  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: parts.root,
    summary: {
      filesScanned: parts.filesScanned,
      findings: findings.length,
      errors: errors.length,
      complete: errors.length === 0 && unmapped.length === 0 && Object.values(gaps).every((list) => list.length === 0) && !skipped.some((s) => s.mightBeLegacy),
      fixable: findings.filter((f) => f.fixable).length,
      needsHuman: findings.filter((f) => !f.fixable || f.notes.length > 0).length,
      skipped: skipped.length,
    },
    findings,
    scopes,
    unmapped,
    errors,
    skipped,
  };
}

/**
 * The findings that may leave the scope list short: a call whose endpoint is not known statically, a
 * legacy base URL in config (the code that reads it may call any endpoint), and a legacy client
 * instance whose requests are not all traced.
 */
export function scopeGaps(findings: readonly Finding[]): { dynamic: Finding[]; baseUrls: Finding[]; untraced: Finding[] } {
  return {
    dynamic: findings.filter((f) => f.rule === 'legacy-api-call' && f.endpoint === null),
    baseUrls: findings.filter((f) => f.rule === 'legacy-api-url' && f.endpoint === null),
    untraced: findings.filter((f) => f.notes.some((n) => n.kind === 'untraced-requests')),
  };
}

/** Recomputes a report's derived parts after findings were removed (suppressions, baseline). */
export function withFindings(report: Report, findings: Finding[]): Report {
  return assembleReport({
    root: report.root,
    filesScanned: report.summary.filesScanned,
    findings,
    errors: report.errors,
    skipped: report.skipped,
  });
}

function byLocation(a: Finding, b: Finding): number {
  return byCodeUnit(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnit(a.rule, b.rule);
}

function disambiguateIds(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const base = finding.id.split('~')[0];
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    finding.id = count === 1 ? base : `${base}~${count}`;
  }
}
