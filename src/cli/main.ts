// The executable's entry: the only place that reads process.argv and sets the exit code.
import { processIO } from './io.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), processIO());
