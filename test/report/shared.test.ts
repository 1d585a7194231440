import { describe, expect, it } from 'vitest';
import {
  codeFrame,
  describeFindingScope,
  formatEndpoint,
  formatLocation,
  needsHumanItems,
  scopeChecklistLines,
} from '../../src/report/shared.ts';
import { emptyReport, finding, sampleReport } from './sample-report.ts';

describe('shared formatting', () => {
  it('formats a location as file:line:column', () => {
    expect(formatLocation({ file: 'src/a.ts', line: 12, column: 5 })).toBe('src/a.ts:12:5');
  });

  it('formats known, method-less and unknown endpoints', () => {
    expect(formatEndpoint('GET', '/v2/orders')).toBe('GET /v2/orders');
    expect(formatEndpoint(null, '/v2/orders')).toBe('(method unknown) /v2/orders');
    expect(formatEndpoint(null, null)).toBe('endpoint unknown');
  });

  it('writes one checklist line per scope with its endpoints and locations', () => {
    const report = sampleReport();
    report.scopes = [report.scopes[1]];
    expect(scopeChecklistLines(report)).toEqual([
      '☐ Orders: read-only  (store_v2_orders_read_only) — GET /v2/orders [src/jobs/order-sync.ts:12]',
    ]);
  });

  it('shortens a long location list', () => {
    const report = sampleReport();
    report.scopes = [{ ...report.scopes[1], endpoints: [{ method: 'GET', endpoint: '/v2/orders', locations: ['a:1', 'b:2', 'c:3', 'd:4', 'e:5'] }] }];
    expect(scopeChecklistLines(report)[0]).toContain('[a:1, b:2, c:3, +2 more]');
  });

  it('says when a finding’s scope is covered by a wider scope in the list', () => {
    const report = sampleReport();
    const custom = report.findings.find((f) => f.id === 'f-custom-domain')!;
    expect(describeFindingScope(report, custom)).toBe(
      'store_v2_products_read_only, covered by Products: modify (store_v2_products)',
    );
  });

  it('lists notes and unmapped endpoints once each as needing a human', () => {
    const items = needsHumanItems(sampleReport());
    expect(items.map((i) => i.title)).toEqual([
      'browser-side call',
      'custom domain without a store hash',
      'HTTP method not known statically',
      'unmapped endpoint GET /v2/frobnicators',
    ]);
  });

  it('lists a finding that fix leaves alone as needing a human, though it has no note', () => {
    const report = { ...emptyReport(), findings: [finding({ rule: 'hardcoded-credential', file: 'config/bc.yml', line: 4, fixable: false, message: 'A legacy API credential is written in `api_key`.' })] };
    expect(needsHumanItems(report)).toEqual([{ where: 'config/bc.yml:4', title: 'to change by hand', message: 'A legacy API credential is written in `api_key`.' }]);
  });

  it('numbers up to three snippet lines from the finding’s line', () => {
    const f = finding({ line: 7, snippet: 'a\r\nb\r\nc\r\nd' });
    expect(codeFrame(f)).toEqual([
      { line: 7, text: 'a' },
      { line: 8, text: 'b' },
      { line: 9, text: 'c' },
    ]);
  });
});
