import type { FileKind } from './types.ts';

/**
 * The pre-filter decides which files are parsed at all, so it may let decoys through but must never
 * drop a file that full analysis would flag. Every legacy finding needs one of these in the file:
 *
 * - A legacy call goes to the store's own host under /api/v2, so the file names a store host
 *   (`mybigcommerce`, in the spellings people write hostnames in) or the path `/api/v2` (custom
 *   domains), possibly JSON-escaped as `\/api\/v2` (PHP's json_encode writes that).
 * - Config files (.env, YAML, JSON) and PHP/Python/Ruby may also be flagged on BigCommerce evidence
 *   alone: a `bigcommerce:` section holding a custom-domain store URL beside a username and key, or
 *   the official libraries (`Bigcommerce::configure`, `BigcommerceApi(host=..., basic_auth=...)`,
 *   `Bigcommerce.configure`) whose host may come from elsewhere. Each common casing is listed;
 *   the store-host spellings are covered by them, since each contains one.
 * - A Kubernetes Secret keeps its values base64-encoded (`data:`): a store host there reads as one
 *   of BASE64_STORE_NEEDLES, `mybigcommerce` at each of the three alignments base64 can give it.
 *
 * `Basic ` is deliberately not a needle: every legacy finding also has one of the above, and prose
 * and other services make it common.
 *
 * The suppression directive is a needle for every kind: a suppression left behind after its call
 * was removed must still be read, so that `check` can report it as unused.
 *
 * Limits (for the cross-file pass): a JS file that only *uses* a URL imported from another module or
 * read from process.env has none of these; the pass must find such files from the modules it
 * resolves, not from this filter.
 */
export const SUPPRESSION_NEEDLE = 'bc-oauth-migrate-ignore';

export const LEGACY_URL_NEEDLES = [
  'mybigcommerce', 'MyBigCommerce', 'Mybigcommerce', 'MYBIGCOMMERCE',
  '/api/v2', '\\/api\\/v2',
  SUPPRESSION_NEEDLE,
] as const;

/** `mybigcommerce` inside base64 text, at byte offsets 0, 1 and 2 of a 3-byte group: the characters only it decides. */
export const BASE64_STORE_NEEDLES = ['bXliaWdjb21tZXJjZ', '15YmlnY29tbWVyY2', 'teWJpZ2NvbW1lcmNl'] as const;

export const BIGCOMMERCE_NEEDLES = [
  'bigcommerce', 'BigCommerce', 'Bigcommerce', 'BIGCOMMERCE', 'bigCommerce',
  '/api/v2', '\\/api\\/v2',
  ...BASE64_STORE_NEEDLES,
  SUPPRESSION_NEEDLE,
] as const;

/** The longest needle's length in bytes: a search in chunks overlaps them by one less. */
export const LONGEST_NEEDLE = Math.max(...[...LEGACY_URL_NEEDLES, ...BIGCOMMERCE_NEEDLES].map((needle) => Buffer.byteLength(needle, 'latin1')));

/** Every needle, for running the same pre-filter with ripgrep (`rg -l -F -e ... -e ...`). */
export const ALL_PREFILTER_NEEDLES: readonly string[] = [...new Set([...LEGACY_URL_NEEDLES, ...BIGCOMMERCE_NEEDLES])];

/** The needles that can put a file of this kind into the analysis. */
export function needlesFor(kind: FileKind): readonly string[] {
  return kind === 'js' ? LEGACY_URL_NEEDLES : BIGCOMMERCE_NEEDLES;
}

const NEEDLE_BUFFERS: Record<'js' | 'other', Buffer[]> = {
  js: LEGACY_URL_NEEDLES.map((needle) => Buffer.from(needle, 'latin1')),
  other: BIGCOMMERCE_NEEDLES.map((needle) => Buffer.from(needle, 'latin1')),
};

/** Whether a file's bytes might hold legacy BigCommerce usage (byte search, no decoding). */
export function mightBeLegacy(buffer: Buffer, kind: FileKind): boolean {
  for (const needle of NEEDLE_BUFFERS[kind === 'js' ? 'js' : 'other']) {
    if (buffer.indexOf(needle) !== -1) return true;
  }
  return false;
}

/** Whether the bytes name BigCommerce (or hold another of its needles) at all: the needles of every kind but JS. */
export function mentionsBigCommerce(buffer: Buffer): boolean {
  return mightBeLegacy(buffer, 'json');
}
