// Where a rendered report goes: stdout, or a file written atomically.
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { getReporter } from '../report/index.ts';
import { redactReport } from '../redact.ts';
import { wantsColor, type CliIO } from './io.ts';
import type { Report, SecretSet } from '../types.ts';
import { writingUserFile } from './user-file.ts';

export interface OutputFlags {
  format: string;
  output?: string;
  color?: boolean;
}

/** Redacts once, renders, writes; returns the redacted report for anything else the command prints. */
export async function emitReport(report: Report, secrets: SecretSet, flags: OutputFlags, io: CliIO): Promise<Report> {
  const reporter = getReporter(flags.format);
  const safe = redactReport(report, secrets);
  const toFile = Boolean(flags.output);
  const text = reporter.render(safe, {
    color: wantsColor(io, toFile, flags.color),
    width: io.stdout.columns,
  });
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  const output = flags.output;
  if (output) await writingUserFile('--output', output, () => writeFileAtomic(resolve(io.cwd, output), body));
  else io.stdout.write(body);
  return safe;
}
