// Node helpers that work on @babel/parser ASTs and on the ASTs jscodeshift builds with its `ts`,
// `tsx` (Babel-shaped) and `babel` (estree-shaped: Literal, Property, MethodDefinition) parsers.
import type { SourceLocation } from '../types.ts';

/** Any AST node. Deliberately loose: the same helpers serve Babel and estree shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = { type: string; start?: number | null; end?: number | null; loc?: any; range?: [number, number]; [key: string]: any };

const SKIP_KEYS = new Set([
  'type', 'loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments',
  'innerComments', 'tokens', 'original', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments',
  'superTypeParameters', 'predicate', 'decorators',
]);

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Depth-first, source order. The visitor returns false to skip a node's children. Type annotations
 * are not visited: a URL never lives there.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => boolean | void): void {
  // Two parallel stacks, children pushed last first (keys and items read backwards): the same order
  // as collecting each node's children and pushing them reversed, without an allocation per node.
  const nodes: AstNode[] = [root];
  const parents: Array<AstNode | null> = [null];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    if (visit(node, parent) === false) continue;
    const keys = Object.keys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      if (SKIP_KEYS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const item = value[i];
          if (isNode(item)) {
            nodes.push(item);
            parents.push(node);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
      }
    }
  }
}

/** Strips parentheses and TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`). */
export function unwrap(node: AstNode | null | undefined): AstNode | null {
  let current = node ?? null;
  while (current) {
    switch (current.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TypeCastExpression':
      case 'TSInstantiationExpression':
        current = current.expression;
        break;
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
  return null;
}

export function isStringLiteral(node: AstNode | null | undefined): boolean {
  return !!node && (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string'));
}

/** A string literal or a template literal (with or without expressions). */
export function isStringLike(node: AstNode | null | undefined): boolean {
  return isStringLiteral(node) || node?.type === 'TemplateLiteral';
}

/** The value of a string literal or an expression-free template literal. */
export function stringValue(node: AstNode | null | undefined): string | null {
  const n = unwrap(node);
  if (!n) return null;
  if (isStringLiteral(n)) return n.value as string;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return templateElementText(n.quasis[0]);
  return null;
}

export function templateElementText(element: AstNode): string {
  return (element.value?.cooked ?? element.value?.raw ?? '') as string;
}

export function isIdentifier(node: AstNode | null | undefined, name?: string): boolean {
  return !!node && node.type === 'Identifier' && (name === undefined || node.name === name);
}

export function isObjectExpression(node: AstNode | null | undefined): boolean {
  return !!node && node.type === 'ObjectExpression';
}

export function isFunction(node: AstNode | null | undefined): boolean {
  return !!node && (
    node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' ||
    node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'ObjectMethod' || node.type === 'TSDeclareMethod'
  );
}

export function isCall(node: AstNode | null | undefined): boolean {
  return !!node && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');
}

export function isMember(node: AstNode | null | undefined): boolean {
  return !!node && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression');
}

/** An object property (Babel ObjectProperty or estree Property), not a method or spread. */
export function isProperty(node: AstNode | null | undefined): boolean {
  return !!node && (node.type === 'ObjectProperty' || (node.type === 'Property' && node.kind === 'init' && !node.method));
}

/** The static name of a property key: `a`, `'a'`, `['a']`, `1`; null for computed expressions. */
export function propertyKeyName(prop: AstNode): string | null {
  const key = prop.key;
  if (!key) return null;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateName') return null;
  const value = stringValue(key);
  if (value !== null) return value;
  if ((key.type === 'NumericLiteral' || (key.type === 'Literal' && typeof key.value === 'number'))) return String(key.value);
  return null;
}

/** The name of a member access: `a.b` → 'b', `a['b']` → 'b'; null when computed from an expression. */
export function memberPropertyName(member: AstNode): string | null {
  const prop = member.property;
  if (!member.computed && prop.type === 'Identifier') return prop.name;
  return stringValue(prop);
}

/** The last property node named `name` in an object literal (later ones win, as at run time). */
export function getPropertyNode(obj: AstNode | null | undefined, name: string, caseInsensitive = false): AstNode | null {
  const o = unwrap(obj);
  if (!o || o.type !== 'ObjectExpression') return null;
  const wanted = caseInsensitive ? name.toLowerCase() : name;
  for (let i = o.properties.length - 1; i >= 0; i--) {
    const prop = o.properties[i];
    if (prop.type === 'SpreadElement' || prop.type === 'RestElement' || prop.type === 'SpreadProperty') continue;
    const key = propertyKeyName(prop);
    if (key !== null && (caseInsensitive ? key.toLowerCase() : key) === wanted) return prop;
  }
  return null;
}

/** The value of property `name` in an object literal: the expression, or the function for a method. */
export function getProperty(obj: AstNode | null | undefined, name: string, caseInsensitive = false): AstNode | null {
  const prop = getPropertyNode(obj, name, caseInsensitive);
  if (!prop) return null;
  return propertyValue(prop);
}

export function propertyValue(prop: AstNode): AstNode | null {
  if (prop.type === 'ObjectMethod') return prop;
  const value = prop.value;
  if (!value) return null;
  // Shorthand `{ url }` with a default in a pattern context: `{ url = x }`
  return value.type === 'AssignmentPattern' ? value.left : value;
}

/**
 * Dotted name of a callee or member chain: `fetch`, `axios.get`, `this.request`, `window.btoa`,
 * `client['get']`; null when any link is computed from an expression or is a call.
 */
export function calleeName(node: AstNode | null | undefined): string | null {
  const n = unwrap(node);
  if (!n) return null;
  if (isCall(n) || n.type === 'NewExpression') return calleeName(n.callee);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'Super') return 'super';
  if (isMember(n)) {
    const object = calleeName(n.object);
    const prop = memberPropertyName(n);
    return object !== null && prop !== null ? `${object}.${prop}` : null;
  }
  return null;
}

/** The parts of a member chain: `a.b.c` → ['a','b','c']; null when not a plain chain. */
export function memberPath(node: AstNode | null | undefined): string[] | null {
  const name = calleeName(node);
  const n = unwrap(node);
  if (n && (isCall(n) || n.type === 'NewExpression')) return null;
  return name === null ? null : name.split('.');
}

export function sourceOf(node: AstNode, text: string): string {
  const range = nodeRange(node);
  return range ? text.slice(range[0], range[1]) : '…';
}

export function nodeRange(node: AstNode): [number, number] | null {
  if (typeof node.start === 'number' && typeof node.end === 'number') return [node.start, node.end];
  if (Array.isArray(node.range)) return node.range;
  return null;
}

/** 1-based line and column span of a node, relative to the given file. */
export function locationOf(node: AstNode, file: string): SourceLocation {
  const loc = node.loc;
  return {
    file,
    line: loc?.start?.line ?? 1,
    column: (loc?.start?.column ?? 0) + 1,
    endLine: loc?.end?.line ?? loc?.start?.line ?? 1,
    endColumn: (loc?.end?.column ?? 0) + 1,
  };
}

/** Call arguments without spreads; `undefined` where an argument is missing. */
export function argumentAt(call: AstNode, index: number): AstNode | null {
  const arg = call.arguments?.[index];
  if (!arg || arg.type === 'SpreadElement') return null;
  return arg;
}

/** Whether `inner` lies within `outer`, by source offsets. */
export function within(inner: { start?: number | null; end?: number | null }, outer: { start?: number | null; end?: number | null }): boolean {
  return (inner.start ?? -1) >= (outer.start ?? 0) && (inner.end ?? -1) <= (outer.end ?? -1);
}

/**
 * Whether an identifier, seen under `parent`, reads a binding: not a property name, a label, or the
 * name an import gives (`export { x }` does read `x`; in `{ x }` the parser gives the value its own
 * node, which is the read).
 */
export function isReferenceIdentifier(node: AstNode, parent: AstNode): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed;
    case 'ObjectProperty':
    case 'Property':
    case 'ClassProperty':
    case 'PropertyDefinition':
    case 'ClassMethod':
    case 'ObjectMethod':
    case 'MethodDefinition':
      return parent.key !== node || parent.computed;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ExportSpecifier':
      return parent.local === node;
    default:
      return true;
  }
}

/**
 * The type annotation a class body gives property `key` without a value: a field declared with a
 * type (`private bc!: BcClient`) or a constructor parameter property (`constructor(private bc: BcClient)`).
 */
export function declaredMemberType(body: AstNode, key: string): AstNode | null {
  for (const member of body.body as AstNode[]) {
    const isField = member.type === 'ClassProperty' || member.type === 'PropertyDefinition';
    if (isField && !member.static && !member.value && propertyKeyName(member) === key) return member.typeAnnotation ?? null;
    const ctor = member.type === 'MethodDefinition' ? member.value : member;
    if (propertyKeyName(member) !== 'constructor' || !ctor?.params) continue;
    for (const param of ctor.params as AstNode[]) {
      if (param.type === 'TSParameterProperty' && param.parameter?.type === 'Identifier' && param.parameter.name === key) return param.parameter.typeAnnotation ?? null;
    }
  }
  return null;
}
