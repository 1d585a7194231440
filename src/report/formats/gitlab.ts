// GitLab Code Quality: a JSON array of issues.
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../../types.ts';
import type { Reporter } from '../reporter.ts';
import { ruleMeta } from '../rules.ts';
import { findingHeadline, sortedFindings } from '../shared.ts';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

function severity(f: Finding): CodeQualitySeverity {
  if (f.rule === 'hardcoded-credential') return 'critical';
  return ruleMeta(f.rule).defaultSeverity === 'error' ? 'major' : 'minor';
}

function issue(report: Report, f: Finding) {
  return {
    description: findingHeadline(report, f),
    check_name: f.rule,
    fingerprint: createHash('md5').update(f.id).digest('hex'),
    severity: severity(f),
    location: { path: f.file, lines: { begin: f.line } },
  };
}

export const reporter: Reporter = {
  name: 'gitlab',
  render: (report) => JSON.stringify(sortedFindings(report).map((f) => issue(report, f)), null, 2) + '\n',
};
