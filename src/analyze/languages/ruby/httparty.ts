// HTTParty: `HTTParty.get(url, basic_auth: {...})`, and classes that `include HTTParty` with
// `base_uri` and `basic_auth` and call `get`/`post`/... themselves or through `self.class`.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { joinUrl, judgeUrl, oauthUrlFor, type UrlEvidence } from '../evidence.ts';
import { reportLegacyCall, step } from '../report.ts';
import { closest, field, namedChildren } from '../syntax.ts';
import { reportWrapper, reportWrapperCalls } from '../wrappers.ts';
import type { PartialString } from '../../partial.ts';
import { rubyArguments, type RubyEvaluator } from './evaluate.ts';
import { authFromHash, authFromHeaders, authFromPair, basicHeaderValue, type RubyBasicAuth } from './http-auth.ts';
import { argumentsAt, wrapperAround } from './wrappers.ts';
import type { HttpMethod, TraceStep } from '../../../types.ts';

const CLIENT = 'httparty';
const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };

interface PartyClass {
  name: string;
  node: Node;
  base: PartialString | null;
  auth: RubyBasicAuth | null;
}

export function reportHttpartyCalls(file: LanguageFile, out: Collector, evaluator: RubyEvaluator): void {
  const classes = partyClasses(file, evaluator);
  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const read = readRequest(call, file, classes, evaluator);
    if (!read) continue;
    if (read.auth.credential) reportCredential(file, out, { ...read.auth.credential, client: CLIENT, host: read.evidence.host });
    const wrapper = read.evidence.endpoint === null ? wrapperAround(call, read.url, null, evaluator) : null;
    if (!wrapper) {
      reportRequest(file, out, read, call, []);
      continue;
    }
    reportWrapper(file, out, call, wrapper, { client: CLIENT, clientName: 'HTTParty', evidence: read.evidence, method: read.method, advice: advice(read, file) }, 'Ruby');
    reportWrapperCalls(file, wrapper, call, (site) => readRequest(call, file, classes, evaluator.withArguments(wrapper.fn, argumentsAt(wrapper, site))), (again, at, before) => reportRequest(file, out, again, at, before));
  }
}

interface RequestRead {
  party: PartyClass | null;
  urlNode: Node;
  url: PartialString;
  auth: RubyBasicAuth;
  evidence: UrlEvidence;
  method: HttpMethod;
}

/** An HTTParty request that sends basic auth to a legacy URL; else null. */
function readRequest(call: Node, file: LanguageFile, classes: ReadonlyMap<number, PartyClass>, evaluator: RubyEvaluator): RequestRead | null {
  const verb = field(call, 'method')?.text ?? '';
  if (!(verb in VERBS)) return null;
  const receiver = field(call, 'receiver')?.text ?? null;
  const enclosing = closest(call, (n) => n.type === 'class' || n.type === 'module');
  const owner = enclosing ? classes.get(enclosing.id) : undefined;
  let party: PartyClass | null = null;
  if (receiver === 'HTTParty') party = null;
  else if (owner && (receiver === null || receiver === 'self.class' || receiver === 'self' || receiver === owner.name)) party = owner;
  else party = [...classes.values()].find((c) => c.name === receiver) ?? null;
  if (receiver !== 'HTTParty' && !party) return null;

  const { positional, pairs } = rubyArguments(call);
  const urlNode = positional[0];
  if (!urlNode) return null;
  const basic = pairs.get('basic_auth');
  const auth = (basic ? authFromHash(basic.pair, basic.value, evaluator) : null) ?? authFromHeaders(pairs.get('headers')?.value, evaluator) ?? party?.auth ?? null;
  if (!auth) return null;
  const url = joinUrl(party?.base ?? null, evaluator.evaluate(urlNode), 'concat');
  const evidence = judgeUrl(url, file.config);
  if (!evidence.legacy) return null;
  return { party, urlNode, url, auth, evidence, method: VERBS[verb] };
}

function advice(read: RequestRead, file: LanguageFile): string {
  return (
    `request \`${oauthUrlFor(read.evidence, file.config)}\` instead${read.party?.base ? ' (set base_uri to the gateway)' : ''}, drop basic_auth, and send ` +
    `headers: { 'X-Auth-Token' => ENV.fetch('${file.config.tokenEnv}'), 'Accept' => 'application/json' }.`
  );
}

/** A legacy call, reported at `at`: the request itself, or a call of the wrapper that sends it. */
function reportRequest(file: LanguageFile, out: Collector, read: RequestRead, at: Node, before: TraceStep[]): void {
  const { party, evidence, method } = read;
  const trace: TraceStep[] = [...before, step(file, 'path', read.urlNode, `URL: ${evidence.shown}`), step(file, 'auth', read.auth.node, 'Basic auth with the legacy username and API key.')];
  if (party) trace.splice(before.length, 0, step(file, 'definition', party.node, `${party.name} includes HTTParty.`));
  reportLegacyCall(file, out, at, { client: CLIENT, clientName: 'HTTParty', evidence, method, advice: advice(read, file), trace });
}

/** Classes and modules whose body says `include HTTParty`, with their base_uri and basic_auth. */
function partyClasses(file: LanguageFile, evaluator: RubyEvaluator): Map<number, PartyClass> {
  const classes = new Map<number, PartyClass>();
  for (const node of file.root.descendantsOfType(['class', 'module'])) {
    if (!node) continue;
    const body = field(node, 'body') ?? node;
    const statements = namedChildren(body).filter((s) => s.type === 'call' && !field(s, 'receiver'));
    const includes = statements.some((s) => field(s, 'method')?.text === 'include' && rubyArguments(s).positional.some((a) => a.text === 'HTTParty'));
    if (!includes) continue;
    const party: PartyClass = { name: field(node, 'name')?.text ?? '', node, base: null, auth: null };
    for (const statement of statements) {
      const method = field(statement, 'method')?.text;
      const { positional, pairs } = rubyArguments(statement);
      if (method === 'base_uri' && positional[0]) party.base = evaluator.evaluate(positional[0]);
      if (method === 'basic_auth' && positional.length >= 2) party.auth = authFromPair(statement, positional[1], evaluator);
      if (method === 'headers') party.auth = authFromHeaders(positional[0] ?? undefined, evaluator) ?? headersFromPairs(pairs, evaluator) ?? party.auth;
    }
    classes.set(node.id, party);
  }
  return classes;
}

function headersFromPairs(pairs: Map<string, { pair: Node; value: Node }>, evaluator: RubyEvaluator): RubyBasicAuth | null {
  for (const [key, { pair }] of pairs) {
    if (key.toLowerCase() !== 'authorization') continue;
    const value = field(pair, 'value');
    const found = value ? basicHeaderValue(pair, value, evaluator) : null;
    if (found) return found;
  }
  return null;
}
