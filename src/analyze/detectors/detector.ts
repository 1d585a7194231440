// The shape every HTTP-client detector shares. A detector knows one client: it finds that client's
// requests in a file and says what each one is made of (URL, method, auth, headers), as AST nodes a
// rewrite can act on. It never decides what is legacy: classify.ts does, for every client alike.
import type { HttpMethod } from '../../types.ts';
import { isCall, type AstNode } from '../ast.ts';
import type { Env, Evaluator } from '../evaluate.ts';
import type { ImportMap } from '../imports.ts';
import type { PartialString } from '../partial.ts';
import type { Binding, FileIndex } from '../scope.ts';

export type AuthKind = 'basic-header' | 'auth-option' | 'userinfo' | 'xhr-credentials' | 'set-request-header' | 'superagent-auth';

/** A credential written into the code: never printed, only located and collected for redaction. */
export interface HardcodedSecret {
  /** The raw value. Goes to the secrets list only. */
  value: string;
  /** The literal where it is written (string literal, template element, or the URL literal). */
  node: AstNode;
  what: 'password' | 'token' | 'userinfo' | 'credentials';
  /**
   * The literals the value is joined from, when more than one (`'Basic ' + 'YXh1…' + 'ZXlT…'`): each
   * is redacted too, since no output shows the joined value.
   */
  pieces?: string[];
}

/** Evidence that a request authenticates with basic auth. */
export interface AuthEvidence {
  kind: AuthKind;
  /** What a rewrite removes: the header property, the `auth` option, the `.auth()` call, the URL literal... */
  node: AstNode;
  /** The username / password (API key) expressions, when they are separate. */
  user: AstNode | null;
  password: AstNode | null;
  /** A single `'user:key'` expression, or an encoded token expression, when that is what the code has. */
  combined: AstNode | null;
  /** The same-file function that builds the header, when the value comes from one. */
  helper: AstNode | null;
  hardcoded: HardcodedSecret[];
  /** Read the expressions above with these parameter values (wrappers). */
  env: Env | null;
}

/** An expression that becomes (part of) the request URL, with what is statically known of it. */
export interface UrlExpression {
  node: AstNode;
  value: PartialString;
}

/** A client instance or defaults configured once and used by many calls. */
export interface ClientConfigMatch {
  client: string;
  /** `axios.create({...})`, `got.extend({...})`, or the `axios.defaults.auth = ...` assignment. */
  node: AstNode;
  kind: 'instance' | 'defaults';
  /** The variable or property the instance is stored in (`api`, `this.http`), when it is one. */
  instanceName: string | null;
  binding: Binding | null;
  /** The options object literal, when there is one. */
  options: AstNode | null;
  baseUrl: UrlExpression | null;
  auth: AuthEvidence[];
  headers: AstNode | null;
  /** The instance this one extends (`api.extend(...)`, `instance.create(...)`). */
  parent: ClientConfigMatch | null;
}

export interface RequestMatch {
  /** The detector's name: fetch, axios, got, ... */
  client: string;
  /** The call (or `new`) expression that sends the request. */
  call: AstNode;
  /** The URL expression as written at the call; null when only a base URL gives it. */
  url: UrlExpression | null;
  /** A base URL supplied by client config (axios `baseURL`, got `prefixUrl`). */
  baseUrl: UrlExpression | null;
  /** Upper case, or null when it is not statically known. */
  method: HttpMethod | null;
  /** The expression that gives the method, when it is written; null for client defaults and helper names. */
  methodNode: AstNode | null;
  methodSource: 'default' | 'helper' | 'option';
  auth: AuthEvidence[];
  /** The headers object (or `new Headers(...)`) the call sends, if any. */
  headers: AstNode | null;
  /** The options / config object of the call, if any. */
  options: AstNode | null;
  /** The instance or defaults the call goes through. */
  config: ClientConfigMatch | null;
  browserSide: boolean;
  /** The request asks for or sends XML (Accept, Content-Type, body); a `.xml` suffix is found from the URL. */
  xml: boolean;
  /** Read the nodes above with these parameter values; set when a wrapper call is resolved. */
  env: Env | null;
  /** Sent through a client no detector knows (unknown-client.ts): reported, never rewritten. */
  unknownClient?: true;
}

export interface DetectContext {
  /** Relative to the root, forward slashes. */
  file: string;
  text: string;
  /** The Program node. */
  ast: AstNode;
  index: FileIndex;
  evaluator: Evaluator;
  imports: ImportMap;
  /** Per-file memo shared by detectors (client configs found once, used by every call). */
  cache: Map<string, unknown>;
}

export interface Detector {
  name: string;
  detect(ctx: DetectContext): RequestMatch[];
  /**
   * Reads a request this detector matched again, with parameter values bound (a wrapper's call
   * site): the same matcher, so a resolved call is judged exactly like a written one.
   */
  rematch(ctx: DetectContext, match: RequestMatch, env: Env): RequestMatch | null;
  /** Instances and defaults this client can be configured with; their calls are matched by `detect`. */
  detectConfigs?(ctx: DetectContext): ClientConfigMatch[];
}

/** A memo on the context, so a detector's config pass runs once per file whichever asks first. */
export function memo<T>(ctx: DetectContext, key: string, compute: () => T): T {
  if (ctx.cache.has(key)) return ctx.cache.get(key) as T;
  const value = compute();
  ctx.cache.set(key, value);
  return value;
}

/** The matcher a call-based detector is built on: one call (or a wrapper's call site, with `env`) to a request, or null. */
export type CallMatcher = (ctx: DetectContext, call: AstNode, env: Env | null) => RequestMatch | null;

/**
 * A detector that reads every call in the file with `matchCall`, and reads a matched call again with
 * parameter values bound through the same matcher. `detectConfigs` is set only when the client has configs.
 */
export function callDetector(name: string, matchCall: CallMatcher, detectConfigs?: (ctx: DetectContext) => ClientConfigMatch[]): Detector {
  const detector: Detector = {
    name,
    detect(ctx) {
      const matches: RequestMatch[] = [];
      for (const call of ctx.index.calls) {
        if (!isCall(call)) continue;
        const match = matchCall(ctx, call, null);
        if (match) matches.push(match);
      }
      return matches;
    },
    rematch(ctx, match, env) {
      return matchCall(ctx, match.call, env);
    },
  };
  if (detectConfigs) detector.detectConfigs = detectConfigs;
  return detector;
}
