import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CHECK_EXIT_CODES_HELP } from '../check/exit-codes.ts';
import { progressReporter } from './progress.ts';
import { addCommonOptions, includeMatchedNothing, resolveTarget, type CommonFlags } from './target.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import type { Confidence } from '../types.ts';
import { printable } from '../printable.ts';
import { redactText } from '../redact.ts';
import { checkWritablePath, writingUserFile } from './user-file.ts';

export const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab'] as const;

interface CheckFlags extends CommonFlags {
  format: string;
  output?: string;
  color?: boolean;
  baseline?: string;
  writeBaseline?: string;
  allowedScopes?: string;
  allowIncomplete?: boolean;
  minConfidence?: Confidence;
}

export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('check')
    .description('fail the build while legacy auth remains (for CI)')
    .argument('[paths...]', 'files or folders to check', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...CHECK_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--baseline <file>', 'fail only on findings that are not in this baseline')
    .option('--write-baseline <file>', "record today's findings as the baseline, then exit 0")
    .option('--allowed-scopes <scopes>', 'comma-separated scope budget (overrides allowedScopes in the config)')
    .option('--allow-incomplete', 'exit 0 instead of 3 when the only problem is an incomplete analysis')
    .addOption(new Option('--min-confidence <level>', 'fail only on findings of this confidence or higher (the others are counted, not shown)').choices(['low', 'medium', 'high']))
    .addHelpText('after', `\n${CHECK_EXIT_CODES_HELP}\n\nWith --format github and GITHUB_STEP_SUMMARY set, a Markdown summary is appended to it.`);
  addCommonOptions(command).action(async (paths: string[], flags: CheckFlags) => {
    if (flags.baseline && flags.writeBaseline) throw new UsageError('--baseline and --write-baseline cannot be used together');
    // A file the report cannot be written to is found now, not after the scan.
    if (flags.output) checkWritablePath('--output', flags.output, io.cwd);
    if (flags.writeBaseline) checkWritablePath('--write-baseline', flags.writeBaseline, io.cwd);
    const target = await resolveTarget(paths, flags, io);
    const [{ scanProject }, { decideCheck }, baselineModule, { loadCatalogue }, { emitReport }] = await Promise.all([
      import('../analyze/index.ts'),
      import('../check/verdict.ts'),
      import('../check/baseline.ts'),
      import('../scopes/catalogue.ts'),
      import('./output.ts'),
    ]);
    const allowedScopes = flags.allowedScopes !== undefined ? parseScopeList(flags.allowedScopes) : target.config.allowedScopes;
    if (allowedScopes) {
      const known = loadCatalogue().scopes;
      const unknown = allowedScopes.filter((s) => !known.has(s));
      if (unknown.length > 0) throw new UsageError(`unknown scope in the allowed scopes: ${unknown.join(', ')}`);
    }
    const baseline = flags.baseline ? await baselineModule.readBaseline(resolve(io.cwd, flags.baseline)) : undefined;

    const progress = progressReporter(io);
    const result = await scanProject({ ...target, reuseResult: true, onProgress: progress.onProgress });
    progress.clear();
    const matchedNothing = includeMatchedNothing(target.config, result.report.summary);
    if (matchedNothing) throw new UsageError(matchedNothing);

    const outcome = decideCheck({
      report: result.report,
      suppressions: result.suppressions,
      baseline,
      allowedScopes,
      allowIncomplete: Boolean(flags.allowIncomplete),
      minConfidence: flags.minConfidence,
    });

    if (flags.writeBaseline) {
      const file = resolve(io.cwd, flags.writeBaseline);
      await writingUserFile('--write-baseline', flags.writeBaseline, () => baselineModule.writeBaseline(outcome.report.findings, file));
      io.stderr.write(`Baseline of ${outcome.report.findings.length} findings written to ${flags.writeBaseline}\n`);
      setExit(0);
      return;
    }

    const shown = await emitReport(outcome.report, result.secrets, flags, io);
    if (flags.format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
      const { githubStepSummary } = await import('../report/index.ts');
      await appendFile(io.env.GITHUB_STEP_SUMMARY, `${githubStepSummary(shown)}\n`);
    }
    // Reasons go to stderr so that a machine format on stdout stays parseable.
    const reasons = outcome.reasons.map((reason) => printable(redactText(reason, result.secrets)));
    if (flags.format !== 'text' || flags.output) {
      for (const reason of reasons) io.stderr.write(`${reason}\n`);
    } else {
      io.stdout.write(`${reasons.join('\n')}\n`);
    }
    setExit(outcome.exitCode);
  });
}

function parseScopeList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
