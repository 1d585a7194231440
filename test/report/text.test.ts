import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/report/formats/text.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { emptyReport, sampleReport } from './sample-report.ts';

const ESC = '\u001b[';

describe('text reporter', () => {
  const out = reporter.render(sampleReport(), { color: false });

  it('groups findings under their file, in path order', () => {
    const headers = out.split('\n').filter((l) => /^\S/.test(l) && /\.(ts|js|example)$/.test(l));
    expect(headers).toEqual([
      '.env.example',
      'public/js/cart.js',
      'src/jobs/order-sync.ts',
      'src/jobs/product-updater.ts',
      'src/lib/bc.ts',
    ]);
  });

  it('shows rule, position, call, scope and confidence for a finding', () => {
    expect(out).toContain(
      '  12:21  legacy-api-call  GET /v2/orders  Orders: read-only (store_v2_orders_read_only)  [high confidence]',
    );
  });

  it('says so when the endpoint of a call is unknown', () => {
    expect(out).toContain('5:1  legacy-request-wrapper  endpoint unknown  scope unknown  [medium confidence]');
  });

  it('shows notes and trace steps under the finding', () => {
    expect(out).toContain('note (dynamic-method): The HTTP method comes from the `method` parameter');
    expect(out).toContain('host from src/config.ts:3: STORE_URL constant');
  });

  it('shows a numbered code frame of at most three lines', () => {
    expect(out).toContain('    12 | const res = await fetch(');
    expect(out).toContain('    14 | });');
  });

  it('clips code frame lines to the terminal width', () => {
    const narrow = reporter.render(sampleReport(), { color: false, width: 40 });
    const frameLines = narrow.split('\n').filter((l) => / \d+ \| /.test(l));
    expect(frameLines.length).toBeGreaterThan(0);
    expect(Math.max(...frameLines.map((l) => l.length))).toBe(40);
  });

  it('prints the scope checklist, the incomplete warning and what needs a human', () => {
    expect(out).toContain(
      '  ☐ Orders: read-only  (store_v2_orders_read_only) — GET /v2/orders [src/jobs/order-sync.ts:12]',
    );
    expect(out).toContain('The scope list may be incomplete (1 unmapped endpoint, 1 file that failed to parse)');
    expect(out).toMatch(/Needs a human\n {2}! public\/js\/cart\.js:7 {2}browser-side call: /);
    expect(out).toContain('src/jobs/order-sync.ts:40  unmapped endpoint GET /v2/frobnicators: not in the scope catalogue');
  });

  it('names an oversized file that may hold legacy calls among the reasons the scope list may be incomplete', () => {
    const report = sampleReport();
    report.skipped.push({ file: 'public/bundle.js', reason: 'too-large', message: '3 MiB is over the 1 MiB limit (maxFileSize); it names BigCommerce, so it may hold legacy calls', mightBeLegacy: true });
    expect(reporter.render(report, { color: false })).toContain(
      'The scope list may be incomplete (1 unmapped endpoint, 1 file that failed to parse, 1 file too large or binary that may hold legacy calls)',
    );
  });

  it('lists errors and skipped files, then ends with the summary line', () => {
    expect(out).toContain("✖ src/broken.ts: Unexpected token, expected ',' (3:14)");
    expect(out).toContain('- assets/logo.js (binary): binary content in a .js file');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '7 findings in 5 files (6 fixable, 4 need a human); 42 files scanned; 1 error; 1 skipped; scope list INCOMPLETE',
    );
  });

  it('says nothing was found on a clean report', () => {
    const clean = reporter.render(emptyReport(), { color: false });
    expect(clean).toContain('No legacy API usage found.');
    expect(clean).not.toContain('Needs a human');
  });

  it('writes colour codes only when asked', () => {
    expect(out).not.toContain(ESC);
    expect(reporter.render(sampleReport(), { color: true })).toContain(`${ESC}31mlegacy-api-call${ESC}39m`);
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
