// What every rewrite piece needs to know about the file it works on, computed once per file.
import { isFunction, isStringLiteral, walk, type AstNode } from '../../src/analyze/ast.ts';
import { createEvaluator, type Evaluator } from '../../src/analyze/evaluate.ts';
import { indexFile, type Binding, type FileIndex } from '../../src/analyze/scope.ts';
import type { Config } from '../../src/types.ts';

export interface RewriteSettings {
  config: Config;
  /** Finding ids to apply; null applies every fixable finding. */
  only: ReadonlySet<string> | null;
  /** A store hash to use where the host carries none (jscodeshift `--storeHash`); null: read it from the env. */
  storeHash: string | null;
}

export interface RewriteContext {
  source: string;
  file: string;
  program: AstNode;
  index: FileIndex;
  evaluator: Evaluator;
  settings: RewriteSettings;
  /** The quote most string literals in the file use. */
  quote: "'" | '"';
  /** TypeScript file: env reads get `as string` where a string is required. */
  typescript: boolean;
  parentOf(node: AstNode): AstNode | null;
  /** Set once references are indexed (lib/usage.ts). */
  usage?: { referencesOf(binding: Binding): AstNode[] };
}

export function createRewriteContext(source: string, file: string, program: AstNode, settings: RewriteSettings): RewriteContext {
  const index = indexFile(program, source);
  let single = 0;
  let double = 0;
  walk(program, (node) => {
    if (!isStringLiteral(node) || typeof node.start! !== 'number') return;
    if (source[node.start!] === "'") single++;
    else if (source[node.start!] === '"') double++;
  });
  return {
    source,
    file,
    program,
    index,
    evaluator: createEvaluator(index),
    settings,
    quote: double > single ? '"' : "'",
    typescript: /\.(ts|tsx|mts|cts)$/i.test(file),
    parentOf: (node) => index.parentOf(node),
  };
}

/** `process.env.NAME` (or `process.env['NAME']` when NAME is not an identifier). */
export function envRead(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `process.env.${name}` : `process.env[${JSON.stringify(name)}]`;
}

/** The access token expression where a string value is required (headers). */
export function tokenExpression(rc: RewriteContext): string {
  const read = envRead(rc.settings.config.tokenEnv);
  return rc.typescript ? `${read} as string` : read;
}

export function quoted(rc: RewriteContext, text: string): string {
  const q = rc.quote;
  return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** An object key as a person would write it: bare when it is an identifier. */
export function propertyKey(rc: RewriteContext, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quoted(rc, name);
}

export function sourceText(rc: RewriteContext, node: AstNode): string {
  return rc.source.slice(node.start ?? 0, node.end ?? 0);
}

export { within } from '../../src/analyze/ast.ts';

/** The nearest function around a node, or the Program. */
export function enclosingFunction(rc: RewriteContext, node: AstNode): AstNode {
  for (let current = rc.parentOf(node); current; current = rc.parentOf(current)) {
    if (isFunction(current) || current.type === 'Program') return current;
  }
  return rc.program;
}

/** The whole chain a call starts: `superagent.get(url).auth(u, k).set(…)` for `superagent.get(url)`. */
export function chainTop(rc: RewriteContext, call: AstNode): AstNode {
  let current = call;
  for (;;) {
    const member = rc.parentOf(current);
    const next = member ? rc.parentOf(member) : null;
    if (!member || (member.type !== 'MemberExpression' && member.type !== 'OptionalMemberExpression') || member.object !== current) return current;
    if (!next || (next.type !== 'CallExpression' && next.type !== 'OptionalCallExpression') || next.callee !== member) return current;
    current = next;
  }
}
