import { USAGE_OR_TOOL_ERROR } from '../check/exit-codes.ts';

/** A problem with how the tool was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = USAGE_OR_TOOL_ERROR;
}

/** Errors the library throws on purpose carry a message meant for the user. */
const EXPECTED_ERRORS = new Set(['UsageError', 'ConfigError', 'DiscoverError', 'ReporterError', 'BaselineError', 'DirtyTreeError', 'WriteError', 'CatalogueError']);

export function describeFailure(error: unknown, debug: boolean): string {
  if (error instanceof Error) {
    const expected = EXPECTED_ERRORS.has(error.name) || EXPECTED_ERRORS.has(error.constructor.name);
    if (expected || !debug) {
      const first = error.message.split('\n')[0];
      return expected ? first : `internal error: ${first} (set BC_OAUTH_MIGRATE_DEBUG=1 for details)`;
    }
    return error.stack ?? error.message;
  }
  return String(error);
}
