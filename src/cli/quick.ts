// Answers that need none of the command machinery: `--version` alone prints the version without
// loading commander, the config loader or any command (start-up within 2x a bare `node -e 0`).
import { TOOL_VERSION } from '../version.ts';

/** The exact text commander would print for these arguments, or null when the full CLI must run. */
export function quickAnswer(argv: readonly string[]): string | null {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return `${TOOL_VERSION}\n`;
  return null;
}
