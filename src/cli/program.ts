// Builds the command line and runs it. Returns the exit code; never calls process.exit.
import { Command, CommanderError } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { USAGE_OR_TOOL_ERROR } from '../check/exit-codes.ts';
import { describeFailure } from './errors.ts';
import { printableLines } from '../printable.ts';
import { registerCheck } from './check.ts';
import { registerFix } from './fix.ts';
import { registerReview } from './review.ts';
import { registerScan } from './scan.ts';
import type { CliIO } from './io.ts';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command(TOOL_NAME)
    .description('Move BigCommerce integrations off legacy API accounts (basic auth) onto OAuth, with the minimum scopes.')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();

  registerScan(program, io, setExit);
  registerCheck(program, io, setExit);
  registerFix(program, io, setExit);
  registerReview(program, io, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end here with code 0; bad flags with commander's message already printed.
      return error.exitCode === 0 ? 0 : USAGE_OR_TOOL_ERROR;
    }
    io.stderr.write(`${TOOL_NAME}: ${printableLines(describeFailure(error, Boolean(io.env.BC_OAUTH_MIGRATE_DEBUG)))}\n`);
    return USAGE_OR_TOOL_ERROR;
  }
}
