// Findings and reports for the check tests, built through the real makeFinding and assembleReport.
import { assembleReport } from '../../src/analyze/assemble.ts';
import { makeFinding } from '../../src/analyze/finding.ts';
import type { FileError, Finding, HttpMethod, Report, RuleId } from '../../src/types.ts';

export interface CallSpec {
  file?: string;
  line: number;
  /** Lines the call spans; 1 by default. */
  height?: number;
  rule?: RuleId;
  method?: HttpMethod | null;
  endpoint?: string | null;
  code?: string;
}

export function legacyCall(spec: CallSpec): Finding {
  const file = spec.file ?? 'src/sync.js';
  const method = spec.method === undefined ? 'GET' : spec.method;
  const endpoint = spec.endpoint === undefined ? '/v2/orders' : spec.endpoint;
  return makeFinding({
    rule: spec.rule ?? 'legacy-api-call',
    client: 'fetch',
    location: { file, line: spec.line, column: 3, endLine: spec.line + (spec.height ?? 1) - 1, endColumn: 40 },
    confidence: 'high',
    host: { kind: 'store-hostname', name: 'store-abc123.mybigcommerce.com', storeHash: 'abc123' },
    method,
    endpoint,
    fixable: true,
    message: `${method ?? '?'} ${endpoint ?? '?'} with basic auth`,
    code: spec.code ?? `fetch('https://store-abc123.mybigcommerce.com/api/v2${(endpoint ?? '/x').slice(3)}.json', { headers })`,
  });
}

export function reportOf(findings: Finding[], errors: FileError[] = []): Report {
  return assembleReport({ root: '/repo', filesScanned: 3, findings, errors, skipped: [] });
}
