// The official Python client: `BigcommerceApi(host=..., basic_auth=(user, key))` is basic auth;
// `BigcommerceApi(client_id=..., store_hash=..., access_token=...)` is OAuth. The client takes the
// basic-auth pair when both host and basic_auth are given (bigcommerce-api-python bigcommerce/api.py).
import { CLIENT_ID_ENV } from '../../../config/defaults.ts';
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile, LibraryConfigUse } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { hostOfUrl } from '../evidence.ts';
import { DUAL_MODE_MESSAGE, markDualMode, reportAt, step } from '../report.ts';
import { field, namedChildren } from '../syntax.ts';
import { callArguments, type PythonEvaluator } from './evaluate.ts';
import type { TraceStep } from '../../../types.ts';

export const PYTHON_CLIENT = 'bigcommerce-api-python';
const POSITIONAL = ['host', 'basic_auth', 'client_id', 'store_hash', 'access_token', 'rate_limiting_management'];
const PYTHON_CONDITIONALS = new Set(['if_statement', 'elif_clause', 'else_clause', 'conditional_expression', 'match_statement']);

export interface PythonLibraryConfig extends LibraryConfigUse {
  /** Each argument the call gives, by parameter name: the whole argument and its value. */
  args: Map<string, { arg: Node; value: Node }>;
}

export function isBigcommerceApiCall(call: Node): boolean {
  const fn = field(call, 'function');
  const name = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : fn?.text;
  return name === 'BigcommerceApi';
}

export function findPythonLibraryConfigs(file: LanguageFile, evaluator: PythonEvaluator): PythonLibraryConfig[] {
  const configs: PythonLibraryConfig[] = [];
  for (const call of file.root.descendantsOfType('call')) {
    if (!call || !isBigcommerceApiCall(call)) continue;
    const { positional, keywords } = callArguments(call);
    const args = new Map<string, { arg: Node; value: Node }>();
    positional.forEach((value, i) => POSITIONAL[i] && args.set(POSITIONAL[i], { arg: value, value }));
    for (const [name, { pair, value }] of keywords) args.set(name, { arg: pair, value });
    const given = (name: string) => args.has(name) && args.get(name)?.value.type !== 'none';
    const mode = given('host') && given('basic_auth') ? 'legacy' : given('client_id') && given('store_hash') ? 'oauth' : null;
    if (!mode) continue;
    const host = args.get('host');
    const storeUrl = host ? evaluator.evaluate(host.value) : null;
    const assigned = call.parent?.type === 'assignment' ? field(call.parent, 'left') : null;
    configs.push({
      library: PYTHON_CLIENT,
      mode,
      node: call,
      binding: assigned?.text ?? null,
      host: storeUrl ? hostOfUrl(storeUrl, file.config) : null,
      storeUrl,
      dualMode: false,
      args,
    });
  }
  markDualMode(configs, (n) => PYTHON_CONDITIONALS.has(n.type));
  return configs;
}

export function reportPythonLibraryConfigs(file: LanguageFile, out: Collector, configs: PythonLibraryConfig[], evaluator: PythonEvaluator): void {
  for (const config of configs.filter((c) => c.mode === 'legacy')) {
    const auth = config.args.get('basic_auth');
    const pair = auth && auth.value.type === 'tuple' ? namedChildren(auth.value) : [];
    const key = pair[1] ? evaluator.staticText(pair[1]) : null;
    if (pair[1] && key !== null) reportCredential(file, out, { node: pair[1], value: key, what: 'the basic_auth API key', client: PYTHON_CLIENT, host: config.host });
    const trace: TraceStep[] = [step(file, 'call', config.node, 'The official Python client is created here.')];
    const host = config.args.get('host');
    if (host) trace.push(step(file, 'host', host.arg, 'host: the store host the client sends basic-auth requests to.'));
    if (auth) trace.push(step(file, 'auth', auth.arg, 'basic_auth: the legacy API account username and key.'));
    const hash = config.host?.storeHash ? `'${config.host.storeHash}'` : `os.environ['${file.config.storeHashEnv}']`;
    const finding = reportAt(file, out, config.node, {
      rule: 'legacy-library-config',
      client: PYTHON_CLIENT,
      confidence: 'high',
      host: config.host,
      method: null,
      endpoint: null,
      fixable: !config.dualMode,
      message: config.dualMode
        ? `The Python client's legacy branch. ${DUAL_MODE_MESSAGE}`
        : `The official Python client is created with basic auth (host, basic_auth). Create it for OAuth instead: BigcommerceApi(client_id=os.environ['${CLIENT_ID_ENV}'], store_hash=${hash}, access_token=os.environ['${file.config.tokenEnv}']).`,
      notes: config.dualMode ? [{ kind: 'dual-mode', message: DUAL_MODE_MESSAGE }] : [],
      trace,
    });
    config.findingId = finding.id;
  }
}
