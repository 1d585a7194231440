// Raw cURL: a handle whose URL is a store's /api/v2 and which sends basic auth (CURLOPT_USERPWD or a
// hand-built `Authorization: Basic` header). Options are gathered per handle variable and scope.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportCredential } from '../credentials.ts';
import { judgeUrl, oauthUrlFor, type UrlEvidence } from '../evidence.ts';
import { reportLegacyCall, step } from '../report.ts';
import { field } from '../syntax.ts';
import { reportWrapper, reportWrapperCalls } from '../wrappers.ts';
import type { PartialString } from '../../partial.ts';
import { arrayEntries, arrayLiteral } from './arrays.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';
import { argumentsAt, wrapperAround } from './wrappers.ts';
import type { HttpMethod, TraceStep } from '../../../types.ts';

const CLIENT = 'php-curl';
const FLAG_METHODS: Record<string, HttpMethod> = { CURLOPT_POST: 'POST', CURLOPT_PUT: 'PUT', CURLOPT_NOBODY: 'HEAD', CURLOPT_HTTPGET: 'GET' };

interface Handle {
  urlNode: Node | null;
  url: PartialString | null;
  /** CURLOPT_CUSTOMREQUEST: wins over the flags; null when not known statically. */
  customMethod: HttpMethod | null | undefined;
  flagMethod: HttpMethod | undefined;
  methodNode: Node | null;
  auth: Node | null;
  authKind: 'userpwd' | 'header' | null;
  /** A literal credential in the auth option, reported only once the handle is known to be legacy. */
  credential: { node: Node; value: string; what: string } | null;
}

export function reportCurlCalls(file: LanguageFile, out: Collector, evaluator: PhpEvaluator): void {
  for (const [key, handle] of collectHandles(file.root, evaluator)) {
    const read = readHandle(handle, file);
    if (!read) continue;
    if (handle.credential) reportCredential(file, out, { ...handle.credential, client: CLIENT, host: read.evidence.host });
    const wrapper = read.evidence.endpoint === null || read.method === null ? wrapperAround(read.urlNode, read.url, handle.methodNode, evaluator) : null;
    if (!wrapper) {
      reportHandle(file, out, read, read.urlNode, []);
      continue;
    }
    reportWrapper(file, out, read.urlNode, wrapper, { client: CLIENT, clientName: 'cURL', evidence: read.evidence, method: read.method, advice: advice(read, file) }, 'PHP');
    // The wrapper's handle read again, its parameters bound to each call's arguments.
    const readAt = (site: Node) => {
      const again = collectHandles(wrapper.fn, evaluator.withArguments(wrapper.fn, argumentsAt(wrapper, site))).get(key);
      return again ? readHandle(again, file) : null;
    };
    reportWrapperCalls(file, wrapper, read.urlNode, readAt, (bound, at, before) => reportHandle(file, out, bound, at, before));
  }
}

/** The cURL handles set up under `root`, by scope and variable, with the options given to them. */
function collectHandles(root: Node, evaluator: PhpEvaluator): Map<string, Handle> {
  const handles = new Map<string, Handle>();
  const handleFor = (expr: Node): Handle => {
    const key = `${evaluator.variables.scopeOf(expr).id}:${expr.text}`;
    let handle = handles.get(key);
    if (!handle) handles.set(key, (handle = { urlNode: null, url: null, customMethod: undefined, flagMethod: undefined, methodNode: null, auth: null, authKind: null, credential: null }));
    return handle;
  };
  for (const call of root.descendantsOfType('function_call_expression')) {
    if (!call) continue;
    const fn = field(call, 'function')?.text.toLowerCase();
    const args = argumentValues(call);
    if (fn === 'curl_init') {
      const assigned = call.parent?.type === 'assignment_expression' ? field(call.parent, 'left') : null;
      if (assigned && args[0]) {
        const handle = handleFor(assigned);
        handle.urlNode = args[0];
        handle.url = evaluator.evaluate(args[0]);
      }
    } else if (fn === 'curl_setopt' && args.length >= 3) {
      applyOption(handleFor(args[0]), args[1].text, args[2], evaluator);
    } else if (fn === 'curl_setopt_array' && args.length >= 2) {
      const options = arrayLiteral(args[1], evaluator);
      if (!options) continue;
      const handle = handleFor(args[0]);
      for (const entry of arrayEntries(options, evaluator)) if (entry.key) applyOption(handle, entry.key.text, entry.value, evaluator);
    }
  }
  return handles;
}

interface HandleRead {
  handle: Handle;
  urlNode: Node;
  url: PartialString;
  auth: Node;
  evidence: UrlEvidence;
  method: HttpMethod | null;
}

/** A handle that sends basic auth to a legacy URL, with its method; else null. */
function readHandle(handle: Handle, file: LanguageFile): HandleRead | null {
  if (!handle.url || !handle.urlNode || !handle.auth) return null;
  const evidence = judgeUrl(handle.url, file.config);
  if (!evidence.legacy) return null;
  const method = handle.customMethod !== undefined ? handle.customMethod : (handle.flagMethod ?? 'GET');
  return { handle, urlNode: handle.urlNode, url: handle.url, auth: handle.auth, evidence, method };
}

function advice(read: HandleRead, file: LanguageFile): string {
  const removeAuth = read.handle.authKind === 'userpwd' ? 'remove the CURLOPT_USERPWD option' : 'remove the `Authorization: Basic` header';
  return (
    `change the URL to \`${oauthUrlFor(read.evidence, file.config)}\`, ${removeAuth}, and add ` +
    `\`'X-Auth-Token: ' . getenv('${file.config.tokenEnv}')\` and \`'Accept: application/json'\` to CURLOPT_HTTPHEADER.`
  );
}

/** A legacy call, reported at `at`: the handle's URL, or a call of the wrapper that sets it up. */
function reportHandle(file: LanguageFile, out: Collector, read: HandleRead, at: Node, before: TraceStep[]): void {
  const { handle, evidence, method } = read;
  const trace: TraceStep[] = [
    ...before,
    step(file, 'path', read.urlNode, `URL: ${evidence.shown}`),
    step(file, 'auth', read.auth, handle.authKind === 'userpwd' ? 'CURLOPT_USERPWD sends basic auth.' : 'An `Authorization: Basic` header is sent.'),
  ];
  if (handle.methodNode) trace.push(step(file, 'method', handle.methodNode, `Method: ${method ?? 'not known statically'}`));
  reportLegacyCall(file, out, at, { client: CLIENT, clientName: 'cURL', evidence, method, advice: advice(read, file), trace });
}

function applyOption(handle: Handle, option: string, value: Node, evaluator: PhpEvaluator): void {
  switch (option.toUpperCase()) {
    case 'CURLOPT_URL':
      handle.urlNode = value;
      handle.url = evaluator.evaluate(value);
      return;
    case 'CURLOPT_USERPWD': {
      handle.auth = value;
      handle.authKind = 'userpwd';
      const text = evaluator.staticText(value);
      const colon = text?.indexOf(':') ?? -1;
      if (text && colon > 0) handle.credential = { node: value, value: text.slice(colon + 1), what: 'the CURLOPT_USERPWD API key' };
      return;
    }
    case 'CURLOPT_HTTPHEADER': {
      const headers = arrayLiteral(value, evaluator);
      for (const entry of headers ? arrayEntries(headers, evaluator) : []) {
        const parts = evaluator.evaluate(entry.value);
        const first = parts[0];
        const match = first && 'text' in first ? /^\s*authorization\s*:\s*basic\s+/i.exec(first.text) : null;
        if (!match) continue;
        handle.auth = entry.value;
        handle.authKind = 'header';
        const token = parts.length === 1 && 'text' in first ? first.text.slice(match[0].length).trim() : null;
        if (token) handle.credential = { node: entry.value, value: token, what: 'a pre-encoded Basic token' };
      }
      return;
    }
    case 'CURLOPT_CUSTOMREQUEST': {
      const text = evaluator.staticText(value);
      handle.customMethod = text ? (text.toUpperCase() as HttpMethod) : null;
      handle.methodNode = value;
      return;
    }
    case 'CURLOPT_POST':
    case 'CURLOPT_PUT':
    case 'CURLOPT_NOBODY':
    case 'CURLOPT_HTTPGET':
      if (/^(false|0|null)$/i.test(value.text)) return;
      handle.flagMethod = FLAG_METHODS[option.toUpperCase()];
      handle.methodNode ??= value;
      return;
  }
}
