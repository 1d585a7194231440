// Who uses what: the references of every same-file binding, so a rewrite can tell whether a
// definition it edits (a base URL constant, a headers helper) is used only by the calls it rewrites,
// and which helpers and credential variables are left unused once the basic auth is gone.
import { isFunction, isReferenceIdentifier, isStringLiteral, unwrap, walk, type AstNode } from '../../src/analyze/ast.ts';
import type { Binding } from '../../src/analyze/scope.ts';
import { within, type RewriteContext } from './context.ts';
import { headersTarget, type Op } from './ops.ts';
import type { TextEdit } from './text.ts';

export interface Usage {
  referencesOf(binding: Binding): AstNode[];
}

export function buildUsage(rc: RewriteContext): Usage {
  const refs = new Map<Binding, AstNode[]>();
  walk(rc.program, (node, parent) => {
    if (node.type !== 'Identifier' || !parent || !isReferenceIdentifier(node, parent)) return;
    const binding = rc.index.resolve(node);
    if (!binding || binding.id === node) return;
    const list = refs.get(binding) ?? [];
    list.push(node);
    refs.set(binding, list);
  });
  return { referencesOf: (binding) => refs.get(binding) ?? [] };
}


/**
 * The definition a node sits in, when it is one a rewrite may follow: `const X = …`,
 * `function f() {…}`, or a class field (`base = '…'`, read as `this.base`).
 */
export function enclosingDefinition(rc: RewriteContext, node: AstNode): { references: () => AstNode[]; declaration: AstNode } | null {
  let child = node;
  let current = rc.parentOf(node);
  while (current) {
    if (current.type === 'VariableDeclarator' && current.init === child && current.id?.type === 'Identifier') {
      const binding = rc.index.resolve(current.id);
      return binding ? { references: () => rc.usage!.referencesOf(binding), declaration: current } : null;
    }
    if (current.type === 'FunctionDeclaration' && current.id) {
      const binding = rc.index.resolve(current.id);
      return binding ? { references: () => rc.usage!.referencesOf(binding), declaration: current } : null;
    }
    if ((current.type === 'ClassProperty' || current.type === 'PropertyDefinition') && current.value === child && !current.static && !current.computed) {
      const body = rc.parentOf(current);
      const key = current.key?.name ?? null;
      if (!body || body.type !== 'ClassBody' || !key) return null;
      return { references: () => thisReads(body, key), declaration: current };
    }
    if (current.type === 'Program' || current.type === 'ClassBody') return null;
    child = current;
    current = rc.parentOf(current);
  }
  return null;
}

/** Every `this.<key>` in a class body. */
function thisReads(body: AstNode, key: string): AstNode[] {
  const out: AstNode[] = [];
  walk(body, (node) => {
    if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && node.object?.type === 'ThisExpression' && !node.computed && node.property?.name === key) out.push(node);
  });
  return out;
}

export function isExported(rc: RewriteContext, declaration: AstNode): boolean {
  for (let node: AstNode | null = declaration; node; node = rc.parentOf(node)) {
    if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') return true;
    // A class field is read through `this`; who else reads it is beyond one file anyway. The
    // declaration itself may be a function (`export function a() {}`): its own parent decides.
    if (node !== declaration && (node.type === 'Program' || isFunction(node) || node.type === 'BlockStatement' || node.type === 'ClassBody')) return false;
  }
  return false;
}

/**
 * True when changing `node` changes only what the covered nodes (the calls being rewritten) see:
 * it lies inside one of them, or in a definition every use of which is covered in turn.
 */
export function isCovered(rc: RewriteContext, node: AstNode, covered: AstNode[], seen = new Set<AstNode>()): boolean {
  if (covered.some((c) => within(node, c))) return true;
  const definition = enclosingDefinition(rc, node);
  if (!definition || isExported(rc, definition.declaration) || seen.has(definition.declaration)) return false;
  seen.add(definition.declaration);
  return definition.references().every((ref) => within(ref, definition.declaration) || isCovered(rc, ref, covered, seen));
}

/**
 * Every node an op changes, for coverage checks: an options object's headers go into the object its
 * `headers` names, which may be a shared constant.
 */
export function changedNodes(op: Op, rc: RewriteContext): AstNode[] {
  const node = opNode(op);
  const target = op.kind === 'headers' && op.add.length > 0 ? headersTarget(op.object, rc) : null;
  return [...(node ? [node] : []), ...(target ? [target] : [])];
}

/** The node an op is written against. */
export function opNode(op: Op): AstNode | null {
  switch (op.kind) {
    case 'literal':
      return op.literal;
    case 'replace':
      return op.node ?? null;
    case 'headers':
    case 'add-properties':
    case 'remove-properties':
      return op.object;
    case 'remove-declaration':
      return op.node;
  }
}

const CREDENTIAL_NAME = /key|pass|pwd|secret|token|cred|auth/i;

/** The words a Basic-header helper is made of are not credentials; redacting them only garbles diffs. */
const AUTH_VOCABULARY = /^(basic\s*|bearer\s*|base64|utf-?8|latin1|binary|hex|ascii|authorization|application\/json)$/i;

function mayBeCredential(value: string): boolean {
  return value.length >= 6 && !AUTH_VOCABULARY.test(value.trim());
}

/**
 * Declarations the edits leave unused: variables and helpers whose every use was inside the code
 * the edits remove (the Basic header, the auth option), and imports of the project's own modules.
 * Only pure initializers, never exports. `alreadyRemoved`: other edits of the file, whose own
 * leftovers were cleaned up already (they count as removed code, but name no candidates). Also
 * returns the string values of removed credential variables, for redaction.
 */
export function unusedDeclarations(rc: RewriteContext, usage: Usage, edits: TextEdit[], alreadyRemoved: readonly TextEdit[] = []): { ops: Op[]; secrets: string[] } {
  const removed: TextEdit[] = [...edits, ...alreadyRemoved];
  const candidates = new Set<Binding>();
  const consider = (range: TextEdit) => {
    walkRange(rc, range, (id) => {
      const binding = rc.index.resolve(id);
      if (binding && binding.id !== id && !new RegExp(`\\b${escape(binding.name)}\\b`).test(range.text)) candidates.add(binding);
    });
  };
  edits.forEach(consider);

  const ops: Op[] = [];
  const secrets: string[] = [];
  const done = new Set<Binding>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const binding of candidates) {
      if (done.has(binding)) continue;
      const imported = importedPart(rc, binding);
      if (!imported && !removable(rc, binding)) continue;
      const alive = usage.referencesOf(binding).some(
        (ref) => !removed.some((r) => r.start! <= ref.start! && ref.end! <= r.end! && !new RegExp(`\\b${escape(binding.name)}\\b`).test(r.text)),
      );
      if (alive || (imported && namedElsewhere(rc, binding.name, imported, removed))) continue;
      const declaration = imported ?? binding.declaration;
      done.add(binding);
      changed = true;
      ops.push({ kind: 'remove-declaration', node: declaration });
      const range = { start: declaration.start!, end: declaration.end!, text: '' };
      removed.push(range);
      consider(range);
      if (CREDENTIAL_NAME.test(binding.name)) {
        walk(declaration, (node) => {
          if (isStringLiteral(node) && mayBeCredential(String(node.value))) secrets.push(String(node.value));
        });
      }
    }
  }
  return { ops, secrets };
}

/**
 * For a name imported from one of the project's own modules, the part of the import that binds it:
 * the specifier of `import { a, b } from './auth'` (named specifiers only, or the one specifier),
 * or the property of `const { a, b } = require('./auth')` (plain names only). Such a part can be
 * left out once the name is unused; a package's import may be there for its side effects.
 */
function importedPart(rc: RewriteContext, binding: Binding): AstNode | null {
  const declaration = binding.declaration;
  if (binding.kind === 'import') {
    const statement = rc.parentOf(declaration);
    if (statement?.type !== 'ImportDeclaration' || statement.importKind === 'type' || !isRelative(statement.source)) return null;
    const specifiers: AstNode[] = statement.specifiers;
    return specifiers.length === 1 || specifiers.every((s) => s.type === 'ImportSpecifier') ? declaration : null;
  }
  if (binding.kind === 'function' || binding.kind === 'class' || binding.path.length !== 1 || declaration.type !== 'VariableDeclarator') return null;
  if (binding.kind !== 'const' && rc.index.isReassigned(binding)) return null;
  const init = unwrap(declaration.init);
  if (declaration.id?.type !== 'ObjectPattern' || init?.type !== 'CallExpression' || init.callee?.type !== 'Identifier' || init.callee.name !== 'require' || !isRelative(init.arguments[0])) return null;
  const properties: AstNode[] = declaration.id.properties;
  if (!properties.every((p) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && p.value?.type === 'Identifier')) return null;
  return properties.find((p) => p.value.start === binding.id.start) ?? null;
}

function isRelative(source: AstNode | undefined): boolean {
  return !!source && isStringLiteral(source) && String(source.value).startsWith('.');
}

/**
 * Whether the name is written anywhere but in its own import and the removed code: the references
 * above do not see type positions (`typeof basicAuth`), so an import stays while its name is written.
 */
function namedElsewhere(rc: RewriteContext, name: string, part: AstNode, removed: readonly TextEdit[]): boolean {
  // The import itself may name it again: `import { sign } from './sign'`.
  const statement = rc.parentOf(part)?.type === 'ObjectPattern' ? rc.parentOf(rc.parentOf(part)!)! : rc.parentOf(part)!;
  for (const match of rc.source.matchAll(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g'))) {
    const at = match.index;
    const inside = (r: { start?: number | null; end?: number | null }) => r.start! <= at && at < r.end!;
    if (!inside(statement) && !removed.some(inside)) return true;
  }
  return false;
}

function removable(rc: RewriteContext, binding: Binding): boolean {
  const declaration = binding.declaration;
  if (isExported(rc, declaration)) return false;
  if (binding.kind === 'function') return declaration.type === 'FunctionDeclaration';
  if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return false;
  if (declaration.type !== 'VariableDeclarator' || declaration.id?.type !== 'Identifier') return false;
  if (binding.kind !== 'const' && rc.index.isReassigned(binding)) return false;
  return declaration.init === null || declaration.init === undefined || isPure(declaration.init);
}

const PURE_CALLS = /^(?:Buffer\.from|btoa|String|encodeURIComponent|encodeURI)$/;

/** An expression whose evaluation has no effect worth keeping (reads, literals, string building). */
function isPure(raw: AstNode): boolean {
  const node = unwrap(raw);
  if (!node) return true;
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
    case 'Identifier':
    case 'ThisExpression':
    case 'MetaProperty':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isPure);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isPure(node.object) && (!node.computed || isPure(node.property));
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isPure(node.left) && isPure(node.right);
    case 'ConditionalExpression':
      return isPure(node.test) && isPure(node.consequent) && isPure(node.alternate);
    case 'UnaryExpression':
      return node.operator !== 'delete' && isPure(node.argument);
    case 'ObjectExpression':
      return node.properties.every((p: AstNode) => (p.type === 'SpreadElement' ? isPure(p.argument) : !p.computed && (p.value ? isPure(p.value) : true)));
    case 'ArrayExpression':
      return node.elements.every((e: AstNode | null) => !e || isPure(e));
    case 'CallExpression': {
      const callee = unwrap(node.callee);
      const name = calleeText(callee);
      const args = node.arguments.every(isPure);
      if (name && PURE_CALLS.test(name)) return args;
      // `x.toString('base64')` on something pure
      if (callee && (callee.type === 'MemberExpression') && !callee.computed && callee.property.name === 'toString') return args && isPure(callee.object);
      return false;
    }
    case 'NewExpression':
      return calleeText(unwrap(node.callee)) === 'Buffer' && node.arguments.every(isPure);
    default:
      return false;
  }
}

function calleeText(node: AstNode | null): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier') return `${node.object.name}.${node.property.name}`;
  return null;
}

/** Identifier references inside a source range. */
function walkRange(rc: RewriteContext, range: { start: number; end: number }, visit: (id: AstNode) => void): void {
  walk(rc.program, (node, parent) => {
    if ((node.end ?? 0) <= range.start! || (node.start ?? 0) >= range.end!) return false;
    if (node.type === 'Identifier' && parent && isReferenceIdentifier(node, parent) && (node.start ?? 0) >= range.start! && (node.end ?? 0) <= range.end!) visit(node);
    return undefined;
  });
}

function escape(text: string): string {
  return text.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&');
}
