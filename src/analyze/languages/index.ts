// PHP, Python and Ruby files: parsed with tree-sitter, walked by one module per library or client,
// reported with the same finding shape as JavaScript.
import type { Node } from 'web-tree-sitter';
import type { Config, Finding } from '../../types.ts';
import type { Collector, LanguageFile, WrapperReach } from './context.ts';
import { parseSource, type LanguageKind } from './parser.ts';
import { analyzePhp } from './php/index.ts';
import { analyzePython } from './python/index.ts';
import { analyzeRuby } from './ruby/index.ts';
import { reportUnclaimedUrls } from './unclaimed-urls.ts';

export { LanguageParseError } from './errors.ts';

export interface LanguageComment {
  text: string;
  line: number;
  block: boolean;
}

export interface LanguageAnalysis {
  findings: Finding[];
  secrets: string[];
  comments: LanguageComment[];
  /** Wrappers other files may call: the scan looks for those files (wrapper-callers.ts). */
  wrappers: WrapperReach[];
}

const ANALYZERS: Record<LanguageKind, (file: LanguageFile, out: Collector) => void> = {
  php: analyzePhp,
  python: analyzePython,
  ruby: analyzeRuby,
};

export async function analyzeOtherLanguage(
  input: { path: string; text: string; kind: LanguageKind },
  ctx: { config: Config },
): Promise<LanguageAnalysis> {
  const tree = await parseSource(input.kind, input.text);
  try {
    const out: Collector = { findings: [], secrets: [] };
    const file: LanguageFile = { path: input.path, text: input.text, root: tree.rootNode, config: ctx.config };
    ANALYZERS[input.kind](file, out);
    reportUnclaimedUrls(file, out, input.kind);
    return { findings: out.findings, secrets: [...new Set(out.secrets)], comments: commentsOf(tree.rootNode), wrappers: out.wrappers ?? [] };
  } finally {
    tree.delete();
  }
}

/** Comment bodies without their delimiters, as the suppression parser expects them. */
function commentsOf(root: Node): LanguageComment[] {
  const out: LanguageComment[] = [];
  for (const node of root.descendantsOfType('comment')) {
    if (!node) continue;
    const raw = node.text;
    const block = raw.startsWith('/*') || raw.startsWith('=begin');
    const text = block
      ? raw.replace(/^\/\*+|\*+\/$/g, '').replace(/^=begin\b|=end\s*$/g, '')
      : raw.replace(/^(\/\/|#)/, '');
    out.push({ text, line: node.startPosition.row + 1, block });
  }
  return out;
}
