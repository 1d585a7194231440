// XMLHttpRequest: `xhr.open(method, url, async, user, password)` on a `new XMLHttpRequest()`, with
// `xhr.setRequestHeader('Authorization', 'Basic …')`. Always browser-side: reported, never rewritten.
import { argumentAt, calleeName, isMember, memberPropertyName, unwrap, type AstNode } from '../ast.ts';
import { authOptionEvidence } from '../auth.ts';
import type { Env } from '../evaluate.ts';
import type { Binding } from '../scope.ts';
import { callDetector, type AuthEvidence, type DetectContext, type Detector, type RequestMatch } from './detector.ts';
import { headerAndUrlAuth, isXmlRequest, urlExpression } from './shared.ts';
import { basicAuthFromHeaderSetters, callsOnBinding, isNullish, setsXmlHeader, type ChainedCall } from './client-support.ts';

const CONSTRUCTORS: ReadonlySet<string> = new Set(['XMLHttpRequest', 'window.XMLHttpRequest', 'globalThis.XMLHttpRequest', 'self.XMLHttpRequest']);
const SETTERS: ReadonlySet<string> = new Set(['setRequestHeader']);

export const xhrDetector: Detector = callDetector('xhr', matchXhrOpen);

/** The variable an `xhr.open(...)` call is made on, when it holds a `new XMLHttpRequest()`. */
function xhrBinding(ctx: DetectContext, call: AstNode): Binding | null {
  const callee = unwrap(call.callee);
  if (!callee || !isMember(callee) || memberPropertyName(callee) !== 'open') return null;
  const object = unwrap(callee.object);
  if (object?.type !== 'Identifier') return null;
  const binding = ctx.index.resolve(object);
  if (!binding || binding.path.length > 0 || ctx.index.isReassigned(binding)) return null;
  const init = unwrap(binding.init);
  if (!init || init.type !== 'NewExpression') return null;
  const name = calleeName(init.callee);
  if (!name || !CONSTRUCTORS.has(name)) return null;
  // The constructor must be the browser's, not a local class or an import of the same name.
  const root = unwrap(init.callee);
  const global = root?.type === 'Identifier' ? root : isMember(root) ? unwrap(root!.object) : null;
  return global && ctx.imports.of(global) === 'global' ? binding : null;
}

/** Reads one `xhr.open(...)`, or returns null when `call` is not one on an XMLHttpRequest. */
export function matchXhrOpen(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const binding = xhrBinding(ctx, call);
  if (!binding) return null;
  const ev = ctx.evaluator;
  const methodNode = argumentAt(call, 0);
  const url = urlExpression(ctx, argumentAt(call, 1), env);
  if (!url || !methodNode) return null;

  const later: ChainedCall[] = callsOnBinding(ctx, binding);
  const auth: AuthEvidence[] = [];
  const user = argumentAt(call, 3);
  const password = argumentAt(call, 4);
  if (!isNullish(password)) auth.push(authOptionEvidence(ev, call, isNullish(user) ? null : user, password, env, 'xhr-credentials'));
  auth.push(...basicAuthFromHeaderSetters(ev, later, SETTERS, 'set-request-header', env));
  auth.push(...headerAndUrlAuth(ctx, null, url, env));

  const body = later.find((c) => c.name === 'send');
  return {
    client: 'xhr',
    call,
    url,
    baseUrl: null,
    method: ev.evaluateMethod(methodNode, env),
    methodNode,
    methodSource: 'option',
    auth,
    headers: null,
    options: null,
    config: null,
    browserSide: true,
    xml: setsXmlHeader(ev, later, SETTERS, env) || overridesToXml(ctx, later, env) || isXmlRequest(ev, null, body ? argumentAt(body.call, 0) : null, env),
    env,
  };
}

/** `xhr.overrideMimeType('text/xml')`. */
function overridesToXml(ctx: DetectContext, later: ChainedCall[], env: Env | null): boolean {
  return later.some(({ name, call }) => name === 'overrideMimeType' && /\bxml\b/i.test(ctx.evaluator.evaluate(argumentAt(call, 0), env).map((p) => ('text' in p ? p.text : '')).join('')));
}
