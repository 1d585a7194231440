// `fix` for PHP, Python and Ruby: the official libraries' legacy configuration rewritten to their
// OAuth form by replacing exact node ranges. The result is re-parsed with the same grammar; other
// legacy calls in these languages are reported with the change to make, never rewritten.
import type { Config } from '../../types.ts';
import { parseSource, type LanguageKind } from '../../analyze/languages/parser.ts';
import { LanguageParseError } from '../../analyze/languages/errors.ts';
import { applyEdits } from './edits.ts';
import { LanguageRewriteError } from './errors.ts';
import { rewritePhpConfigs } from './php.ts';
import { rewritePythonConfigs } from './python.ts';
import { rewriteRubyConfigs } from './ruby.ts';
import type { LanguageRewrite } from './types.ts';

export { LanguageRewriteError } from './errors.ts';

const REWRITERS: Record<LanguageKind, (root: Parameters<typeof rewritePhpConfigs>[0], path: string, text: string, config: Config) => LanguageRewrite> = {
  php: rewritePhpConfigs,
  python: rewritePythonConfigs,
  ruby: rewriteRubyConfigs,
};

export interface LanguageRewriteResult {
  after: string;
  changes: Array<{ line: number; summary: string }>;
}

/** The file with every rewritable legacy library configuration moved to OAuth, or null when there is none. */
export async function rewriteLegacyLibraryConfig(
  input: { path: string; text: string; kind: LanguageKind },
  ctx: { config: Config },
): Promise<LanguageRewriteResult | null> {
  const tree = await parseSource(input.kind, input.text);
  let rewrite: LanguageRewrite;
  try {
    rewrite = REWRITERS[input.kind](tree.rootNode, input.path, input.text, ctx.config);
  } finally {
    tree.delete();
  }
  if (rewrite.edits.length === 0) return null;
  const after = applyEdits(input.text, rewrite.edits);
  try {
    (await parseSource(input.kind, after)).delete();
  } catch (error) {
    if (error instanceof LanguageParseError) {
      throw new LanguageRewriteError(`The rewrite of ${input.path} does not parse (line ${error.line}): ${error.message}`);
    }
    throw error;
  }
  return { after, changes: rewrite.changes };
}
