// The executable's entry: the only place that reads process.argv and sets the exit code.
// Everything past the quick answers is loaded on demand, so a bare `--version` starts lean.
import { quickAnswer } from './quick.ts';

// A reader that stops early (`fix --dry-run | head`) is not an error: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== null) {
  process.stdout.write(quick);
} else {
  const [{ processIO }, { runCli }] = await Promise.all([import('./io.ts'), import('./program.ts')]);
  process.exitCode = await runCli(argv, processIO());
}
