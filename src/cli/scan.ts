import { Option, type Command } from 'commander';
import { OK } from '../check/exit-codes.ts';
import { progressReporter } from './progress.ts';
import { addCommonOptions, includeMatchedNothing, resolveTarget, type CommonFlags } from './target.ts';
import type { CliIO } from './io.ts';
import { checkWritablePath } from './user-file.ts';

export const SCAN_FORMATS = ['text', 'json', 'markdown'] as const;

interface ScanFlags extends CommonFlags {
  format: string;
  output?: string;
  color?: boolean;
}

export function registerScan(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('scan')
    .description('find legacy (basic auth) BigCommerce API usage and print the minimum OAuth scopes')
    .argument('[paths...]', 'files or folders to scan', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...SCAN_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 the scan completed (findings or not), 2 usage or tool error.\nUse `check` to fail a build on findings.',
    );
  addCommonOptions(command).action(async (paths: string[], flags: ScanFlags) => {
    if (flags.output) checkWritablePath('--output', flags.output, io.cwd);
    // Loaded here, not at start-up: the analyzer, the reporters and the config loader are the heavy part.
    const [target, { scanProject }, { emitReport }] = await Promise.all([
      resolveTarget(paths, flags, io),
      import('../analyze/index.ts'),
      import('./output.ts'),
    ]);
    const progress = progressReporter(io);
    const result = await scanProject({ ...target, reuseResult: true, onProgress: progress.onProgress });
    progress.clear();
    const matchedNothing = includeMatchedNothing(target.config, result.report.summary);
    if (matchedNothing) io.stderr.write(`warning: ${matchedNothing}\n`);
    await emitReport(result.report, result.secrets, flags, io);
    setExit(OK);
  });
}
