// The registry of output formats, and the one entry point that redacts before rendering.
import type { Report, SecretSet } from '../types.ts';
import { reporter as github } from './formats/github.ts';
import { reporter as gitlab } from './formats/gitlab.ts';
import { reporter as json } from './formats/json.ts';
import { reporter as junit } from './formats/junit.ts';
import { reporter as markdown } from './formats/markdown.ts';
import { reporter as sarif } from './formats/sarif.ts';
import { reporter as text } from './formats/text.ts';
import { redactReport } from '../redact.ts';
import type { RenderContext, Reporter } from './reporter.ts';

export type { RenderContext, Reporter } from './reporter.ts';
export { redactReport, redactSecret, redactText } from '../redact.ts';
export { githubStepSummary } from './formats/github.ts';
export { ruleList, ruleMeta } from './rules.ts';

export const reporters: Readonly<Record<string, Reporter>> = Object.freeze({
  text,
  json,
  markdown,
  sarif,
  github,
  junit,
  gitlab,
});

export const reporterNames: readonly string[] = Object.keys(reporters);

export class UnknownFormatError extends Error {
  readonly format: string;
  readonly validNames: readonly string[];

  constructor(format: string, validNames: readonly string[]) {
    super(`Unknown format "${format}". Valid formats: ${validNames.join(', ')}.`);
    this.name = 'UnknownFormatError';
    this.format = format;
    this.validNames = validNames;
  }
}

/**
 * The reporter for a format name. `allowed` narrows the choice for a command
 * (`scan` offers text, json and markdown); the error then lists only those.
 */
export function getReporter(name: string, allowed: readonly string[] = reporterNames): Reporter {
  const valid = allowed.filter((n) => Object.hasOwn(reporters, n));
  if (!valid.includes(name)) throw new UnknownFormatError(name, valid);
  return reporters[name];
}

/** Redacts once, then renders: the way every command should produce output. */
export function renderReport(
  report: Report,
  secrets: SecretSet,
  format: string,
  ctx: RenderContext,
): string {
  return getReporter(format).render(redactReport(report, secrets), ctx);
}
