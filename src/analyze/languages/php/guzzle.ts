// Guzzle: `new Client(['base_uri' => ..., 'auth' => [u, k]])` and requests made with it, or requests
// that carry `'auth' => [u, k]` (or an `Authorization: Basic` header) themselves.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { joinUrl, judgeUrl, oauthUrlFor } from '../evidence.ts';
import { reportAt, step } from '../report.ts';
import { field } from '../syntax.ts';
import type { PartialString } from '../../partial.ts';
import { arrayEntries, arrayLiteral, entryMap } from './arrays.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';
import { isGuzzleClientClass, type PhpNames } from './names.ts';
import type { HttpMethod, TraceStep } from '../../../types.ts';

const CLIENT = 'guzzle';
const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };

interface BasicAuth {
  node: Node;
  credential: { node: Node; value: string; what: string } | null;
}

interface GuzzleClient {
  node: Node;
  base: PartialString | null;
  baseNode: Node | null;
  auth: BasicAuth | null;
}

export function reportGuzzleCalls(file: LanguageFile, out: Collector, names: PhpNames, evaluator: PhpEvaluator): void {
  const clients = new Map<string, GuzzleClient>();
  for (const creation of file.root.descendantsOfType('object_creation_expression')) {
    const className = creation?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
    if (!creation || !className || !isGuzzleClientClass(names.resolve(className))) continue;
    const assigned = creation.parent?.type === 'assignment_expression' ? field(creation.parent, 'left') : null;
    if (!assigned) continue;
    const optionsNode = arrayLiteral(argumentValues(creation)[0] ?? null, evaluator);
    const options = optionsNode ? entryMap(arrayEntries(optionsNode, evaluator)) : new Map();
    const baseEntry = options.get('base_uri');
    clients.set(assigned.text, {
      node: creation,
      base: baseEntry ? evaluator.evaluate(baseEntry.value) : null,
      baseNode: baseEntry?.value ?? null,
      auth: optionsNode ? basicAuthIn(optionsNode, evaluator) : null,
    });
  }

  const reportedClients = new Set<GuzzleClient>();
  for (const call of file.root.descendantsOfType('member_call_expression')) {
    if (!call) continue;
    const name = (field(call, 'name')?.text ?? '').toLowerCase().replace(/async$/, '');
    const receiver = field(call, 'object');
    if (!receiver || !(name in VERBS || name === 'request')) continue;
    const client = clients.get(receiver.text) ?? null;
    const args = argumentValues(call);
    const [methodNode, uriNode, optionsArg] = name === 'request' ? args : [null, args[0], args[1]];
    if (!uriNode) continue;
    const optionsNode = arrayLiteral(optionsArg ?? null, evaluator);
    const auth = (optionsNode ? basicAuthIn(optionsNode, evaluator) : null) ?? client?.auth ?? null;
    if (!auth) continue;
    const url = joinUrl(client?.base ?? null, evaluator.evaluate(uriNode), 'rfc3986');
    const evidence = judgeUrl(url, file.config);
    if (!evidence.legacy) continue;

    if (auth.credential) reportCredential(file, out, { ...auth.credential, client: CLIENT, host: evidence.host });
    if (client && client.auth === auth && !reportedClients.has(client)) {
      reportedClients.add(client);
      reportAt(file, out, client.node, {
        rule: 'legacy-client-config',
        client: CLIENT,
        confidence: evidence.confidence,
        host: evidence.host,
        method: null,
        endpoint: null,
        fixable: false,
        message: `A Guzzle client configured with a legacy store URL and basic auth. Set 'base_uri' to \`https://api.bigcommerce.com/stores/${evidence.host?.storeHash ?? `{${file.config.storeHashEnv}}`}/v2/\` and replace 'auth' with 'headers' => ['X-Auth-Token' => getenv('${file.config.tokenEnv}'), 'Accept' => 'application/json'].`,
        trace: [step(file, 'auth', auth.node, "'auth' => [username, api_key] sends basic auth.")],
      });
    }

    const methodText = methodNode ? evaluator.staticText(methodNode) : null;
    const method: HttpMethod | null = name === 'request' ? (methodText ? (methodText.toUpperCase() as HttpMethod) : null) : VERBS[name];
    const trace: TraceStep[] = [step(file, 'path', uriNode, `URI: ${evidence.shown}`), step(file, 'auth', auth.node, "Basic auth: 'auth' => [username, api_key].")];
    if (client?.baseNode) trace.unshift(step(file, 'host', client.baseNode, 'The client\'s base_uri.'));
    reportAt(file, out, call, {
      rule: 'legacy-api-call',
      client: CLIENT,
      confidence: evidence.confidence,
      host: evidence.host,
      method,
      endpoint: evidence.endpoint,
      fixable: false,
      message:
        `Guzzle request to the legacy API (${method ?? 'method unknown'} ${evidence.shown}) with basic auth. ` +
        `Request \`${oauthUrlFor(evidence, file.config)}\` instead and replace 'auth' with ` +
        `'headers' => ['X-Auth-Token' => getenv('${file.config.tokenEnv}'), 'Accept' => 'application/json'].`,
      notes: evidence.notes,
      trace,
    });
  }
}

/** `'auth' => [u, k]` (or `[u, k, 'basic']`), or a `'headers' => ['Authorization' => 'Basic ...']`. */
function basicAuthIn(options: Node, evaluator: PhpEvaluator): BasicAuth | null {
  const entries = entryMap(arrayEntries(options, evaluator));
  const auth = entries.get('auth');
  const pair = auth ? arrayLiteral(auth.value, evaluator) : null;
  if (auth && pair) {
    const values = arrayEntries(pair, evaluator).map((e) => e.value);
    const type = values[2] ? evaluator.staticText(values[2])?.toLowerCase() : 'basic';
    if (values.length >= 2 && type === 'basic') {
      const key = evaluator.staticText(values[1]);
      return { node: auth.element, credential: key ? { node: values[1], value: key, what: "the 'auth' API key" } : null };
    }
  }
  const headers = entries.get('headers');
  const headerArray = headers ? arrayLiteral(headers.value, evaluator) : null;
  for (const header of headerArray ? arrayEntries(headerArray, evaluator) : []) {
    if (header.keyText?.toLowerCase() !== 'authorization') continue;
    const parts = evaluator.evaluate(header.value);
    const first = parts[0];
    const match = first && 'text' in first ? /^\s*basic\s+/i.exec(first.text) : null;
    if (!match) continue;
    const token = parts.length === 1 && 'text' in first ? first.text.slice(match[0].length).trim() : '';
    return { node: header.element, credential: token ? { node: header.value, value: token, what: 'a pre-encoded Basic token' } : null };
  }
  return null;
}
