// Faraday: a connection built with a store URL and basic auth (`f.request :authorization, :basic, u, k`,
// `f.request :basic_auth, u, k`, `conn.basic_auth(u, k)`, an `Authorization: Basic` header), and the
// requests made on it (`conn.get('orders')`).
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { joinUrl, judgeUrl, oauthUrlFor, type UrlEvidence } from '../evidence.ts';
import { reportLegacyCall, step } from '../report.ts';
import { field, findAll, namedChildren } from '../syntax.ts';
import { reportWrapper, reportWrapperCalls } from '../wrappers.ts';
import type { PartialString } from '../../partial.ts';
import { keyName, rubyArguments, type RubyEvaluator } from './evaluate.ts';
import { authFromHeaders, authFromPair, basicHeaderValue, type RubyBasicAuth } from './http-auth.ts';
import { argumentsAt, wrapperAround } from './wrappers.ts';
import type { HttpMethod, TraceStep } from '../../../types.ts';

const CLIENT = 'faraday';
const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };

interface Connection {
  node: Node;
  base: PartialString | null;
  auth: RubyBasicAuth | null;
}

export function reportFaradayCalls(file: LanguageFile, out: Collector, evaluator: RubyEvaluator): void {
  const connections = new Map<string, Connection>();
  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const receiver = field(call, 'receiver')?.text.replace(/^::/, '');
    if (!(receiver === 'Faraday' || receiver === 'Faraday::Connection') || field(call, 'method')?.text !== 'new') continue;
    const assigned = call.parent?.type === 'assignment' ? field(call.parent, 'left') : null;
    if (!assigned) continue;
    const { positional, pairs, block } = rubyArguments(call);
    const urlNode = pairs.get('url')?.value ?? positional[0];
    const connection: Connection = {
      node: call,
      base: urlNode && urlNode.type !== 'hash' ? evaluator.evaluate(urlNode) : null,
      auth: authFromHeaders(pairs.get('headers')?.value, evaluator),
    };
    if (block) {
      const param = namedChildren(field(block, 'parameters') ?? block).find((p) => p.type === 'identifier')?.text;
      for (const inner of findAll(block, (n) => n.type === 'call')) {
        if (param && field(inner, 'receiver')?.text === param) connection.auth = authFromSetup(inner, evaluator) ?? connection.auth;
      }
    }
    connections.set(assigned.text, connection);
  }
  if (connections.size === 0) return;

  // Auth added after the connection is built: `conn.basic_auth(u, k)`, `conn.headers['Authorization'] = ...`.
  for (const call of file.root.descendantsOfType('call')) {
    const connection = call ? connections.get(field(call, 'receiver')?.text ?? '') : undefined;
    if (call && connection) connection.auth = authFromSetup(call, evaluator) ?? connection.auth;
  }
  for (const assignment of file.root.descendantsOfType('assignment')) {
    const left = assignment ? field(assignment, 'left') : null;
    const right = assignment ? field(assignment, 'right') : null;
    if (!assignment || !left || !right || left.type !== 'element_reference') continue;
    const target = field(left, 'object');
    const key = namedChildren(left).find((c) => c.id !== target?.id);
    if (target?.type !== 'call' || field(target, 'method')?.text !== 'headers' || !key) continue;
    const connection = connections.get(field(target, 'receiver')?.text ?? '');
    if (connection && keyName(key).toLowerCase() === 'authorization') connection.auth = basicHeaderValue(assignment, right, evaluator) ?? connection.auth;
  }

  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const read = readRequest(call, file, connections, evaluator);
    if (!read) continue;
    if (read.auth.credential) reportCredential(file, out, { ...read.auth.credential, client: CLIENT, host: read.evidence.host });
    const wrapper = read.evidence.endpoint === null || read.method === null ? wrapperAround(call, read.url, read.methodNode, evaluator) : null;
    if (!wrapper) {
      reportRequest(file, out, read, call, []);
      continue;
    }
    reportWrapper(file, out, call, wrapper, { client: CLIENT, clientName: 'Faraday', evidence: read.evidence, method: read.method, advice: advice(read.evidence, file) }, 'Ruby');
    reportWrapperCalls(file, wrapper, call, (site) => readRequest(call, file, connections, evaluator.withArguments(wrapper.fn, argumentsAt(wrapper, site))), (again, at, before) => reportRequest(file, out, again, at, before));
  }
}

interface RequestRead {
  connection: Connection;
  call: Node;
  urlNode: Node | null;
  methodNode: Node | null;
  url: PartialString;
  auth: RubyBasicAuth;
  evidence: UrlEvidence;
  method: HttpMethod | null;
}

/** A request on a connection with basic auth, to a legacy URL; else null. */
function readRequest(call: Node, file: LanguageFile, connections: ReadonlyMap<string, Connection>, evaluator: RubyEvaluator): RequestRead | null {
  const connection = connections.get(field(call, 'receiver')?.text ?? '');
  const verb = field(call, 'method')?.text ?? '';
  if (!connection?.auth || !(verb in VERBS || verb === 'run_request')) return null;
  const { positional } = rubyArguments(call);
  const urlNode = (verb === 'run_request' ? positional[1] : positional[0]) ?? null;
  const url = joinUrl(connection.base, urlNode ? evaluator.evaluate(urlNode) : [], 'faraday');
  const evidence = judgeUrl(url, file.config);
  if (!evidence.legacy) return null;
  const methodNode = verb === 'run_request' ? (positional[0] ?? null) : null;
  const methodText = methodNode ? evaluator.staticText(methodNode)?.replace(/^:/, '').toLowerCase() : null;
  const method: HttpMethod | null = verb === 'run_request' ? (methodText && methodText in VERBS ? VERBS[methodText] : null) : VERBS[verb];
  return { connection, call, urlNode, methodNode, url, auth: connection.auth, evidence, method };
}

function advice(evidence: UrlEvidence, file: LanguageFile): string {
  return (
    `request \`${oauthUrlFor(evidence, file.config)}\` instead (build the connection with url: 'https://api.bigcommerce.com/stores/${evidence.host?.storeHash ?? `{${file.config.storeHashEnv}}`}/v2/'), ` +
    `drop the basic auth, and set headers 'X-Auth-Token' => ENV.fetch('${file.config.tokenEnv}') and 'Accept' => 'application/json'.`
  );
}

/** A legacy call, reported at `at`: the request itself, or a call of the wrapper that sends it. */
function reportRequest(file: LanguageFile, out: Collector, read: RequestRead, at: Node, before: TraceStep[]): void {
  const { evidence, method } = read;
  const trace: TraceStep[] = [
    ...before,
    step(file, 'definition', read.connection.node, 'The Faraday connection the request is made on.'),
    step(file, 'path', read.urlNode ?? read.call, `URL: ${evidence.shown}`),
    step(file, 'auth', read.auth.node, 'Basic auth with the legacy username and API key.'),
  ];
  reportLegacyCall(file, out, at, { client: CLIENT, clientName: 'Faraday', evidence, method, advice: advice(evidence, file), trace });
}

/** `request :authorization, :basic, u, k` / `request :basic_auth, u, k` / `basic_auth(u, k)` / `set_basic_auth(u, k)`. */
function authFromSetup(call: Node, evaluator: RubyEvaluator): RubyBasicAuth | null {
  const method = field(call, 'method')?.text;
  const { positional } = rubyArguments(call);
  const symbols = positional.map((p) => p.text.replace(/^:/, ''));
  if (method === 'request' && symbols[0] === 'authorization' && symbols[1] === 'basic' && positional.length >= 4) return authFromPair(call, positional[3], evaluator);
  if (method === 'request' && symbols[0] === 'basic_auth' && positional.length >= 3) return authFromPair(call, positional[2], evaluator);
  if ((method === 'basic_auth' || method === 'set_basic_auth') && positional.length >= 2) return authFromPair(call, positional[1], evaluator);
  return null;
}
