// Same-file request wrappers in PHP, Python and Ruby: a function or method whose request takes its URL or
// method from its parameters. The evaluators read such a request again at each call of the wrapper
// in the file, with the parameters bound to that call's arguments; this module holds what the
// languages share: the binding, the test for a wrapper, and the wrapper's own finding.
import type { Node } from 'web-tree-sitter';
import type { HttpMethod, Note, TraceStep } from '../../types.ts';
import type { PartialString } from '../partial.ts';
import type { Bindings } from './bindings.ts';
import type { Collector, LanguageFile } from './context.ts';
import type { UrlEvidence } from './evidence.ts';
import { reportAt, step } from './report.ts';
import { isInside, lineOf } from './syntax.ts';

/** A wrapper's parameters bound to one call's arguments. */
export interface ArgumentScope<E> {
  fn: Node;
  /** Argument nodes by parameter name, as the language spells it (`path`, `$path`). */
  args: ReadonlyMap<string, Node>;
  /** The evaluator of the call's own place, for the arguments. */
  caller: E;
}

/**
 * What the PHP, Python and Ruby evaluators share: the same evaluator with the parameters of `fn`
 * bound to a call's arguments, so that inside `fn` a parameter the body does not assign reads its
 * argument, evaluated where the call is.
 */
export abstract class BindsArguments<E> {
  protected arguments: ArgumentScope<E> | null = null;

  withArguments(fn: Node, args: ReadonlyMap<string, Node>): this {
    const bound = Object.create(this) as this;
    bound.arguments = { fn, args, caller: this as unknown as E };
    return bound;
  }
}

/** Inside the wrapper, the argument a parameter stands for, unless the wrapper assigns the parameter itself. */
export function argumentFor<E>(scope: ArgumentScope<E> | null, node: Node, bindings: Bindings): Node | null {
  if (!scope || !isInside(node, scope.fn)) return null;
  const argument = scope.args.get(node.text);
  return argument && !bindings.lookup(node.text, node, false) ? argument : null;
}

export interface LanguageWrapper {
  fn: Node;
  name: string;
  /** Parameter names in order, as the language spells them. */
  params: string[];
  /** Default values by parameter name. */
  defaults: Map<string, Node>;
  /** The calls of it in this file. */
  calls: Node[];
  /** Callable from another file, whose calls are not followed. */
  reachableElsewhere: boolean;
}

/**
 * Each call of a wrapper in the file, the request read again with the call's arguments bound
 * (`readWith` gives null where it is then no legacy call), reported at the call.
 */
export function reportWrapperCalls<R>(file: LanguageFile, wrapper: LanguageWrapper, request: Node, readWith: (site: Node) => R | null, report: (read: R, at: Node, before: TraceStep[]) => void): void {
  for (const site of wrapper.calls) {
    const read = readWith(site);
    if (read) report(read, site, [step(file, 'call', site, `Calls ${wrapper.name}, which sends the request at line ${lineOf(request)}.`)]);
  }
}

/** Whether a request's URL holds one of the parameters as a hole, or its method is a parameter. */
export function decidedByParameters(url: PartialString, methodNode: Node | null, params: readonly string[]): boolean {
  const holes = new Set(url.flatMap((part) => ('hole' in part ? [part.hole] : [])));
  return params.some((p) => holes.has(p)) || (methodNode !== null && params.includes(methodNode.text));
}

/** The parameters bound to a call's positional arguments, in order, then defaults. */
export function bindPositional(wrapper: LanguageWrapper, positional: readonly Node[], named: (param: string) => Node | undefined = () => undefined): Map<string, Node> {
  const args = new Map<string, Node>();
  wrapper.params.forEach((param, k) => {
    const value = positional[k] ?? named(param) ?? wrapper.defaults.get(param);
    if (value) args.set(param, value);
  });
  return args;
}

/**
 * The wrapper's own finding, at its request: what its callers decide, how many calls are reported on
 * their own lines, and, when other files may call it, that those calls are not followed.
 */
export function reportWrapper(
  file: LanguageFile,
  out: Collector,
  at: Node,
  wrapper: LanguageWrapper,
  request: { client: string; clientName: string; evidence: UrlEvidence; method: HttpMethod | null; advice: string },
  language: WrapperLanguage,
): void {
  const { evidence, method } = request;
  const decided = [evidence.endpoint === null ? 'the endpoint' : null, method === null ? 'the method' : null].filter(Boolean).join(' and ');
  const count = wrapper.calls.length;
  const notes: Note[] = evidence.notes.filter((n) => n.kind !== 'dynamic-endpoint' && n.kind !== 'dynamic-method');
  if (wrapper.reachableElsewhere) {
    notes.push({
      kind: 'untraced-requests',
      message: untracedMessage(wrapper.name, language, null),
    });
  }
  const finding = reportAt(file, out, at, {
    rule: 'legacy-request-wrapper',
    client: request.client,
    confidence: evidence.confidence,
    host: evidence.host,
    method,
    endpoint: evidence.endpoint,
    fixable: false,
    message:
      `\`${wrapper.name}\` sends legacy API requests (${request.clientName}, ${evidence.shown}) with basic auth; ${decided} ${decided.includes(' and ') ? 'are' : 'is'} decided by its parameters. ` +
      `${count} call${count === 1 ? '' : 's'} in this file ${count === 1 ? 'is' : 'are'} reported on ${count === 1 ? 'its' : 'their'} own line. ` +
      `Change the wrapper once: ${request.advice}`,
    notes,
    trace: [step(file, 'definition', wrapper.fn, `${wrapper.name} builds the request from its parameters (${wrapper.params.join(', ')}).`)],
  });
  if (wrapper.reachableElsewhere) (out.wrappers ??= []).push({ finding, name: wrapper.name });
}

export type WrapperLanguage = 'PHP' | 'Python' | 'Ruby';

/** What an untraced wrapper's note says: that other files' calls are not followed, naming those files when known. */
export function untracedMessage(name: string, language: WrapperLanguage, files: readonly string[] | null): string {
  const where = files && files.length > 0 ? `other files (${files.slice(0, 5).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''})` : 'other files';
  return `Calls of \`${name}\` from ${where} are not followed in ${language}, so their endpoints are not in the scope list: find them and check their scopes, then suppress this finding with a reason.`;
}
