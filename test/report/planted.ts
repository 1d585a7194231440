// The check every format must pass: a planted secret, redacted upstream, never reaches the output.
import { expect } from 'vitest';
import { redactReport } from '../../src/redact.ts';
import type { RenderContext, Reporter } from '../../src/report/reporter.ts';
import { PLANTED_BASIC, PLANTED_SECRET, plantedSecrets, reportWithPlantedSecret } from './sample-report.ts';

export function expectPlantedSecretHidden(reporter: Reporter, ctx: RenderContext = { color: false }): void {
  // The unredacted output must show the secret, or this check could not fail.
  expect(reporter.render(reportWithPlantedSecret(), ctx)).toContain(PLANTED_SECRET);
  const out = reporter.render(redactReport(reportWithPlantedSecret(), plantedSecrets()), ctx);
  expect(out).not.toContain(PLANTED_SECRET);
  expect(out).not.toContain(PLANTED_BASIC);
  expect(out).toContain('(redacted)');
}
