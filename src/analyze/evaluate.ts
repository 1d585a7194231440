// Static evaluation of URL-ish expressions within one file: what a string is, in part, before it runs.
import type { HttpMethod } from '../types.ts';
import {
  argumentAt,
  calleeName,
  declaredMemberType,
  getPropertyNode,
  isCall,
  isFunction,
  isMember,
  isStringLiteral,
  memberPropertyName,
  propertyKeyName,
  propertyValue,
  sourceOf,
  templateElementText,
  unwrap,
  type AstNode,
} from './ast.ts';
import { buildImportMap, type ImportMap } from './imports.ts';
import { isHole, renderPartial, staticText, type PartialString } from './partial.ts';
import type { Binding, FileIndex } from './scope.ts';

export { renderPartial, describePartial, type PartialString } from './partial.ts';

/** Values bound to parameters while evaluating through a wrapper call: param binding → argument. */
export type Env = Map<Binding, EnvValue>;
export interface EnvValue {
  /** The argument expression, evaluated in `env`; null when the argument is missing. */
  node: AstNode | null;
  env: Env | null;
}

/** A node together with the parameter values it must be read with. */
export interface Resolved {
  node: AstNode;
  env: Env | null;
}

export interface Evaluator {
  index: FileIndex;
  evaluate(node: AstNode | null, env?: Env | null): PartialString;
  evaluateMethod(node: AstNode | null, env?: Env | null): HttpMethod | null;
  evaluateBoolean(node: AstNode | null, env?: Env | null): boolean | null;
  /** Follows names, properties and helper calls to the expression that produces the value. */
  resolve(node: AstNode | null, env?: Env | null): Resolved | null;
  /** Like resolve, but only answers when the result is an object literal. */
  resolveObject(node: AstNode | null, env?: Env | null): Resolved | null;
  /** The function a callee names in this file (declaration, arrow, method), or null. */
  resolveFunction(node: AstNode | null, env?: Env | null): Resolved | null;
  /** The parameter binding an expression reads directly (through const aliases), or null. */
  paramBindingOf(node: AstNode | null): Binding | null;
  /** Parameter bindings of `fn` mapped to the arguments of `call` (read in `callerEnv`). */
  bindArguments(fn: AstNode, call: AstNode, callerEnv: Env | null): Env;
  sourceOf(node: AstNode): string;
}

const MAX_DEPTH = 24;
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Every time an evaluator (this one or the project pass's) looks up what a parameter stands for,
 * bound or not. A computation during which the count stays the same read no argument of any call:
 * whatever `env` it is given, it takes the same path and gives the same result. See `readsNoParameter`.
 */
let parameterReads = 0;
/** How many `readsNoParameter` computations are running: while none is, no one asks for the count. */
let watching = 0;

/** Counts a parameter lookup (for an evaluator that resolves parameters itself). */
export function noteParameterRead(): void {
  parameterReads++;
}

/** Whether some computation is watching for parameter lookups (an evaluator may then count lookups it would skip). */
export function parameterReadsWatched(): boolean {
  return watching > 0;
}

/** Runs `compute` and tells whether it looked up any parameter, through any evaluator. */
export function readsNoParameter<T>(compute: () => T): { value: T; independent: boolean } {
  const before = parameterReads;
  watching++;
  try {
    const value = compute();
    return { value, independent: parameterReads === before };
  } finally {
    watching--;
  }
}

export function createEvaluator(index: FileIndex): Evaluator {
  const text = index.text;
  const src = (node: AstNode) => sourceOf(node, text);
  const active = new Set<AstNode>();
  const resolving = new Set<AstNode>();

  function hole(node: AstNode): PartialString {
    return [{ hole: src(node), node }];
  }

  function guarded<T>(node: AstNode, fallback: T, run: () => T): T {
    if (active.has(node) || active.size > MAX_DEPTH) return fallback;
    active.add(node);
    try {
      return run();
    } finally {
      active.delete(node);
    }
  }

  function evaluate(raw: AstNode | null, env: Env | null = null): PartialString {
    const node = unwrap(raw);
    if (!node) return [];
    return guarded(node, hole(node), () => evaluateNode(node, env));
  }

  function evaluateNode(node: AstNode, env: Env | null): PartialString {
    if (isStringLiteral(node)) return [{ text: node.value, node, offset: 0 }];
    switch (node.type) {
      case 'NumericLiteral':
        return [{ text: String(node.value) }];
      case 'Literal':
        return typeof node.value === 'number' || typeof node.value === 'boolean' ? [{ text: String(node.value) }] : hole(node);
      case 'TemplateLiteral': {
        const out: PartialString = [];
        node.quasis.forEach((quasi: AstNode, i: number) => {
          const t = templateElementText(quasi);
          if (t) out.push({ text: t, node: quasi, offset: 0 });
          if (i < node.expressions.length) out.push(...evaluate(node.expressions[i], env));
        });
        return out;
      }
      case 'BinaryExpression':
        if (node.operator === '+') return [...evaluate(node.left, env), ...evaluate(node.right, env)];
        return hole(node);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return evaluateCall(node, env);
      case 'NewExpression':
        if (calleeName(node) === 'URL') return evaluateNewUrl(node, env);
        return hole(node);
      case 'LogicalExpression':
      case 'ConditionalExpression': {
        // Equal static branches are that value; otherwise it is unknown.
        const [a, b] = node.type === 'ConditionalExpression' ? [node.consequent, node.alternate] : [node.left, node.right];
        const left = staticText(evaluate(a, env));
        const right = staticText(evaluate(b, env));
        return left !== null && left === right ? [{ text: left }] : hole(node);
      }
      default: {
        if (isMember(node) && memberPropertyName(node) === 'href') {
          const target = resolve(node.object, env);
          if (target?.node.type === 'NewExpression' && calleeName(target.node) === 'URL') return evaluateNewUrl(target.node, target.env);
        }
        const resolved = resolve(node, env);
        if (resolved && resolved.node !== node) return evaluate(resolved.node, resolved.env);
        return hole(node);
      }
    }
  }

  function evaluateCall(call: AstNode, env: Env | null): PartialString {
    const callee = unwrap(call.callee);
    if (!callee) return hole(call);
    if (callee.type === 'Identifier' && callee.name === 'String' && call.arguments.length === 1) return evaluate(argumentAt(call, 0), env);
    if (callee.type === 'Identifier' && (callee.name === 'encodeURIComponent' || callee.name === 'encodeURI')) {
      const inner = staticText(evaluate(argumentAt(call, 0), env));
      return inner === null ? hole(call) : [{ text: callee.name === 'encodeURI' ? encodeURI(inner) : encodeURIComponent(inner) }];
    }
    const helper = nodeHelperOf(callee);
    if (helper === 'url.resolve' && call.arguments.length === 2) return resolveAgainst(evaluate(argumentAt(call, 1), env), evaluate(argumentAt(call, 0), env));
    if (helper === 'util.format' && call.arguments.length > 0) return formatted(call, env);
    if (helper === 'path.join') return joinedPath(call, env);
    if (isMember(callee)) {
      const method = memberPropertyName(callee);
      if (method === 'concat') {
        const base = evaluate(callee.object, env);
        if (isFullyHole(base, callee.object)) return hole(call);
        return [...base, ...call.arguments.flatMap((a: AstNode) => evaluate(a, env))];
      }
      if (method === 'join') {
        const array = resolve(callee.object, env);
        const separator = call.arguments.length === 0 ? ',' : staticText(evaluate(argumentAt(call, 0), env));
        if (array && array.node.type === 'ArrayExpression' && separator !== null) {
          const out: PartialString = [];
          array.node.elements.forEach((el: AstNode | null, i: number) => {
            if (i > 0 && separator) out.push({ text: separator });
            if (el) out.push(...evaluate(el, array.env));
          });
          return out;
        }
        return hole(call);
      }
      if (method === 'toString' && call.arguments.length === 0) {
        const target = resolve(callee.object, env);
        if (target && target.node.type === 'NewExpression' && calleeName(target.node) === 'URL') return evaluateNewUrl(target.node, target.env);
        const value = evaluate(callee.object, env);
        return isFullyHole(value, callee.object) ? hole(call) : value;
      }
      if ((method === 'trim' || method === 'toLowerCase') && call.arguments.length === 0) {
        const value = staticText(evaluate(callee.object, env));
        if (value !== null) return [{ text: method === 'trim' ? value.trim() : value.toLowerCase() }];
      }
    }
    const resolved = resolve(call, env);
    if (resolved && resolved.node !== call) return evaluate(resolved.node, resolved.env);
    return hole(call);
  }

  /**
   * Node's `url.resolve(base, path)` and `util.format(format, ...values)`, which older integrations
   * build their URLs with: the callee as `url.resolve` / `util.format` when it is that export of
   * Node's own module (`require('url')`, `import { format } from 'node:util'`), else null.
   */
  function nodeHelperOf(callee: AstNode): 'url.resolve' | 'util.format' | 'path.join' | null {
    // `path.posix.join` joins as `path.join` does on the systems these integrations run on.
    const posix = isMember(callee) && isMember(unwrap(callee.object)) && memberPropertyName(unwrap(callee.object)!) === 'posix';
    const holder = posix ? unwrap(unwrap(callee.object)!.object) : isMember(callee) ? unwrap(callee.object) : callee;
    if (holder?.type !== 'Identifier') return null;
    const ref = importMap().of(holder);
    if (!ref || ref === 'global') return null;
    const name = isMember(callee) ? (ref.imported === '*' || ref.imported === 'default' || (posix && ref.imported === 'posix') ? memberPropertyName(callee) : null) : ref.imported;
    const module = ref.source.replace(/^node:/, '');
    if (module === 'url' && name === 'resolve' && !posix) return 'url.resolve';
    if (module === 'util' && name === 'format' && !posix) return 'util.format';
    if ((module === 'path' || module === 'path/posix') && name === 'join') return 'path.join';
    return null;
  }

  /**
   * Node's `path.join(a, b, ...)`: the parts with one slash between each two. A known part with `.`
   * or `..` segments would be normalised away, so such a join is left unknown rather than guessed.
   */
  function joinedPath(call: AstNode, env: Env | null): PartialString {
    const args: AstNode[] = call.arguments ?? [];
    if (args.length === 0 || args.some((a) => a.type === 'SpreadElement')) return hole(call);
    const out: PartialString = [];
    for (const arg of args) {
      const part = evaluate(arg, env);
      if (part.some((p) => !isHole(p) && /(^|\/)\.{1,2}(\/|$)/.test(p.text))) return hole(call);
      const text = renderPartial(part);
      if (text === '') continue;
      const before = out.length > 0 ? renderPartial(out) : null;
      if (before === null) out.push(...part);
      else if (before.endsWith('/') && text.startsWith('/')) out.push(...dropLeadingSlash(part));
      else if (before.endsWith('/') || text.startsWith('/')) out.push(...part);
      else out.push({ text: '/' }, ...part);
    }
    return out.length === 0 ? [{ text: '.' }] : out;
  }

  let imports: ImportMap | null = null;
  function importMap(): ImportMap {
    imports ??= buildImportMap(index);
    return imports;
  }

  /** `util.format`: `%s`, `%d`, `%i`, `%f`, `%j`, `%o`, `%O` take the next value, `%%` is a percent sign, the values left over follow after spaces. */
  function formatted(call: AstNode, env: Env | null): PartialString {
    const format = staticText(evaluate(argumentAt(call, 0), env));
    if (format === null) return hole(call);
    const values = call.arguments.slice(1);
    let next = 0;
    const out: PartialString = [];
    let at = 0;
    for (const m of format.matchAll(/%[sdifjoO%]/g)) {
      if (m.index > at) out.push({ text: format.slice(at, m.index) });
      at = m.index + 2;
      if (m[0] === '%%') out.push({ text: '%' });
      else if (next < values.length) out.push(...evaluate(values[next++], env));
      else out.push({ text: m[0] });
    }
    if (at < format.length) out.push({ text: format.slice(at) });
    for (; next < values.length; next++) out.push({ text: ' ' }, ...evaluate(values[next], env));
    return out;
  }

  /** `new URL(path, base)`: resolved the way the URL parser would, as far as the parts are known. */
  function evaluateNewUrl(node: AstNode, env: Env | null): PartialString {
    const path = evaluate(argumentAt(node, 0), env);
    if (node.arguments.length < 2) return path;
    return resolveAgainst(path, evaluate(argumentAt(node, 1), env));
  }

  function resolveAgainst(path: PartialString, base: PartialString): PartialString {
    const pathText = renderPartial(path);
    if (/^[a-z][a-z0-9+.-]*:/i.test(pathText)) return path;
    const baseText = renderPartial(base);
    const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(baseText);
    if (pathText.startsWith('/') && origin) return cutPartial(base, origin[1].length).concat(path);
    if (pathText.startsWith('/')) return [...base, ...path];
    // Relative: replace everything after the base's last slash.
    const lastSlash = baseText.replace(/[?#].*$/s, '').lastIndexOf('/');
    const keep = origin && lastSlash < origin[1].length ? baseText.length : lastSlash + 1;
    return [...cutPartial(base, keep), ...(origin && lastSlash < origin[1].length ? [{ text: '/' }] : []), ...path];
  }

  function evaluateMethod(raw: AstNode | null, env: Env | null = null): HttpMethod | null {
    if (!raw) return null;
    const value = staticText(evaluate(raw, env));
    if (value === null) return null;
    const upper = value.trim().toUpperCase();
    return METHODS.has(upper) ? (upper as HttpMethod) : null;
  }

  function evaluateBoolean(raw: AstNode | null, env: Env | null = null): boolean | null {
    const node = unwrap(raw);
    if (!node) return null;
    if (node.type === 'BooleanLiteral' || (node.type === 'Literal' && typeof node.value === 'boolean')) return node.value;
    if (node.type === 'UnaryExpression' && node.operator === '!') {
      const inner = evaluateBoolean(node.argument, env);
      return inner === null ? null : !inner;
    }
    const resolved = guarded(node, null, () => resolve(node, env));
    if (resolved && resolved.node !== node) return guarded(node, null, () => evaluateBoolean(resolved.node, resolved.env));
    return null;
  }

  function resolve(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const node = unwrap(raw);
    if (!node) return null;
    let current: Resolved = { node, env };
    for (let step = 0; step < MAX_DEPTH; step++) {
      const next = resolveOnce(current.node, current.env);
      if (!next || next.node === current.node) return current;
      const unwrapped = unwrap(next.node);
      if (!unwrapped) return current;
      current = { node: unwrapped, env: next.env };
    }
    return current;
  }

  function resolveOnce(node: AstNode, env: Env | null): Resolved | null {
    if (resolving.has(node) || resolving.size > MAX_DEPTH) return null;
    resolving.add(node);
    try {
      if (node.type === 'Identifier') return resolveIdentifier(node, env);
      if (isMember(node)) return resolveMember(node, env);
      if (isCall(node)) return resolveCallReturn(node, env);
      return null;
    } finally {
      resolving.delete(node);
    }
  }

  function resolveIdentifier(node: AstNode, env: Env | null): Resolved | null {
    const binding = index.resolve(node);
    if (!binding) return null;
    if (binding.kind === 'param') {
      parameterReads++;
      const bound = env?.get(binding);
      if (bound) {
        const value = bound.node ?? binding.defaultValue ?? null;
        if (!value) return null;
        return fromPath({ node: value, env: bound.node ? bound.env : env }, binding.path);
      }
      return null;
    }
    if (binding.kind === 'function' || binding.kind === 'class' || binding.kind === 'enum') return { node: binding.init ?? binding.declaration, env: null };
    if ((binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') && binding.init && !index.isReassigned(binding)) {
      return fromPath({ node: binding.init, env }, binding.path);
    }
    return null;
  }

  function fromPath(start: Resolved, path: string[]): Resolved | null {
    let current: Resolved | null = start;
    for (const key of path) {
      if (!current) return null;
      const object = resolveObject(current.node, current.env);
      if (!object) return null;
      const value = propertyOf(object, key);
      current = value;
    }
    return current;
  }

  function propertyOf(object: Resolved, key: string): Resolved | null {
    const prop = getPropertyNode(object.node, key);
    if (prop) {
      const value = propertyValue(prop);
      return value ? { node: value, env: object.env } : null;
    }
    // Look into spreads, last first.
    for (let i = object.node.properties.length - 1; i >= 0; i--) {
      const p = object.node.properties[i];
      if (p.type !== 'SpreadElement' && p.type !== 'SpreadProperty') continue;
      const inner = resolveObject(p.argument, object.env);
      if (inner) {
        const found = propertyOf(inner, key);
        if (found) return found;
      }
    }
    return null;
  }

  function resolveMember(node: AstNode, env: Env | null): Resolved | null {
    const key = memberPropertyName(node);
    if (key === null) return null;
    const object = unwrap(node.object);
    if (!object) return null;
    if (object.type === 'ThisExpression') return resolveThisProperty(node, key);
    const target = resolve(object, env);
    if (!target) return null;
    if (target.node.type === 'ObjectExpression') return propertyOf(target, key);
    // `new C(...).m` and `C.m`: a method of a class declared in this file.
    if (target.node.type === 'NewExpression') {
      const cls = resolve(target.node.callee, target.env);
      if (cls && (cls.node.type === 'ClassDeclaration' || cls.node.type === 'ClassExpression')) return inheritedMember(cls.node.body, key);
    }
    if (target.node.type === 'ClassDeclaration' || target.node.type === 'ClassExpression') return classMember(target.node.body, key, true);
    if (target.node.type === 'TSEnumDeclaration') return enumMember(target.node, key);
    const declared = declaredClassBody(target.node);
    return declared ? inheritedMember(declared, key) : null;
  }

  /**
   * The class body of the class an unbound parameter or a property is declared to hold: `c: BcClient`,
   * `constructor(private readonly bc: BcClient)`, `private bc!: BcClient`. Its methods are what a call
   * on it runs (a subclass's own overrides aside, which the declared type cannot tell).
   */
  function declaredClassBody(node: AstNode): AstNode | null {
    let annotation: AstNode | null = null;
    let at: AstNode | null = null;
    if (node.type === 'Identifier') {
      const binding = index.resolve(node);
      if (binding?.kind === 'param' && binding.path.length === 0) [annotation, at] = [binding.id?.typeAnnotation ?? null, binding.id];
    } else if (isMember(node) && unwrap(node.object)?.type === 'ThisExpression') {
      const key = memberPropertyName(node);
      const body = key === null ? null : enclosingClassBody(node);
      [annotation, at] = [body && key !== null ? declaredMemberType(body, key) : null, body];
    }
    const type = annotation?.typeAnnotation;
    if (!at || type?.type !== 'TSTypeReference' || type.typeName?.type !== 'Identifier') return null;
    const binding = index.lookUpName(type.typeName.name, at);
    const cls = binding?.kind === 'class' ? (binding.init ?? binding.declaration) : null;
    return cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? cls.body : null;
  }

  function enclosingClassBody(node: AstNode): AstNode | null {
    let current: AstNode | null = index.parentOf(node);
    while (current && current.type !== 'ClassBody') {
      if (current.type === 'FunctionDeclaration' || (current.type === 'FunctionExpression' && index.parentOf(current)?.type !== 'MethodDefinition')) return null;
      current = index.parentOf(current);
    }
    return current;
  }

  /**
   * `Method.Get` of `enum Method { Get = 'GET' }` (or `const enum`): its initializer, read like a
   * property of an `as const` object. A member without one is numbered, so it stays unknown.
   */
  function enumMember(declaration: AstNode, key: string): Resolved | null {
    const members: AstNode[] = declaration.members ?? declaration.body?.members ?? [];
    const member = members.find((m) => (m.id?.type === 'Identifier' ? m.id.name : m.id?.value) === key);
    return member?.initializer ? { node: member.initializer, env: null } : null;
  }

  /** A method (or arrow-function field) of a class body, as the function node. */
  function classMember(body: AstNode, key: string, isStatic: boolean): Resolved | null {
    for (const member of body.body as AstNode[]) {
      if (!!member.static !== isStatic || propertyKeyName(member) !== key) continue;
      if (member.type === 'ClassMethod' && member.kind === 'method') return { node: member, env: null };
      if (member.type === 'MethodDefinition' && member.kind === 'method') return { node: member.value, env: null };
      if ((member.type === 'ClassProperty' || member.type === 'PropertyDefinition') && member.value && isFunction(unwrap(member.value))) {
        return { node: unwrap(member.value)!, env: null };
      }
    }
    return null;
  }

  /** `this.x` inside a class: a class field initializer, or the one `this.x = …` in the constructor. */
  function resolveThisProperty(node: AstNode, key: string): Resolved | null {
    let classNode: AstNode | null = index.parentOf(node);
    while (classNode && classNode.type !== 'ClassBody') {
      // An ordinary function has its own `this`; arrows do not.
      if (classNode.type === 'FunctionDeclaration' || (classNode.type === 'FunctionExpression' && index.parentOf(classNode)?.type !== 'MethodDefinition')) return null;
      classNode = index.parentOf(classNode);
    }
    if (!classNode) return null;
    let found: AstNode | null = null;
    let count = 0;
    for (const member of classNode.body as AstNode[]) {
      const isField = member.type === 'ClassProperty' || member.type === 'PropertyDefinition';
      if (isField && !member.static && propertyKeyName(member) === key) {
        if (member.value) {
          found = member.value;
          count++;
        }
      }
    }
    for (const assignment of index.assignments) {
      if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') continue;
      const left = unwrap(assignment.left);
      if (!left || !isMember(left) || unwrap(left.object)?.type !== 'ThisExpression' || memberPropertyName(left) !== key) continue;
      if (!isInside(assignment, classNode)) continue;
      found = assignment.right;
      count++;
    }
    if (count === 1 && found) return { node: found, env: null };
    return count === 0 ? inheritedMember(classNode, key) : null;
  }

  /** A method of a class body or, failing that, of the class it extends (`this.send(...)` in `class OrdersApi extends BcClient`). */
  function inheritedMember(body: AstNode, key: string): Resolved | null {
    for (let current: AstNode | null = body, step = 0; current && step < MAX_DEPTH; step++) {
      const own = classMember(current, key, false);
      if (own) return own;
      const superClass: AstNode | null = index.parentOf(current)?.superClass ?? null;
      const parent: AstNode | null = superClass ? (resolve(superClass, null)?.node ?? null) : null;
      current = parent && (parent.type === 'ClassDeclaration' || parent.type === 'ClassExpression') ? parent.body : null;
    }
    return null;
  }

  function isInside(node: AstNode, ancestor: AstNode): boolean {
    let current: AstNode | null = node;
    while (current) {
      if (current === ancestor) return true;
      current = index.parentOf(current);
    }
    return false;
  }

  /** A call to a same-file function with a single `return`: its returned expression, parameters bound. */
  function resolveCallReturn(call: AstNode, env: Env | null): Resolved | null {
    const fn = resolveFunction(call.callee, env);
    if (!fn) return null;
    const returned = singleReturn(fn.node);
    if (!returned) return null;
    return { node: returned, env: bindArguments(fn.node, call, env) };
  }

  /** Binds a function's parameters to a call's arguments, for evaluating its body as that call. */
  function bindArguments(fn: AstNode, call: AstNode, callerEnv: Env | null): Env {
    const env: Env = new Map();
    index.paramBindings(fn).forEach((bindings, i) => {
      const arg = call.arguments?.[i];
      const node = arg && arg.type !== 'SpreadElement' ? arg : null;
      for (const binding of bindings) env.set(binding, { node, env: callerEnv });
    });
    return env;
  }

  function resolveFunction(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const node = unwrap(raw);
    if (!node) return null;
    if (isFunction(node)) return { node, env };
    const resolved = resolve(node, env);
    if (resolved && isFunction(resolved.node)) return resolved;
    if (resolved && resolved.node.type === 'FunctionExpression') return resolved;
    if (resolved && resolved.node.type === 'Property' && resolved.node.method) return { node: resolved.node.value, env: resolved.env };
    return null;
  }

  function resolveObject(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const resolved = resolve(raw, env);
    return resolved && resolved.node.type === 'ObjectExpression' ? resolved : null;
  }

  function paramBindingOf(raw: AstNode | null): Binding | null {
    let node = unwrap(raw);
    for (let step = 0; node && step < MAX_DEPTH; step++) {
      if (node.type === 'Identifier') {
        const binding = index.resolve(node);
        if (!binding) return null;
        if (binding.kind === 'param') return binding;
        if (binding.kind === 'const' || ((binding.kind === 'let' || binding.kind === 'var') && !index.isReassigned(binding))) {
          node = unwrap(binding.init);
          continue;
        }
        return null;
      }
      if (isMember(node)) {
        node = unwrap(node.object);
        continue;
      }
      return null;
    }
    return null;
  }

  return {
    index,
    evaluate,
    evaluateMethod,
    evaluateBoolean,
    resolve,
    resolveObject,
    resolveFunction,
    paramBindingOf,
    bindArguments,
    sourceOf: src,
  };
}

/** The expression a function returns when it has exactly one `return` (or an expression body). */
export function singleReturn(fn: AstNode): AstNode | null {
  const f = fn.type === 'MethodDefinition' ? fn.value : fn;
  if (!f.body) return null;
  if (f.body.type !== 'BlockStatement') return f.body;
  const returns: AstNode[] = [];
  const visit = (node: AstNode): void => {
    if (node !== f.body && isFunction(node)) return;
    if (node.type === 'ReturnStatement') {
      returns.push(node);
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach((v) => v && typeof v.type === 'string' && visit(v));
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(f.body);
  return returns.length === 1 ? (returns[0].argument ?? null) : null;
}

function isFullyHole(p: PartialString, _node: AstNode): boolean {
  return p.length === 1 && isHole(p[0]);
}

/** The parts without the first character, a known `/`. */
function dropLeadingSlash(p: PartialString): PartialString {
  const [first, ...rest] = p;
  if (!first || isHole(first)) return p;
  if (first.text.length === 1) return rest;
  return [{ ...first, text: first.text.slice(1), ...(first.node ? { offset: (first.offset ?? 0) + 1 } : {}) }, ...rest];
}

/** The parts covering the first `length` rendered characters. */
function cutPartial(p: PartialString, length: number): PartialString {
  const out: PartialString = [];
  let at = 0;
  for (const part of p) {
    if (at >= length) break;
    if (isHole(part)) {
      out.push(part);
      at += 1;
    } else {
      const take = part.text.slice(0, length - at);
      out.push({ ...part, text: take });
      at += part.text.length;
    }
  }
  return out;
}
