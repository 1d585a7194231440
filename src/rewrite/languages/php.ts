// PHP: `Bigcommerce::configure([... store_url, username, api_key ...])` → the OAuth settings
// (store_hash, client_id, auth_token); the client needs client_id to choose OAuth.
import { CLIENT_ID_ENV } from '../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Config } from '../../types.ts';
import { PhpEvaluator } from '../../analyze/languages/php/evaluate.ts';
import { findPhpLibraryConfigs } from '../../analyze/languages/php/library-config.ts';
import { PhpNames } from '../../analyze/languages/php/names.ts';
import { field } from '../../analyze/languages/syntax.ts';
import { replaceNode, type TextEdit } from './edits.ts';
import { storeHashSource } from './store-hash.ts';
import type { LanguageRewrite } from './types.ts';

export function rewritePhpConfigs(root: Node, path: string, text: string, config: Config): LanguageRewrite {
  const evaluator = new PhpEvaluator(root);
  const file = { path, text, root, config };
  const edits: TextEdit[] = [];
  const changes: LanguageRewrite['changes'] = [];
  for (const use of findPhpLibraryConfigs(file, new PhpNames(root), evaluator)) {
    if (use.mode !== 'legacy' || use.dualMode || !use.settings) continue;
    const storeUrl = use.entries.get('store_url');
    const username = use.entries.get('username');
    const apiKey = use.entries.get('api_key');
    if (!storeUrl || !username || !apiKey) continue;
    const source = storeHashSource(use.host);
    const hash = source.kind === 'literal' ? `'${source.hash}'` : `getenv('${config.storeHashEnv}')`;
    edits.push(
      replaceNode(storeUrl.element, `'store_hash' => ${hash}`),
      replaceNode(username.element, `'client_id' => getenv('${CLIENT_ID_ENV}')`),
      replaceNode(apiKey.element, `'auth_token' => getenv('${config.tokenEnv}')`),
    );
    const name = field(use.node, 'name');
    if (name && name.text.toLowerCase() === 'configurebasicauth') edits.push(replaceNode(name, 'configureOAuth'));
    changes.push({
      line: use.node.startPosition.row + 1,
      summary: `PHP client configured for OAuth: store_hash ${source.kind === 'literal' ? source.hash : `from ${config.storeHashEnv}`}, auth_token from ${config.tokenEnv}, client_id from ${CLIENT_ID_ENV}.`,
    });
  }
  return { edits, changes };
}
