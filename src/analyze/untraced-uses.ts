// A legacy client instance (`const api = axios.create({ baseURL: store, auth })`) is migrated as one,
// but its requests give the scopes, and the detectors see only the requests made on it directly
// (`api.get('/orders')`). Where the instance goes further (handed to a function, kept as a default
// parameter or a property, put in an array), requests are made through it that no finding stands for,
// and the scope list cannot be called complete. This finds those places, so the report says so.
import type { Finding } from '../types.ts';
import { unwrap, walk, type AstNode } from './ast.ts';
import type { ClientConfigMatch } from './detectors/detector.ts';
import type { Evaluator } from './evaluate.ts';
import type { ImportMap } from './imports.ts';
import type { Binding, FileIndex } from './scope.ts';
import { forwardedCall } from './call-forms.ts';
import { isLocalSpecifier } from './project/module-specifiers.ts';

/** Where an instance is used beyond what is traced. */
export interface UseSite {
  file: string;
  line: number;
}

/** Member reads that configure the instance rather than send a request through it. */
const CONFIG_MEMBERS = new Set(['defaults', 'interceptors']);
/** Expressions that only restate their operand's value (`api!`, `api as Client`, `(api)`). */
const TRANSPARENT = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/**
 * The references to an instance, other than its declaration, that are neither a request the
 * detectors matched (`understood`: their call nodes, and those of instances made from it) nor an
 * export (the cross-file pass follows exports), nor configuration. An instance held in a variable
 * is followed through its references; one created straight into a property of a class
 * (`this.http = axios.create(...)`) through the class's reads of `this.http`.
 */
export function untracedUses(config: ClientConfigMatch, understood: ReadonlySet<AstNode>, index: FileIndex, file: string): UseSite[] {
  if (config.kind !== 'instance') return [];
  const binding = config.binding;
  if (!binding) return untracedPropertyUses(config, understood, index, file);
  const uses: UseSite[] = [];
  walk(index.root, (node, holder) => {
    if (node.type !== 'Identifier' || node.name !== binding.name || node === binding.id) return;
    if (!readsVariable(node, holder) || index.resolve(node) !== binding) return;
    if (!isUnderstoodUse(node, understood, index)) uses.push(siteOf(node, file));
  });
  return uses;
}

/** `this.http = axios.create(...)`: the class's reads of `this.http` that are not understood. */
function untracedPropertyUses(config: ClientConfigMatch, understood: ReadonlySet<AstNode>, index: FileIndex, file: string): UseSite[] {
  const assignment = index.parentOf(config.node);
  const target = assignment?.type === 'AssignmentExpression' && assignment.right === config.node ? assignment.left : null;
  const name = target ? thisPropertyName(target) : null;
  const body = target && name ? enclosingClassBody(target, index) : null;
  if (!target || !name || !body) return [];
  const uses: UseSite[] = [];
  walk(body, (node) => {
    // An ordinary function nested in a method has its own `this`, as has a class nested in it; an arrow function shares it.
    if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') && !isMethodFunction(node, index)) return false;
    if (node !== body && node.type === 'ClassBody') return false;
    if (node === target || thisPropertyName(node) !== name) return;
    if (!isUnderstoodUse(node, understood, index)) uses.push(siteOf(node, file));
    return undefined;
  });
  return uses;
}

/** `this.name` (not computed): the name. */
function thisPropertyName(node: AstNode): string | null {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return null;
  if (node.object?.type !== 'ThisExpression' || node.computed || node.property?.type !== 'Identifier') return null;
  return node.property.name;
}

function enclosingClassBody(node: AstNode, index: FileIndex): AstNode | null {
  for (let current = index.parentOf(node); current; current = index.parentOf(current)) {
    if (current.type === 'ClassBody') return current;
    if ((current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression') && !isMethodFunction(current, index)) return null;
  }
  return null;
}

/** The function of a class method as estree shapes it (`MethodDefinition.value`); Babel's ClassMethod is no function node here. */
function isMethodFunction(fn: AstNode, index: FileIndex): boolean {
  return index.parentOf(fn)?.type === 'MethodDefinition';
}

/**
 * The same, in a file that imports instances made in other files (the cross-file pass): each
 * reference to an imported name that resolves to one of `instances` (by its `axios.create(...)`
 * node) and is neither a request on it (`understood(config)`), nor its configuration, nor a re-export.
 */
export function importedUntracedUses(
  instances: ReadonlyMap<AstNode, ClientConfigMatch>,
  understood: (config: ClientConfigMatch) => ReadonlySet<AstNode>,
  unit: { index: FileIndex; evaluator: Evaluator; imports: ImportMap; file: string },
): Map<ClientConfigMatch, UseSite[]> {
  const found = new Map<ClientConfigMatch, UseSite[]>();
  const { index, evaluator, imports, file } = unit;
  walk(index.root, (node, holder) => {
    if (node.type !== 'Identifier' || !readsVariable(node, holder)) return;
    // Only names imported from the project's own modules can be its instances; resolving a package's
    // names could wake the TypeScript checker for nothing.
    const ref = imports.of(node);
    if (ref === null || ref === 'global' || !isLocalSpecifier(ref.source, file)) return;
    const config = instances.get(evaluator.resolve(node)?.node as AstNode);
    if (!config || isUnderstoodUse(node, understood(config), index)) return;
    found.set(config, [...(found.get(config) ?? []), siteOf(node, file)]);
  });
  return found;
}

function isUnderstoodUse(node: AstNode, understood: ReadonlySet<AstNode>, index: FileIndex): boolean {
  const [use, parent] = outermost(node, index);
  return !parent || isUnderstood(use, parent, understood, index);
}

function siteOf(node: AstNode, file: string): UseSite {
  return { file, line: node.loc?.start?.line ?? 1 };
}

/**
 * The calls a file's detectors understood as going through `config`: requests made on it, and the
 * instances made from it (`api.extend({...})`), whose own requests are followed in turn.
 */
export function understoodCalls(config: ClientConfigMatch, requests: ReadonlyArray<{ config: ClientConfigMatch | null; call: AstNode }>, configs: readonly ClientConfigMatch[]): Set<AstNode> {
  return new Set([...requests.filter((r) => r.config === config).map((r) => r.call), ...configs.filter((c) => c.parent === config).map((c) => c.node)]);
}

/** The config finding, with a note that makes the scope list incomplete when the instance goes where it is not followed. */
export function withUntracedNote(finding: Finding, config: ClientConfigMatch, uses: readonly UseSite[]): Finding {
  return withUntraced(finding, config.instanceName ? `\`${config.instanceName}\`` : 'This instance', 'handed on or stored', uses);
}

/** The wrapper finding, with a note that makes the scope list incomplete when the function is used as a value. */
export function withUntracedWrapperNote(finding: Finding, name: string, uses: readonly UseSite[]): Finding {
  return withUntraced(finding, `\`${name}\``, 'handed on, stored or bound', uses);
}

function withUntraced(finding: Finding, name: string, how: string, uses: readonly UseSite[]): Finding {
  if (uses.length === 0) return finding;
  const where = [...new Set(uses.map((use) => (use.file === finding.file ? `line ${use.line}` : `${use.file}:${use.line}`)))];
  const shown = where.length > 3 ? [...where.slice(0, 3), `${where.length - 3} more`] : where;
  const message =
    `${name} is also ${how} (${shown.join(', ')}), where the requests made through it are not traced: ` +
    'their scopes are missing from the list. Check those requests and add their scopes by hand.';
  return { ...finding, notes: [...finding.notes, { kind: 'untraced-requests', message }] };
}

/**
 * Where wrapper functions are used as values rather than called: handed to a function
 * (`withRetry(bcRequest)`), stored, bound (`bcRequest.bind(null, 'delete')`), applied to arguments
 * out of sight. A call, `.call(self, ...)` and `.apply(self, [...])` with the arguments in sight
 * are read as calls of the wrapper (call-forms.ts), and an export is followed by the cross-file pass.
 * `own`: the wrappers declared in this file, by the variable that holds each; `imported`: wrappers
 * of other files, by function node, looked for among the names imported from the project's modules.
 */
export function wrapperValueUses<T>(
  own: ReadonlyMap<Binding, T>,
  imported: ReadonlyMap<AstNode, T>,
  unit: { index: FileIndex; evaluator: Evaluator; imports: ImportMap; file: string },
): Map<T, UseSite[]> {
  const found = new Map<T, UseSite[]>();
  if (own.size === 0 && imported.size === 0) return found;
  const { index, evaluator, imports, file } = unit;
  walk(index.root, (node, holder) => {
    if (node.type !== 'Identifier' || !readsVariable(node, holder)) return;
    const binding = index.resolve(node);
    if (!binding || node === binding.id) return;
    let wrapper = own.get(binding);
    if (wrapper === undefined && imported.size > 0) {
      const ref = imports.ofBinding(binding);
      if (!ref || !isLocalSpecifier(ref.source, file)) return;
      wrapper = imported.get(evaluator.resolveFunction(node)?.node as AstNode);
    }
    if (wrapper === undefined) return;
    const [use, parent] = outermost(node, index);
    if (!parent || isCalledInSight(use, parent, evaluator, index) || isExport(use, parent, index)) return;
    found.set(wrapper, [...(found.get(wrapper) ?? []), siteOf(node, file)]);
  });
  return found;
}

/** `f(...)`, `f.call(self, ...)`, `f.apply(self, [...])`, `typeof f`. */
function isCalledInSight(use: AstNode, parent: AstNode, evaluator: Evaluator, index: FileIndex): boolean {
  if (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') return parent.callee === use;
  if (parent.type === 'UnaryExpression') return parent.operator === 'typeof';
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === use) {
    const call = index.parentOf(parent);
    return !!call && (call.type === 'CallExpression' || call.type === 'OptionalCallExpression') && call.callee === parent && forwardedCall(evaluator, call) !== null;
  }
  return false;
}

/** The wrappers held in variables, by variable. */
export function ownWrapperBindings<T extends { fn: AstNode }>(wrappers: readonly T[], index: FileIndex): Map<Binding, T> {
  const out = new Map<Binding, T>();
  for (const wrapper of wrappers) {
    const binding = functionBinding(wrapper.fn, index);
    if (binding) out.set(binding, wrapper);
  }
  return out;
}

/** The variable a function is declared as or assigned to once (`function f`, `const f = () => …`), or null. */
function functionBinding(fn: AstNode, index: FileIndex): Binding | null {
  if (fn.type === 'FunctionDeclaration' && fn.id) return index.resolve(fn.id);
  const holder = index.parentOf(fn);
  if (holder?.type === 'VariableDeclarator' && holder.init === fn && holder.id?.type === 'Identifier') return index.resolve(holder.id);
  return null;
}

function isUnderstood(use: AstNode, parent: AstNode, understood: ReadonlySet<AstNode>, index: FileIndex): boolean {
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') {
    if (parent.object !== use) return true; // `other[api]`: a key, not this instance's use
    const call = index.parentOf(parent);
    if (call && (call.type === 'CallExpression' || call.type === 'OptionalCallExpression') && call.callee === parent) return understood.has(call);
    return !parent.computed && parent.property?.type === 'Identifier' && CONFIG_MEMBERS.has(parent.property.name);
  }
  if (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') return parent.callee === use && understood.has(parent);
  return isExport(use, parent, index);
}

/** `export { api }`, `export default api`, `module.exports = api`, `exports.api = api`, `module.exports = { api }`. */
function isExport(use: AstNode, parent: AstNode, index: FileIndex): boolean {
  if (parent.type === 'ExportSpecifier' || parent.type === 'ExportDefaultDeclaration') return true;
  if (parent.type === 'AssignmentExpression' && parent.right === use) return isModuleExports(parent.left);
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === use) {
    const object = index.parentOf(parent);
    const assignment = object ? index.parentOf(object) : null;
    return assignment?.type === 'AssignmentExpression' && assignment.right === object && isModuleExports(assignment.left);
  }
  return false;
}

function isModuleExports(target: AstNode): boolean {
  if (target.type !== 'MemberExpression') return false;
  const object = target.object;
  if (object?.type === 'Identifier' && object.name === 'exports') return true;
  if (object?.type === 'Identifier' && object.name === 'module' && target.property?.name === 'exports') return true;
  return object?.type === 'MemberExpression' && isModuleExports(object);
}

/** Whether an identifier reads a variable, rather than naming a property, a key, a label or an import. */
function readsVariable(node: AstNode, parent: AstNode | null): boolean {
  switch (parent?.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed;
    case 'ObjectProperty':
    case 'Property':
    case 'ObjectMethod':
    case 'ClassProperty':
    case 'ClassMethod':
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
      // A shorthand `{ api }` reads the variable through its value (which some parsers share with the key).
      return parent.computed || (parent.shorthand ? parent.value === node : parent.key !== node);
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return false;
    case 'ExportSpecifier':
      return parent.local === node;
    default:
      return true;
  }
}

/** The reference with the expressions that only restate it, and what holds that. */
function outermost(node: AstNode, index: FileIndex): [AstNode, AstNode | null] {
  let use = node;
  let parent = index.parentOf(use);
  while (parent && TRANSPARENT.has(parent.type)) {
    use = parent;
    parent = index.parentOf(use);
  }
  return [use, parent];
}

/**
 * Where an instance of a legacy wrapper's class (`const bc = new BcClient()`) goes where its method
 * calls are not followed: handed to a function or constructor whose parameter says nothing of its
 * type, stored, aliased, or made right in such a place (`new OrderService(new BcClient())`). Calls
 * on it (`bc.send(...)`) are read as the wrapper's calls, an export by the cross-file pass, and a
 * parameter declared as a class (`constructor(private bc: BcClient)`) by the evaluator.
 * `classes`: each wrapper class by its declaration node, with its wrappers. Instances are looked
 * for among this file's variables and the names it imports from the project's modules.
 */
export function wrapperInstanceUses<T>(
  classes: ReadonlyMap<AstNode, readonly T[]>,
  unit: { index: FileIndex; evaluator: Evaluator; imports: ImportMap; file: string },
): Map<T, UseSite[]> {
  const found = new Map<T, UseSite[]>();
  if (classes.size === 0) return found;
  const { index, evaluator, imports, file } = unit;
  /** `here`: `made` is in this file, whose imports can rule out a class from a package. */
  const classOf = (made: AstNode | null | undefined, here = true): readonly T[] | undefined => {
    if (made?.type !== 'NewExpression' || made.callee?.type !== 'Identifier') return undefined;
    // A class from a package is no wrapper class: resolving it could wake the TypeScript checker for nothing.
    const ref = here ? imports.of(made.callee) : null;
    if (ref === 'global' || (ref && !isLocalSpecifier(ref.source, file))) return undefined;
    return classes.get(evaluator.resolve(made.callee)?.node as AstNode);
  };
  const note = (wrappers: readonly T[], node: AstNode) => {
    for (const wrapper of wrappers) found.set(wrapper, [...(found.get(wrapper) ?? []), siteOf(node, file)]);
  };
  walk(index.root, (node, holder) => {
    if (node.type === 'NewExpression') {
      const wrappers = classOf(node);
      const [use, parent] = outermost(node, index);
      if (wrappers && parent && isArgument(use, parent) && !reachesTypedParameter(use, parent, evaluator)) note(wrappers, node);
      return;
    }
    if (node.type !== 'Identifier' || !readsVariable(node, holder)) return;
    const binding = index.resolve(node);
    if (!binding || node === binding.id) return;
    let wrappers: readonly T[] | undefined;
    if (binding.init && binding.path.length === 0) wrappers = classOf(unwrap(binding.init));
    else {
      const ref = imports.ofBinding(binding);
      if (!ref || !isLocalSpecifier(ref.source, file)) return;
      wrappers = classOf(evaluator.resolve(node)?.node, false);
    }
    if (!wrappers) return;
    const [use, parent] = outermost(node, index);
    if (!parent || isExport(use, parent, index)) return;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === use) return;
    if (isArgument(use, parent) && reachesTypedParameter(use, parent, evaluator)) return;
    note(wrappers, node);
  });
  return found;
}

function isArgument(use: AstNode, parent: AstNode): boolean {
  return (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression' || parent.type === 'NewExpression') && parent.callee !== use;
}

/** An argument of a call or `new` whose parameter there is declared with a class type, which the evaluator follows. */
function reachesTypedParameter(use: AstNode, call: AstNode, evaluator: Evaluator): boolean {
  const position = (call.arguments ?? []).indexOf(use);
  if (position < 0) return false;
  let fn: AstNode | null = null;
  if (call.type === 'NewExpression') {
    const cls = evaluator.resolve(call.callee)?.node;
    const members: AstNode[] = cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? cls.body.body : [];
    const ctor = members.find((m) => m.kind === 'constructor');
    fn = ctor ? (ctor.type === 'MethodDefinition' ? ctor.value : ctor) : null;
  } else {
    fn = evaluator.resolveFunction(call.callee)?.node ?? null;
  }
  const param = fn?.params?.[position];
  const id = param?.type === 'TSParameterProperty' ? param.parameter : param;
  return id?.type === 'Identifier' && id.typeAnnotation?.typeAnnotation?.type === 'TSTypeReference';
}

/** The class a wrapper method belongs to (its declaration node), or null for a function. */
export function classOfMethod(fn: AstNode, index: FileIndex): AstNode | null {
  const holder = fn.type === 'FunctionExpression' && index.parentOf(fn)?.type === 'MethodDefinition' ? index.parentOf(fn) : fn;
  const body = holder ? index.parentOf(holder) : null;
  const cls = body?.type === 'ClassBody' ? index.parentOf(body) : null;
  return cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? cls : null;
}

/** Wrappers grouped by the class they are methods of. */
export function wrapperClasses<T extends { fn: AstNode }>(wrappers: readonly T[], indexOf: (wrapper: T) => FileIndex): Map<AstNode, T[]> {
  const out = new Map<AstNode, T[]>();
  for (const wrapper of wrappers) {
    const cls = classOfMethod(wrapper.fn, indexOf(wrapper));
    if (cls) out.set(cls, [...(out.get(cls) ?? []), wrapper]);
  }
  return out;
}
