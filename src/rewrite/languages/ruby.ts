// Ruby: the configure block, `Bigcommerce::Config.new(...)` and the 0.x `Bigcommerce::Api.new(...)`
// with basic auth → store_hash, client_id and access_token (and no `auth = 'legacy'`).
import { CLIENT_ID_ENV } from '../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Config } from '../../types.ts';
import { RubyEvaluator } from '../../analyze/languages/ruby/evaluate.ts';
import { findRubyLibraryConfigs, type RubySetting } from '../../analyze/languages/ruby/library-config.ts';
import { field } from '../../analyze/languages/syntax.ts';
import { removeListItem, removeStatement, replaceNode, type TextEdit } from './edits.ts';
import { storeHashSource } from './store-hash.ts';
import type { LanguageRewrite } from './types.ts';

export function rewriteRubyConfigs(root: Node, path: string, text: string, config: Config): LanguageRewrite {
  const file = { path, text, root, config };
  const edits: TextEdit[] = [];
  const changes: LanguageRewrite['changes'] = [];
  for (const use of findRubyLibraryConfigs(file, new RubyEvaluator(root))) {
    if (use.mode !== 'legacy' || use.dualMode || use.authDynamic) continue;
    const url = use.settings.get(use.form === 'api-new' ? 'store_url' : 'url');
    const username = use.settings.get('username');
    const apiKey = use.settings.get('api_key');
    if (!url || !username || !apiKey) continue;
    const source = storeHashSource(use.host);
    const values = {
      store_hash: source.kind === 'literal' ? `'${source.hash}'` : `ENV.fetch('${config.storeHashEnv}')`,
      client_id: `ENV.fetch('${CLIENT_ID_ENV}')`,
      access_token: `ENV.fetch('${config.tokenEnv}')`,
    };
    const replacements: Array<[RubySetting, keyof typeof values]> = [
      [url, 'store_hash'],
      [username, 'client_id'],
      [apiKey, 'access_token'],
    ];
    for (const [setting, name] of replacements) edits.push(rewriteSetting(setting, name, values[name]));
    const auth = use.settings.get('auth');
    if (auth) edits.push(use.form === 'configure-block' ? removeStatement(text, auth.node) : removeListItem(auth.node));
    changes.push({
      line: use.node.startPosition.row + 1,
      summary: `Ruby client configured for OAuth: store_hash ${source.kind === 'literal' ? source.hash : `from ${config.storeHashEnv}`}, access_token from ${config.tokenEnv}, client_id from ${CLIENT_ID_ENV}.`,
    });
  }
  return { edits, changes };
}

/** `c.url = x` → `c.store_hash = y`; `url: x` → `store_hash: y`; `:url => x` → `:store_hash => y`. */
function rewriteSetting(setting: RubySetting, name: string, value: string): TextEdit {
  if (setting.node.type === 'assignment') {
    const receiver = field(field(setting.node, 'left') as Node, 'receiver')?.text ?? 'config';
    return replaceNode(setting.node, `${receiver}.${name} = ${value}`);
  }
  const key = field(setting.node, 'key');
  const keyText = key?.type === 'hash_key_symbol' ? `${name}:` : `:${name} =>`;
  return replaceNode(setting.node, `${keyText} ${value}`);
}
