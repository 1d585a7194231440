// Guzzle: `new Client(['base_uri' => ..., 'auth' => [u, k]])` and requests made with it, or requests
// that carry `'auth' => [u, k]` (or an `Authorization: Basic` header) themselves.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { joinUrl, judgeUrl, oauthUrlFor, type UrlEvidence } from '../evidence.ts';
import { reportAt, reportLegacyCall, step } from '../report.ts';
import { field } from '../syntax.ts';
import { reportWrapper, reportWrapperCalls } from '../wrappers.ts';
import type { PartialString } from '../../partial.ts';
import { arrayEntries, arrayLiteral, entryMap } from './arrays.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';
import { isGuzzleClientClass, type PhpNames } from './names.ts';
import { argumentsAt, wrapperAround } from './wrappers.ts';
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
    const read = readRequest(call, file, clients, evaluator);
    if (!read) continue;
    const { client, auth, evidence } = read;
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
    const wrapper = evidence.endpoint === null || read.method === null ? wrapperAround(call, read.url, read.methodNode, evaluator) : null;
    if (!wrapper) {
      reportRequest(file, out, read, call, []);
      continue;
    }
    reportWrapper(file, out, call, wrapper, { client: CLIENT, clientName: 'Guzzle', evidence, method: read.method, advice: advice(evidence, file) }, 'PHP');
    reportWrapperCalls(file, wrapper, call, (site) => readRequest(call, file, clients, evaluator.withArguments(wrapper.fn, argumentsAt(wrapper, site))), (again, at, before) => reportRequest(file, out, again, at, before));
  }
}

interface RequestRead {
  client: GuzzleClient | null;
  uriNode: Node;
  methodNode: Node | null;
  url: PartialString;
  auth: BasicAuth;
  evidence: UrlEvidence;
  method: HttpMethod | null;
}

/** A Guzzle request that sends basic auth to a legacy URL; else null. */
function readRequest(call: Node, file: LanguageFile, clients: ReadonlyMap<string, GuzzleClient>, evaluator: PhpEvaluator): RequestRead | null {
  const name = (field(call, 'name')?.text ?? '').toLowerCase().replace(/async$/, '');
  const receiver = field(call, 'object');
  if (!receiver || !(name in VERBS || name === 'request')) return null;
  const client = clients.get(receiver.text) ?? null;
  const args = argumentValues(call);
  const [methodNode, uriNode, optionsArg] = name === 'request' ? args : [null, args[0], args[1]];
  if (!uriNode) return null;
  const optionsNode = arrayLiteral(optionsArg ?? null, evaluator);
  const auth = (optionsNode ? basicAuthIn(optionsNode, evaluator) : null) ?? client?.auth ?? null;
  if (!auth) return null;
  const url = joinUrl(client?.base ?? null, evaluator.evaluate(uriNode), 'rfc3986');
  const evidence = judgeUrl(url, file.config);
  if (!evidence.legacy) return null;
  const methodText = methodNode ? evaluator.staticText(methodNode) : null;
  const method: HttpMethod | null = name === 'request' ? (methodText && methodText.toLowerCase() in VERBS ? VERBS[methodText.toLowerCase()] : null) : VERBS[name];
  return { client, uriNode, methodNode: methodNode ?? null, url, auth, evidence, method };
}

function advice(evidence: UrlEvidence, file: LanguageFile): string {
  return `request \`${oauthUrlFor(evidence, file.config)}\` instead and replace 'auth' with 'headers' => ['X-Auth-Token' => getenv('${file.config.tokenEnv}'), 'Accept' => 'application/json'].`;
}

/** A legacy call, reported at `at`: the request itself, or a call of the wrapper that sends it. */
function reportRequest(file: LanguageFile, out: Collector, read: RequestRead, at: Node, before: TraceStep[]): void {
  const { client, evidence, method } = read;
  const trace: TraceStep[] = [...before, step(file, 'path', read.uriNode, `URI: ${evidence.shown}`), step(file, 'auth', read.auth.node, "Basic auth: 'auth' => [username, api_key].")];
  if (client?.baseNode) trace.splice(before.length, 0, step(file, 'host', client.baseNode, 'The client\'s base_uri.'));
  reportLegacyCall(file, out, at, { client: CLIENT, clientName: 'Guzzle', evidence, method, advice: advice(evidence, file), trace });
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
