/** A rewrite produced a file its own parser rejects: a defect in the rewrite, never written. */
export class LanguageRewriteError extends Error {
  override readonly name = 'LanguageRewriteError';
}
