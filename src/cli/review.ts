import type { Command } from 'commander';
import { OK, USAGE_OR_TOOL_ERROR } from '../check/exit-codes.ts';
import { progressReporter } from './progress.ts';
import { addCommonOptions, addRewriteOptions, resolveTarget, withEnvNames, type CommonFlags, type RewriteFlags } from './target.ts';
import { UsageError } from './errors.ts';
import { wantsColor, type CliIO } from './io.ts';

interface ReviewFlags extends CommonFlags, RewriteFlags {
  color?: boolean;
}

/** The conventional exit code of a program the user interrupted (128 + SIGINT). */
const CANCELLED = 130;

export function registerReview(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const command = program
    .command('review')
    .description('walk through each proposed change with its scope cost, accept or skip it, then write the accepted ones')
    .argument('[paths...]', 'files or folders to review', []);
  addRewriteOptions(command)
    .addHelpText(
      'after',
      '\nNeeds an interactive terminal. Keys: y accept, n skip, a/s accept/skip the rest of the file, A accept all,\n' +
        'u undo, j/k or arrows move, ? help, q finish (asks to confirm), Ctrl-C quit writing nothing.\n' +
        '\nExit codes: 0 the session ended (written or nothing to write), 2 usage or tool error (no terminal,\n' +
        'uncommitted changes without --allow-dirty, files that could not be written), 130 cancelled with Ctrl-C.',
    );
  addCommonOptions(command).action(async (paths: string[], flags: ReviewFlags) => {
    if (!io.stdin.isTTY || !io.stdout.isTTY) {
      throw new UsageError('review needs an interactive terminal; use `fix --dry-run` to see the changes, or `check` in CI');
    }
    const target = await resolveTarget(paths, flags, io);
    const config = withEnvNames(target.config, flags);
    // Ink and React are loaded here only: no other command pays for them.
    const [{ runReviewSession }, { runReview }] = await Promise.all([import('../review/session.ts'), import('../review/run.tsx')]);

    const progress = progressReporter(io);
    let result;
    try {
      result = await runReviewSession({
        ...target,
        config,
        allowDirty: flags.allowDirty,
        color: wantsColor(io, false, flags.color),
        stdin: io.stdin as NodeJS.ReadStream,
        stdout: io.stdout as NodeJS.WriteStream,
        onProgress: (p) => progress.onProgress?.(p),
        ui: (options) => {
          progress.clear();
          return runReview(options);
        },
      });
    } finally {
      progress.clear();
    }
    if (result.outcome === 'cancelled') {
      setExit(CANCELLED);
      return;
    }
    setExit(result.written && result.written.refused.length > 0 ? USAGE_OR_TOOL_ERROR : OK);
  });
}
