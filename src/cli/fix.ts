import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { OK, USAGE_OR_TOOL_ERROR } from '../check/exit-codes.ts';
import { progressReporter } from './progress.ts';
import { addCommonOptions, addRewriteOptions, includeMatchedNothing, resolveTarget, withEnvNames, type CommonFlags, type RewriteFlags } from './target.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { printableLines } from '../printable.ts';
import { checkWritablePath, writingUserFile } from './user-file.ts';

export const FIX_FORMATS = ['text', 'json'] as const;

interface FixFlags extends CommonFlags, RewriteFlags {
  format: string;
  dryRun?: boolean;
  patch?: string;
}

export function registerFix(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('fix')
    .description('rewrite legacy calls to the OAuth gateway with an X-Auth-Token header')
    .argument('[paths...]', 'files or folders to fix', [])
    .option('--dry-run', 'print the unified diffs (secrets redacted) and write nothing')
    .option('--patch <file>', 'write one patch file instead of changing the files');
  addRewriteOptions(command)
    .addOption(new Option('-f, --format <format>', 'format of the summary').choices([...FIX_FORMATS]).default('text'))
    .addHelpText(
      'after',
      '\nExit codes: 0 the fix completed, 2 usage or tool error (including uncommitted changes without\n--allow-dirty, and files that could not be written: they are listed).',
    );
  addCommonOptions(command).action(async (paths: string[], flags: FixFlags) => {
    if (flags.dryRun && flags.patch) throw new UsageError('--dry-run and --patch cannot be used together');
    if (flags.patch) checkWritablePath('--patch', flags.patch, io.cwd);
    const target = await resolveTarget(paths, flags, io);
    const config = withEnvNames(target.config, flags);
    const [{ scanProject }, rewrite, summaryModule] = await Promise.all([
      import('../analyze/index.ts'),
      import('../rewrite/index.ts'),
      import('../rewrite/summary.ts'),
    ]);

    const progress = progressReporter(io);
    const scan = await scanProject({ ...target, config, onProgress: progress.onProgress });
    progress.clear();
    const matchedNothing = includeMatchedNothing(config, scan.report.summary);
    if (matchedNothing) io.stderr.write(`warning: ${matchedNothing}\n`);
    const plan = await rewrite.planRewrites(scan, config);
    const changed = plan.patches.filter((p) => p.before !== p.after);

    let written: Awaited<ReturnType<typeof rewrite.writePatches>> | undefined;
    let diffs: string[] | undefined;
    let mode: 'write' | 'dry-run' | 'patch' = 'write';
    if (flags.dryRun) {
      mode = 'dry-run';
      diffs = changed.map((p) => rewrite.unifiedDiff(p, scan.secrets));
      if (flags.format === 'text') for (const diff of diffs) io.stdout.write(printableLines(diff));
    } else if (flags.patch) {
      mode = 'patch';
      const patch = flags.patch;
      const { default: writeFileAtomic } = await import('write-file-atomic');
      await writingUserFile('--patch', patch, () => writeFileAtomic(resolve(io.cwd, patch), rewrite.patchFileText(changed, scan.secrets)));
    } else {
      written = await rewrite.writePatches(changed, { root: target.root, allowDirty: flags.allowDirty });
    }

    const summary = summaryModule.buildFixSummary({
      mode,
      report: scan.report,
      plan,
      config,
      secrets: scan.secrets,
      written,
      patchFile: flags.patch,
      diffs: flags.format === 'json' ? diffs : undefined,
    });
    if (flags.format === 'json') io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else io.stdout.write(`${flags.dryRun && changed.length > 0 ? '\n' : ''}${summaryModule.renderFixSummaryText(summary)}`);
    setExit(written && written.refused.length > 0 ? USAGE_OR_TOOL_ERROR : OK);
  });
}
