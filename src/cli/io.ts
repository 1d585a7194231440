// The terminal as the commands see it. Only the CLI layer touches process.*; commands get this.
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Colour when writing to a terminal, unless NO_COLOR is set or the terminal is dumb; FORCE_COLOR wins. */
export function wantsColor(io: CliIO, toFile: boolean, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  if (toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return Boolean(io.stdout.isTTY);
}

/** Progress belongs on an interactive terminal only: not in CI, not when piped. */
export function wantsProgress(io: CliIO): boolean {
  return Boolean(io.stderr.isTTY) && !io.env.CI;
}
