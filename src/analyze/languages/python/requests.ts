// `requests` and `httpx`: module-level calls, Sessions and Clients, with basic auth given as
// `auth=(u, k)`, `HTTPBasicAuth(u, k)` / `httpx.BasicAuth(u, k)`, or an `Authorization: Basic` header.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { joinUrl, judgeUrl, oauthUrlFor, type UrlEvidence } from '../evidence.ts';
import { reportLegacyCall, step } from '../report.ts';
import { field, namedChildren } from '../syntax.ts';
import type { PartialString } from '../../partial.ts';
import { callArguments, type PythonEvaluator } from './evaluate.ts';
import type { HttpMethod, TraceStep } from '../../../types.ts';
import { reportWrapper, reportWrapperCalls } from '../wrappers.ts';
import { argumentsAt, wrapperAround } from './wrappers.ts';

const MODULES = new Set(['requests', 'httpx']);
const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };
const METHODS: Record<string, true> = Object.fromEntries(Object.values(VERBS).map((m) => [m, true]));
const CLIENT_FACTORIES = /^(requests\.(Session|session)|httpx\.(Client|AsyncClient)|Session|Client|AsyncClient)$/;

interface BasicAuth {
  node: Node;
  credential: { node: Node; value: string; what: string } | null;
}

interface HttpClient {
  module: string;
  base: PartialString | null;
  auth: BasicAuth | null;
  node: Node;
}

/** One request as read: the URL's evidence, the method, the basic auth. */
interface RequestRead {
  module: string;
  client: HttpClient | null;
  urlNode: Node;
  methodNode: Node | null;
  url: PartialString;
  auth: BasicAuth;
  evidence: UrlEvidence;
  method: HttpMethod | null;
}

export function reportRequestsCalls(file: LanguageFile, out: Collector, evaluator: PythonEvaluator): void {
  const clients = collectClients(file, evaluator);
  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const read = readRequest(call, file, clients, evaluator);
    if (!read) continue;
    if (read.auth.credential) reportCredential(file, out, { ...read.auth.credential, client: read.module, host: read.evidence.host });
    const wrapper = read.evidence.endpoint === null || read.method === null ? wrapperAround(call, read.url, read.methodNode, evaluator) : null;
    if (!wrapper) {
      reportRequest(file, out, read, call, []);
      continue;
    }
    reportWrapper(file, out, call, wrapper, { client: read.module, clientName: read.module, evidence: read.evidence, method: read.method, advice: advice(read.evidence, file) }, 'Python');
    reportWrapperCalls(file, wrapper, call, (site) => readRequest(call, file, clients, evaluator.withArguments(wrapper.fn, argumentsAt(wrapper, site))), (again, at, before) => reportRequest(file, out, again, at, before));
  }
}

function readRequest(call: Node, file: LanguageFile, clients: ReadonlyMap<string, HttpClient>, evaluator: PythonEvaluator): RequestRead | null {
  const fn = field(call, 'function');
  if (fn?.type !== 'attribute') return null;
  const receiver = field(fn, 'object')?.text ?? '';
  const verb = field(fn, 'attribute')?.text ?? '';
  const client = clients.get(receiver) ?? null;
  const module = MODULES.has(receiver) ? receiver : client?.module;
  if (!module || !(verb in VERBS || verb === 'request')) return null;

  const { positional, keywords } = callArguments(call);
  const methodNode = verb === 'request' ? (keywords.get('method')?.value ?? positional[0] ?? null) : null;
  const urlNode = keywords.get('url')?.value ?? (verb === 'request' ? positional[1] : positional[0]);
  if (!urlNode) return null;
  const auth = basicAuthFrom(keywords.get('auth')?.value ?? null, keywords.get('headers')?.value ?? null, evaluator) ?? client?.auth ?? null;
  if (!auth) return null;
  const url = joinUrl(client?.base ?? null, evaluator.evaluate(urlNode), 'httpx');
  const evidence = judgeUrl(url, file.config);
  if (!evidence.legacy) return null;
  const methodText = methodNode ? evaluator.staticText(methodNode) : null;
  const method: HttpMethod | null = verb === 'request' ? (methodText && methodText.toUpperCase() in METHODS ? (methodText.toUpperCase() as HttpMethod) : null) : VERBS[verb];
  return { module, client, urlNode, methodNode, url, auth, evidence, method };
}

/** A legacy call, reported at `at`: the request itself, or a call of the wrapper that sends it. */
function reportRequest(file: LanguageFile, out: Collector, read: RequestRead, at: Node, before: TraceStep[]): void {
  const { module, client, evidence } = read;
  const trace: TraceStep[] = [...before, step(file, 'path', read.urlNode, `URL: ${evidence.shown}`), step(file, 'auth', read.auth.node, 'Basic auth with the legacy username and API key.')];
  if (client) trace.splice(before.length, 0, step(file, 'definition', client.node, `The ${module} client the request is made with.`));
  reportLegacyCall(file, out, at, { client: module, clientName: `\`${module}\``, evidence, method: read.method, advice: advice(evidence, file), trace });
}

function advice(evidence: UrlEvidence, file: LanguageFile): string {
  return `request \`${oauthUrlFor(evidence, file.config)}\` instead, drop the basic auth, and send headers={'X-Auth-Token': os.environ['${file.config.tokenEnv}'], 'Accept': 'application/json'}.`;
}

/** Sessions and clients bound to a name, with their base URL and basic auth. */
function collectClients(file: LanguageFile, evaluator: PythonEvaluator): Map<string, HttpClient> {
  const clients = new Map<string, HttpClient>();
  for (const call of file.root.descendantsOfType('call')) {
    const fn = call ? field(call, 'function') : null;
    if (!call || !fn || !CLIENT_FACTORIES.test(fn.text)) continue;
    const name = boundName(call);
    if (!name) continue;
    const { keywords } = callArguments(call);
    const base = keywords.get('base_url')?.value;
    clients.set(name, {
      module: fn.text.startsWith('httpx') || /Client$/.test(fn.text) ? 'httpx' : 'requests',
      base: base ? evaluator.evaluate(base) : null,
      auth: basicAuthFrom(keywords.get('auth')?.value ?? null, keywords.get('headers')?.value ?? null, evaluator),
      node: call,
    });
  }
  // `session.auth = (u, k)` and `session.headers['Authorization'] = 'Basic ...'` / `.headers.update({...})`.
  for (const assignment of file.root.descendantsOfType('assignment')) {
    const left = assignment ? field(assignment, 'left') : null;
    const right = assignment ? field(assignment, 'right') : null;
    if (!left || !right) continue;
    if (left.type === 'attribute' && field(left, 'attribute')?.text === 'auth') {
      const client = clients.get(field(left, 'object')?.text ?? '');
      if (client) client.auth = basicAuthFrom(right, null, evaluator) ?? client.auth;
    } else if (left.type === 'subscript') {
      const target = field(left, 'value');
      const key = field(left, 'subscript');
      if (target?.type !== 'attribute' || field(target, 'attribute')?.text !== 'headers' || !key) continue;
      const client = clients.get(field(target, 'object')?.text ?? '');
      if (client && evaluator.staticText(key)?.toLowerCase() === 'authorization') client.auth = basicHeader(right, evaluator, left.parent ?? left) ?? client.auth;
    }
  }
  for (const call of file.root.descendantsOfType('call')) {
    const fn = call ? field(call, 'function') : null;
    if (!call || fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'update') continue;
    const target = field(fn, 'object');
    if (target?.type !== 'attribute' || field(target, 'attribute')?.text !== 'headers') continue;
    const client = clients.get(field(target, 'object')?.text ?? '');
    const dict = callArguments(call).positional[0];
    if (client && dict) client.auth = basicAuthFrom(null, dict, evaluator) ?? client.auth;
  }
  return clients;
}

function boundName(call: Node): string | null {
  const parent = call.parent;
  if (parent?.type === 'assignment' && field(parent, 'right')?.id === call.id) return field(parent, 'left')?.text ?? null;
  // `with httpx.Client(...) as client:`
  if (parent?.type === 'as_pattern') return field(parent, 'alias')?.text ?? namedChildren(parent)[1]?.text ?? null;
  return null;
}

/** Basic auth from an `auth=` value or a headers dict, or null when neither is basic auth. */
function basicAuthFrom(auth: Node | null, headers: Node | null, evaluator: PythonEvaluator): BasicAuth | null {
  let value = auth;
  if (value?.type === 'identifier') value = evaluator.bindings.lookup(value.text, value, true) ?? value;
  if (value?.type === 'tuple' || value?.type === 'list') {
    const pair = namedChildren(value);
    if (pair.length === 2) return { node: auth ?? value, credential: credentialOf(pair[1], evaluator) };
  }
  if (value?.type === 'call') {
    const name = field(value, 'function')?.text ?? '';
    if (/(^|\.)(HTTPBasicAuth|BasicAuth)$/.test(name)) {
      const args = callArguments(value);
      const key = args.positional[1] ?? args.keywords.get('password')?.value;
      return { node: auth ?? value, credential: key ? credentialOf(key, evaluator) : null };
    }
  }
  let dict = headers;
  if (dict?.type === 'identifier') dict = evaluator.bindings.lookup(dict.text, dict, true) ?? dict;
  if (dict?.type === 'dictionary') {
    for (const pair of namedChildren(dict).filter((p) => p.type === 'pair')) {
      const key = field(pair, 'key');
      const v = field(pair, 'value');
      if (key && v && evaluator.staticText(key)?.toLowerCase() === 'authorization') {
        const found = basicHeader(v, evaluator, pair);
        if (found) return found;
      }
    }
  }
  return null;
}

function basicHeader(value: Node, evaluator: PythonEvaluator, at: Node): BasicAuth | null {
  const parts = evaluator.evaluate(value);
  const first = parts[0];
  const match = first && 'text' in first ? /^\s*basic\s+/i.exec(first.text) : null;
  if (!match) return null;
  const token = parts.length === 1 && 'text' in first ? first.text.slice(match[0].length).trim() : '';
  return { node: at, credential: token ? { node: value, value: token, what: 'a pre-encoded Basic token' } : null };
}

function credentialOf(node: Node, evaluator: PythonEvaluator): BasicAuth['credential'] {
  const value = evaluator.staticText(node);
  return value ? { node, value, what: 'the basic-auth API key' } : null;
}
