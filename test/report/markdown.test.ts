import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/report/formats/markdown.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { finding, sampleReport } from './sample-report.ts';

describe('markdown reporter', () => {
  const out = reporter.render(sampleReport(), { color: false });

  it('writes the scope checklist as unchecked task items', () => {
    expect(out).toContain('- [ ] **Orders: read-only** (`store_v2_orders_read_only`) — GET /v2/orders');
    expect(out.match(/^- \[ \] /gm)).toHaveLength(3);
  });

  it('writes one table row per finding, under a header', () => {
    const rows = out.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(7);
    expect(out).toContain('| Location | Rule | Call | Scope | Confidence | Fixable | Message |');
    expect(rows[0]).toContain('| `.env.example:1:1` | `legacy-credentials-config` | — | — |');
  });

  it('keeps a pipe or newline in a message from breaking the table', () => {
    const report = sampleReport();
    report.findings = [finding({ message: 'a | b\nc' })];
    const row = reporter.render(report, { color: false }).split('\n').find((l) => l.startsWith('| `'))!;
    expect(row).toContain('a \\| b c');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(9);
  });

  it('has summary, needs-a-human, errors and skipped sections', () => {
    expect(out).toMatch(/^## BigCommerce legacy API migration\n\n7 findings in 5 files/);
    expect(out).toContain('### Needs a human');
    expect(out).toContain('- `src/lib/bc.ts:5` **HTTP method not known statically**:');
    expect(out).toContain('### Errors');
    expect(out).toContain('### Skipped files');
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
