// The tree-sitter grammars, loaded lazily and once per language: the JavaScript-only scan never pays
// for the WebAssembly start-up.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Language, Node, Parser, Tree } from 'web-tree-sitter';
import { LanguageParseError } from './errors.ts';

export type LanguageKind = 'php' | 'python' | 'ruby';

const GRAMMAR_PACKAGE: Record<LanguageKind, string> = {
  php: 'tree-sitter-php',
  python: 'tree-sitter-python',
  ruby: 'tree-sitter-ruby',
};

const LANGUAGE_NAME: Record<LanguageKind, string> = { php: 'PHP', python: 'Python', ruby: 'Ruby' };

let runtime: Promise<typeof import('web-tree-sitter')> | null = null;
const languages = new Map<LanguageKind, Promise<Language>>();

function loadRuntime(): Promise<typeof import('web-tree-sitter')> {
  runtime ??= import('web-tree-sitter').then(async (module) => {
    await module.Parser.init();
    return module;
  });
  return runtime;
}

function loadLanguage(kind: LanguageKind): Promise<Language> {
  let language = languages.get(kind);
  if (!language) {
    language = loadRuntime().then((module) => {
      const require = createRequire(import.meta.url);
      const pkg = GRAMMAR_PACKAGE[kind];
      const wasm = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), `${pkg}.wasm`);
      return module.Language.load(wasm);
    });
    languages.set(kind, language);
  }
  return language;
}

/** A parser for one language. Parsers are cheap; a new one per call keeps concurrent scans apart. */
async function parserFor(kind: LanguageKind): Promise<Parser> {
  const module = await loadRuntime();
  const parser = new module.Parser();
  parser.setLanguage(await loadLanguage(kind));
  return parser;
}

/**
 * How long one file's parse may take. tree-sitter reads a megabyte in well under a second; its error
 * recovery on some hostile lines (30,000 `a: ` in a row in Ruby) grows faster than the line.
 */
const PARSE_BUDGET_MS = 10_000;

/**
 * Parses the text; a tree with an ERROR or MISSING node throws LanguageParseError at the first one,
 * and so does a parse that runs past `budgetMs` (the file is then listed as not analyzed).
 */
export async function parseSource(kind: LanguageKind, text: string, budgetMs = PARSE_BUDGET_MS): Promise<Tree> {
  const parser = await parserFor(kind);
  const deadline = performance.now() + budgetMs;
  // Returning true cancels the parse (web-tree-sitter's ParseOptions.progressCallback).
  const tree = parser.parse(text, null, { progressCallback: () => (performance.now() > deadline) as unknown as void });
  parser.delete();
  if (!tree && performance.now() > deadline) {
    throw new LanguageParseError(`${LANGUAGE_NAME[kind]} parsing took longer than ${budgetMs / 1000} s, so the file was not analyzed`, 1, 1);
  }
  if (!tree) throw new LanguageParseError(`${LANGUAGE_NAME[kind]} parser returned no tree`, 1, 1);
  const bad = firstErrorNode(tree.rootNode);
  if (bad) {
    const what = bad.isMissing ? `missing \`${bad.type}\`` : unexpected(bad.text);
    const { row, column } = bad.startPosition;
    throw new LanguageParseError(`${LANGUAGE_NAME[kind]} syntax error: ${what}`, row + 1, column + 1);
  }
  return tree;
}

/** The first ERROR or MISSING node in document order, or null when the tree is clean. */
export function firstErrorNode(node: Node): Node | null {
  if (!node.hasError) return null;
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (!child) continue;
    const bad = firstErrorNode(child);
    if (bad) return bad;
  }
  return node;
}

/**
 * Names the unexpected text only when it starts with punctuation: a file that fails to parse gives
 * up no credentials to redact, so any word or literal quoted from it could be an unredacted key.
 */
function unexpected(text: string): string {
  const punctuation = /^[^\w\s'"`$@]{1,3}/.exec(text)?.[0];
  return punctuation ? `unexpected \`${punctuation}\`` : 'unexpected code';
}
