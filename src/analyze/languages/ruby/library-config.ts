// The official Ruby client's configuration:
// - `Bigcommerce.configure { |c| c.auth = 'legacy'; c.url = ...; c.username = ...; c.api_key = ... }` (1.x/2.x;
//   without `auth = 'legacy'` the client uses OAuth, lib/bigcommerce/connection.rb)
// - `Bigcommerce::Config.new(auth: 'legacy', url:, username:, api_key:)` (the thread-safe form)
// - `Bigcommerce::Api.new(store_url:, username:, api_key:)` (0.x; with store_hash/access_token it is OAuth).
import { CLIENT_ID_ENV } from '../../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile, LibraryConfigUse } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { hostOfUrl } from '../evidence.ts';
import { DUAL_MODE_MESSAGE, markDualMode, reportAt, step } from '../report.ts';
import { field, namedChildren } from '../syntax.ts';
import { rubyArguments, type RubyEvaluator } from './evaluate.ts';
import type { Note, TraceStep } from '../../../types.ts';

export const RUBY_CLIENT = 'bigcommerce-api-ruby';
export const RUBY_0X_CLIENT = 'bigcommerce-api-ruby-0.x';
const RUBY_CONDITIONALS = new Set(['if', 'elsif', 'else', 'unless', 'case', 'when', 'conditional', 'if_modifier', 'unless_modifier']);

export interface RubySetting {
  /** The statement or pair that sets it (`c.url = ...`, `url: ...`). */
  node: Node;
  /** The name node (`url` in `c.url =`, the key of a pair). */
  name: Node;
  value: Node;
}

export interface RubyLibraryConfig extends LibraryConfigUse {
  form: 'configure-block' | 'config-new' | 'api-new';
  settings: Map<string, RubySetting>;
  /** True when `auth` is set but not to a literal: legacy is assumed because a username and key are given. */
  authDynamic: boolean;
}

export function findRubyLibraryConfigs(file: LanguageFile, evaluator: RubyEvaluator): RubyLibraryConfig[] {
  const configs: RubyLibraryConfig[] = [];
  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const receiver = field(call, 'receiver')?.text.replace(/^::/, '');
    const method = field(call, 'method')?.text;
    let form: RubyLibraryConfig['form'] | null = null;
    let settings = new Map<string, RubySetting>();
    if (receiver === 'Bigcommerce' && method === 'configure') {
      form = 'configure-block';
      settings = blockSettings(call);
    } else if ((receiver === 'Bigcommerce::Config' || receiver === 'Bigcommerce::Api') && method === 'new') {
      form = receiver === 'Bigcommerce::Config' ? 'config-new' : 'api-new';
      for (const [key, { pair, value }] of rubyArguments(call).pairs) {
        const name = field(pair, 'key');
        if (name) settings.set(key, { node: pair, name, value });
      }
    }
    if (!form) continue;

    const auth = settings.get('auth');
    const authText = auth ? evaluator.staticText(auth.value)?.replace(/^:/, '') : undefined;
    const hasBasic = settings.has('username') && settings.has('api_key');
    let mode: 'legacy' | 'oauth' | null = null;
    let authDynamic = false;
    if (form === 'api-new') {
      mode = settings.has('store_hash') || settings.has('access_token') ? 'oauth' : hasBasic || settings.has('store_url') ? 'legacy' : null;
    } else if (authText === 'legacy') {
      mode = 'legacy';
    } else if (auth && authText === null && hasBasic) {
      mode = 'legacy';
      authDynamic = true;
    } else if (settings.has('store_hash') || settings.has('access_token')) {
      mode = 'oauth';
    }
    if (!mode) continue;
    const urlSetting = settings.get(form === 'api-new' ? 'store_url' : 'url');
    const storeUrl = urlSetting ? evaluator.evaluate(urlSetting.value) : null;
    const assigned = call.parent?.type === 'assignment' ? field(call.parent, 'left') : null;
    configs.push({
      library: RUBY_CLIENT,
      mode,
      node: call,
      binding: form === 'api-new' ? (assigned?.text ?? null) : null,
      host: storeUrl ? hostOfUrl(storeUrl, file.config) : null,
      storeUrl,
      dualMode: false,
      form,
      settings,
      authDynamic,
    });
  }
  markDualMode(configs, (n) => RUBY_CONDITIONALS.has(n.type));
  return configs;
}

/** `c.name = value` statements directly in the configure block, keyed by name. */
function blockSettings(call: Node): Map<string, RubySetting> {
  const settings = new Map<string, RubySetting>();
  const block = field(call, 'block');
  const param = block ? namedChildren(field(block, 'parameters') ?? block).find((p) => p.type === 'identifier')?.text : undefined;
  const body = block ? (field(block, 'body') ?? block) : null;
  if (!param || !body) return settings;
  for (const statement of namedChildren(body)) {
    if (statement.type !== 'assignment') continue;
    const left = field(statement, 'left');
    const right = field(statement, 'right');
    const name = left?.type === 'call' ? field(left, 'method') : null;
    if (left && right && name && field(left, 'receiver')?.text === param) settings.set(name.text, { node: statement, name, value: right });
  }
  return settings;
}

export function reportRubyLibraryConfigs(file: LanguageFile, out: Collector, configs: RubyLibraryConfig[], evaluator: RubyEvaluator): void {
  for (const config of configs.filter((c) => c.mode === 'legacy')) {
    const client = config.form === 'api-new' ? RUBY_0X_CLIENT : RUBY_CLIENT;
    const apiKey = config.settings.get('api_key');
    const key = apiKey ? evaluator.staticText(apiKey.value) : null;
    if (apiKey && key !== null) reportCredential(file, out, { node: apiKey.value, value: key, what: 'api_key', client, host: config.host });
    const trace: TraceStep[] = [step(file, 'call', config.node, 'The official Ruby client is configured here.')];
    const url = config.settings.get(config.form === 'api-new' ? 'store_url' : 'url');
    if (url) trace.push(step(file, 'host', url.node, `${url.name.text}: the legacy API path the client sends basic-auth requests to.`));
    for (const name of ['auth', 'username', 'api_key']) {
      const setting = config.settings.get(name);
      if (setting) trace.push(step(file, 'auth', setting.node, name === 'auth' ? 'auth: the client is switched to basic auth.' : `${name}: a legacy API account credential.`));
    }
    const notes: Note[] = [];
    if (config.dualMode) notes.push({ kind: 'dual-mode', message: DUAL_MODE_MESSAGE });
    if (config.authDynamic) notes.push({ kind: 'dual-mode', message: '`auth` is not a literal; with a username and API key set, basic auth is assumed.' });
    const finding = reportAt(file, out, config.node, {
      rule: 'legacy-library-config',
      client,
      confidence: config.authDynamic ? 'medium' : 'high',
      host: config.host,
      method: null,
      endpoint: null,
      fixable: !config.dualMode && !config.authDynamic,
      message: config.dualMode || config.authDynamic ? `The Ruby client's legacy configuration. ${DUAL_MODE_MESSAGE}` : rubyAdvice(config, file),
      notes,
      trace,
    });
    config.findingId = finding.id;
  }
}

function rubyAdvice(config: RubyLibraryConfig, file: LanguageFile): string {
  const hash = config.host?.storeHash ? `'${config.host.storeHash}'` : `ENV.fetch('${file.config.storeHashEnv}')`;
  const token = `ENV.fetch('${file.config.tokenEnv}')`;
  const clientId = `ENV.fetch('${CLIENT_ID_ENV}')`;
  switch (config.form) {
    case 'configure-block':
      return `The official Ruby client is configured for basic auth (auth = 'legacy', url, username, api_key). Configure it for OAuth instead: drop \`auth = 'legacy'\` and set store_hash = ${hash}, client_id = ${clientId}, access_token = ${token}.`;
    case 'config-new':
      return `A Ruby client configuration for basic auth. Use Bigcommerce::Config.new(store_hash: ${hash}, client_id: ${clientId}, access_token: ${token}) instead.`;
    case 'api-new':
      return `The 0.x Ruby client is created with basic auth (store_url, username, api_key). Create it with Bigcommerce::Api.new(store_hash: ${hash}, client_id: ${clientId}, access_token: ${token}) instead.`;
  }
}
