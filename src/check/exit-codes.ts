/**
 * Exit codes of `bc-oauth-migrate check`. Paste-ready for `--help` and the README:
 *
 * ```
 * Exit codes:
 *   0  Nothing legacy: no legacy call, config or credential, and the analysis is complete.
 *   1  Legacy auth found: a legacy call, client, config or hard-coded credential that is not
 *      suppressed and not in the baseline; a suppression comment without a reason or one that
 *      suppresses nothing; or a scope beyond the allowed scopes. Wins over 3.
 *   2  Usage or tool error: bad arguments, bad config, a missing or malformed baseline file, a
 *      file to write (--output, --write-baseline) in a missing folder, or include globs that
 *      match no file the tool reads (nothing would be checked).
 *   3  Analysis incomplete, nothing else wrong: a file failed to parse, or is over the size limit
 *      or binary while naming BigCommerce, an endpoint has no known scope, a call's endpoint cannot be
 *      resolved statically, a legacy base URL sits in config, or a legacy client instance is handed
 *      on (or a PHP, Python or Ruby wrapper may be called from other files) where its
 *      requests are not traced, so the scope report may be short. --allow-incomplete turns
 *      this into 0.
 * ```
 */
export const EXIT_CODES = {
  OK: 0,
  LEGACY_FOUND: 1,
  USAGE_OR_TOOL_ERROR: 2,
  INCOMPLETE: 3,
} as const;

export const { OK, LEGACY_FOUND, USAGE_OR_TOOL_ERROR, INCOMPLETE } = EXIT_CODES;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The same text as the doc block above, for `--help` (`program.addHelpText('after', CHECK_EXIT_CODES_HELP)`). */
export const CHECK_EXIT_CODES_HELP = `Exit codes:
  0  Nothing legacy: no legacy call, config or credential, and the analysis is complete.
  1  Legacy auth found: a legacy call, client, config or hard-coded credential that is not
     suppressed and not in the baseline; a suppression comment without a reason or one that
     suppresses nothing; or a scope beyond the allowed scopes. Wins over 3.
  2  Usage or tool error: bad arguments, bad config, a missing or malformed baseline file, a
     file to write (--output, --write-baseline) in a missing folder, or include globs that
     match no file the tool reads (nothing would be checked).
  3  Analysis incomplete, nothing else wrong: a file failed to parse, or is over the size limit
     or binary while naming BigCommerce, an endpoint has no known scope, a call's endpoint cannot be
     resolved statically, a legacy base URL sits in config, or a legacy client instance is handed
     on (or a PHP, Python or Ruby wrapper may be called from other files) where its
     requests are not traced, so the scope report may be short. --allow-incomplete turns
     this into 0.`;
