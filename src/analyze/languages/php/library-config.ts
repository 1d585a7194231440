// The official PHP client's configuration: `Bigcommerce::configure([...])` with store_url / username /
// api_key is basic auth; with client_id it is OAuth (the client dispatches on `isset($settings['client_id'])`,
// bigcommerce-api-php src/Bigcommerce/Api/Client.php). `configureBasicAuth` is always basic auth.
import { CLIENT_ID_ENV } from '../../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile, LibraryConfigUse } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { hostOfUrl } from '../evidence.ts';
import { DUAL_MODE_MESSAGE, markDualMode, reportAt, step } from '../report.ts';
import { field } from '../syntax.ts';
import { arrayEntries, arrayLiteral, entryMap, type ArrayEntry } from './arrays.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';
import { isBigcommerceClientClass, type PhpNames } from './names.ts';
import type { TraceStep } from '../../../types.ts';

export const PHP_CLIENT = 'bigcommerce-api-php';
const CONFIGURE_METHODS = new Set(['configure', 'configurebasicauth', 'configureoauth']);
const PHP_CONDITIONALS = new Set(['if_statement', 'else_if_clause', 'else_clause', 'conditional_expression', 'switch_statement', 'match_expression']);

export interface PhpLibraryConfig extends LibraryConfigUse {
  /** The settings array literal, when the call's argument is (or holds) one. */
  settings: Node | null;
  entries: Map<string, ArrayEntry>;
}

/** Every call that configures the official client, legacy or OAuth. */
export function findPhpLibraryConfigs(file: LanguageFile, names: PhpNames, evaluator: PhpEvaluator): PhpLibraryConfig[] {
  const configs: PhpLibraryConfig[] = [];
  for (const call of file.root.descendantsOfType('scoped_call_expression')) {
    if (!call) continue;
    const scope = field(call, 'scope');
    const method = field(call, 'name')?.text.toLowerCase() ?? '';
    if (!scope || !CONFIGURE_METHODS.has(method) || !isBigcommerceClientClass(names.resolve(scope))) continue;
    const settings = arrayLiteral(argumentValues(call)[0] ?? null, evaluator);
    const entries = settings ? entryMap(arrayEntries(settings, evaluator)) : new Map<string, ArrayEntry>();
    let mode: 'legacy' | 'oauth' | null;
    if (method === 'configurebasicauth') mode = 'legacy';
    else if (method === 'configureoauth' || entries.has('client_id')) mode = 'oauth';
    else if (entries.has('store_url') || entries.has('username') || entries.has('api_key')) mode = 'legacy';
    else mode = null; // settings not known statically: neither form can be claimed
    if (!mode) continue;
    const storeUrlEntry = entries.get('store_url');
    const storeUrl = storeUrlEntry ? evaluator.evaluate(storeUrlEntry.value) : null;
    configs.push({
      library: PHP_CLIENT,
      mode,
      node: call,
      binding: null,
      host: storeUrl ? hostOfUrl(storeUrl, file.config) : null,
      storeUrl,
      dualMode: false,
      settings,
      entries,
    });
  }
  markDualMode(configs, (n) => PHP_CONDITIONALS.has(n.type));
  return configs;
}

export function reportPhpLibraryConfigs(file: LanguageFile, out: Collector, configs: PhpLibraryConfig[], evaluator: PhpEvaluator): void {
  for (const config of configs.filter((c) => c.mode === 'legacy')) {
    const apiKey = config.entries.get('api_key');
    const keyValue = apiKey ? evaluator.staticText(apiKey.value) : null;
    if (apiKey && keyValue !== null) {
      reportCredential(file, out, { node: apiKey.value, value: keyValue, what: 'api_key', client: PHP_CLIENT, host: config.host });
    }
    const trace: TraceStep[] = [step(file, 'call', config.node, 'The official PHP client is configured here.')];
    const storeUrl = config.entries.get('store_url');
    if (storeUrl) trace.push(step(file, 'host', storeUrl.element, 'store_url: the store host the client sends basic-auth requests to.'));
    for (const key of ['username', 'api_key']) {
      const entry = config.entries.get(key);
      if (entry) trace.push(step(file, 'auth', entry.element, `${key}: a legacy API account credential.`));
    }
    const complete = Boolean(storeUrl && config.entries.has('username') && apiKey);
    const finding = reportAt(file, out, config.node, {
      rule: 'legacy-library-config',
      client: PHP_CLIENT,
      confidence: complete ? 'high' : 'medium',
      host: config.host,
      method: null,
      endpoint: null,
      fixable: !config.dualMode && config.settings !== null,
      message: config.dualMode ? `The PHP client's legacy branch. ${DUAL_MODE_MESSAGE}` : phpAdvice(config, file),
      notes: config.dualMode ? [{ kind: 'dual-mode', message: DUAL_MODE_MESSAGE }] : config.settings ? [] : [{ kind: 'not-rewritable', message: 'The settings array is not written in this file; change it where it is built.' }],
      trace,
    });
    config.findingId = finding.id;
  }
}

function phpAdvice(config: PhpLibraryConfig, file: LanguageFile): string {
  const hash = config.host?.storeHash ? `'${config.host.storeHash}'` : `getenv('${file.config.storeHashEnv}')`;
  return (
    'The official PHP client is configured for basic auth (store_url, username, api_key). Configure it for OAuth instead: ' +
    `Bigcommerce::configure(['client_id' => getenv('${CLIENT_ID_ENV}'), 'auth_token' => getenv('${file.config.tokenEnv}'), 'store_hash' => ${hash}]).`
  );
}
