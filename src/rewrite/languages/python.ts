// Python: `BigcommerceApi(host=..., basic_auth=(...))` → `BigcommerceApi(store_hash=..., client_id=...,
// access_token=...)`; the client needs client_id and store_hash to choose OAuth. Adds `import os`.
import { CLIENT_ID_ENV } from '../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Config } from '../../types.ts';
import { PythonEvaluator } from '../../analyze/languages/python/evaluate.ts';
import { findPythonLibraryConfigs } from '../../analyze/languages/python/library-config.ts';
import { field, namedChildren } from '../../analyze/languages/syntax.ts';
import { replaceNode, type TextEdit } from './edits.ts';
import { storeHashSource } from './store-hash.ts';
import type { LanguageRewrite } from './types.ts';

export function rewritePythonConfigs(root: Node, path: string, text: string, config: Config): LanguageRewrite {
  const file = { path, text, root, config };
  const edits: TextEdit[] = [];
  const changes: LanguageRewrite['changes'] = [];
  for (const use of findPythonLibraryConfigs(file, new PythonEvaluator(root))) {
    if (use.mode !== 'legacy' || use.dualMode) continue;
    const host = use.args.get('host');
    const auth = use.args.get('basic_auth');
    if (!host || !auth) continue;
    const source = storeHashSource(use.host);
    const hash = source.kind === 'literal' ? `'${source.hash}'` : `os.environ['${config.storeHashEnv}']`;
    edits.push(
      replaceNode(host.arg, `store_hash=${hash}`),
      replaceNode(auth.arg, `client_id=os.environ['${CLIENT_ID_ENV}'], access_token=os.environ['${config.tokenEnv}']`),
    );
    changes.push({
      line: use.node.startPosition.row + 1,
      summary: `Python client created with OAuth: store_hash ${source.kind === 'literal' ? source.hash : `from ${config.storeHashEnv}`}, access_token from ${config.tokenEnv}, client_id from ${CLIENT_ID_ENV}.`,
    });
  }
  if (edits.length > 0 && !importsOs(root)) edits.push(insertImportOs(root, text));
  return { edits, changes };
}

function importsOs(root: Node): boolean {
  return namedChildren(root).some((s) => s.type === 'import_statement' && namedChildren(s).some((n) => n.text === 'os'));
}

/**
 * `import os` on its own line before the first import (after `from __future__` ones), or after the
 * docstring; its line ends as the file's lines do.
 */
function insertImportOs(root: Node, text: string): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `import os${eol}`;
  const statements = namedChildren(root);
  const imports = statements.filter((s) => s.type === 'import_statement' || s.type === 'import_from_statement');
  const future = imports.filter((s) => s.type === 'future_import_statement' || field(s, 'module_name')?.text === '__future__');
  const first = imports.find((s) => !future.includes(s));
  if (first) return { start: lineStart(text, first.startIndex), end: lineStart(text, first.startIndex), text: line };
  const anchor = future[future.length - 1] ?? (statements[0]?.type === 'expression_statement' && statements[0].namedChildren[0]?.type === 'string' ? statements[0] : null);
  if (anchor) {
    const end = text.indexOf('\n', anchor.endIndex);
    const at = end === -1 ? text.length : end + 1;
    return { start: at, end: at, text: end === -1 ? `${eol}${line}` : line };
  }
  const start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  return { start, end: start, text: line };
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}
