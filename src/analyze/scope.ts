// Same-file name resolution without @babel/traverse: a parent map built in one walk, and lexical
// scopes searched outward from a reference. Works on Babel and estree shaped trees alike.
import { isFunction, isNode, walk, type AstNode } from './ast.ts';

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'function' | 'class' | 'enum' | 'import' | 'catch';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier that declares the name. */
  id: AstNode;
  /** The declaring node: VariableDeclarator, FunctionDeclaration, ClassDeclaration, import specifier, or the function for a parameter. */
  declaration: AstNode;
  /** For variables: the initializer; for a destructured name, the initializer of the whole pattern. */
  init: AstNode | null;
  /** For a destructured name, the property path inside `init` (`const { a: { b } } = x` → ['a','b']). */
  path: string[];
  /** For a parameter: its function and position; `defaultValue` when written `p = value`. */
  paramIndex?: number;
  defaultValue?: AstNode | null;
  scope: AstNode;
}

/** Everything the analysis needs to know about one parsed file, computed in a single walk. */
export interface FileIndex {
  root: AstNode;
  text: string;
  parentOf(node: AstNode): AstNode | null;
  /** Call and `new` expressions, in source order. */
  calls: AstNode[];
  /** Functions of every form, in source order. */
  functions: AstNode[];
  /** `x = ...`, `x += ...`, `x++` targets (identifiers) and `this.x = ...` assignments. */
  assignments: AstNode[];
  /** `window.x` / `document.x` member accesses (the global may be shadowed; check with resolve). */
  browserGlobalRefs: AstNode[];
  resolve(identifier: AstNode): Binding | null;
  /** The binding a name has where `at` (a node this index holds) is: for names the index does not hold, such as a type annotation's. */
  lookUpName(name: string, at: AstNode): Binding | null;
  /** True when a `let`/`var` binding is assigned anywhere after its declaration. */
  isReassigned(binding: Binding): boolean;
  /** The bindings each parameter of a function declares, by position (a destructured one declares several). Shared: not to be changed. */
  paramBindings(fn: AstNode): ReadonlyArray<readonly Binding[]>;
}

/** `nodes`: filled with every node visited (the nodes `walk` visits), for a caller that needs them all again. */
export function indexFile(root: AstNode, text: string, nodes?: AstNode[]): FileIndex {
  const parents = new WeakMap<AstNode, AstNode | null>();
  const calls: AstNode[] = [];
  const functions: AstNode[] = [];
  const assignments: AstNode[] = [];
  const browserGlobalRefs: AstNode[] = [];
  walk(root, (node, parent) => {
    parents.set(node, parent);
    nodes?.push(node);
    switch (node.type) {
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        calls.push(node);
        break;
      case 'AssignmentExpression':
      case 'UpdateExpression':
        assignments.push(node);
        break;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        if (node.object?.type === 'Identifier' && (node.object.name === 'window' || node.object.name === 'document')) browserGlobalRefs.push(node.object);
        break;
      default:
        if (isFunction(node)) functions.push(node);
    }
  });

  const scopeCache = new WeakMap<AstNode, Map<string, Binding>>();
  let reassigned: Set<Binding> | null = null;

  const parentOf = (node: AstNode): AstNode | null => parents.get(node) ?? null;

  function bindingsOf(scope: AstNode): Map<string, Binding> {
    let map = scopeCache.get(scope);
    if (!map) {
      map = collectScopeBindings(scope);
      scopeCache.set(scope, map);
    }
    return map;
  }

  // An identifier is often resolved several times over (the evaluator, the detectors, the project pass).
  const resolved = new Map<AstNode, Binding | null>();

  function resolve(identifier: AstNode): Binding | null {
    let binding = resolved.get(identifier);
    if (binding === undefined) {
      binding = lookUp(identifier);
      resolved.set(identifier, binding);
    }
    return binding;
  }

  function lookUp(identifier: AstNode): Binding | null {
    return lookUpName(identifier.name as string, identifier);
  }

  function lookUpName(name: string, at: AstNode): Binding | null {
    let node: AstNode | null = at;
    while (node) {
      if (createsScope(node)) {
        const found = bindingsOf(node).get(name);
        if (found) return found;
      }
      node = parentOf(node);
    }
    return null;
  }

  function isReassigned(binding: Binding): boolean {
    if (binding.kind === 'const' || binding.kind === 'import' || binding.kind === 'class' || binding.kind === 'enum') return false;
    if (!reassigned) {
      reassigned = new Set();
      for (const assignment of assignments) {
        const target = assignment.type === 'UpdateExpression' ? assignment.argument : assignment.left;
        for (const id of patternIdentifiers(target)) {
          const b = resolve(id);
          if (b) reassigned.add(b);
        }
      }
    }
    return reassigned.has(binding);
  }

  // A wrapper's parameters are bound again at each of its calls.
  const paramsOf = new Map<AstNode, Binding[][]>();

  function paramBindings(fn: AstNode): ReadonlyArray<readonly Binding[]> {
    let params = paramsOf.get(fn);
    if (!params) {
      params = bindingsByParam(fn);
      paramsOf.set(fn, params);
    }
    return params;
  }

  function bindingsByParam(fn: AstNode): Binding[][] {
    const scopeNode = fn.type === 'MethodDefinition' || (fn.type === 'Property' && fn.method) ? fn.value : fn;
    const byIndex: Binding[][] = (scopeNode.params ?? []).map(() => []);
    for (const binding of bindingsOf(scopeNode).values()) {
      if (binding.kind === 'param' && binding.paramIndex !== undefined) byIndex[binding.paramIndex]?.push(binding);
    }
    return byIndex;
  }

  return { root, text, parentOf, calls, functions, assignments, browserGlobalRefs, resolve, lookUpName, isReassigned, paramBindings };
}

function createsScope(node: AstNode): boolean {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'CatchClause':
    case 'SwitchStatement':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return true;
    default:
      return isFunction(node);
  }
}

function collectScopeBindings(scope: AstNode): Map<string, Binding> {
  const map = new Map<string, Binding>();
  const add = (b: Binding) => {
    if (!map.has(b.name)) map.set(b.name, b);
  };

  if (isFunction(scope)) {
    const fn = scope.type === 'MethodDefinition' ? scope.value : scope;
    (fn.params ?? []).forEach((param: AstNode, index: number) => {
      let target = param.type === 'TSParameterProperty' ? param.parameter : param;
      let defaultValue: AstNode | null = null;
      if (target.type === 'AssignmentPattern') {
        defaultValue = target.right;
        target = target.left;
      }
      for (const [id, path] of patternBindings(target)) {
        add({ name: id.name, kind: 'param', id, declaration: scope, init: null, path, paramIndex: index, defaultValue: path.length === 0 ? defaultValue : null, scope });
      }
    });
    if (scope.type === 'FunctionExpression' && scope.id) {
      add({ name: scope.id.name, kind: 'function', id: scope.id, declaration: scope, init: scope, path: [], scope });
    }
    if (scope.body?.type === 'BlockStatement') {
      // `var` and function declarations anywhere in the body belong to the function.
      collectHoisted(scope.body, scope, add);
    }
    return map;
  }

  if (scope.type === 'ClassDeclaration' || scope.type === 'ClassExpression') {
    if (scope.id) add({ name: scope.id.name, kind: 'class', id: scope.id, declaration: scope, init: scope, path: [], scope });
    return map;
  }
  if (scope.type === 'CatchClause') {
    if (scope.param) for (const [id, path] of patternBindings(scope.param)) add({ name: id.name, kind: 'catch', id, declaration: scope, init: null, path, scope });
    return map;
  }
  if (scope.type === 'ForStatement' || scope.type === 'ForInStatement' || scope.type === 'ForOfStatement') {
    const decl = scope.type === 'ForStatement' ? scope.init : scope.left;
    if (decl?.type === 'VariableDeclaration') {
      for (const d of decl.declarations) {
        for (const [id, path] of patternBindings(d.id)) {
          add({ name: id.name, kind: 'let', id, declaration: d, init: scope.type === 'ForStatement' ? d.init : null, path, scope });
        }
      }
    }
    return map;
  }

  const statements: AstNode[] = scope.type === 'SwitchStatement' ? scope.cases.flatMap((c: AstNode) => c.consequent) : scope.body ?? [];
  if (scope.type === 'Program') collectHoisted(scope, scope, add);
  else for (const raw of statements) declareStatement(raw, scope, add, false);
  return map;
}

function declareStatement(raw: AstNode, scope: AstNode, add: (b: Binding) => void, varsOnly: boolean): void {
  const statement = raw.type === 'ExportNamedDeclaration' || raw.type === 'ExportDefaultDeclaration' ? raw.declaration : raw;
  if (!statement) return;
  if (statement.type === 'VariableDeclaration') {
    if (varsOnly && statement.kind !== 'var') return;
    const kind: BindingKind = statement.kind === 'const' ? 'const' : statement.kind === 'var' ? 'var' : 'let';
    for (const d of statement.declarations) {
      for (const [id, path] of patternBindings(d.id)) add({ name: id.name, kind, id, declaration: d, init: d.init ?? null, path, scope });
    }
    return;
  }
  if (varsOnly) return;
  if ((statement.type === 'FunctionDeclaration' || statement.type === 'TSDeclareFunction') && statement.id) {
    add({ name: statement.id.name, kind: 'function', id: statement.id, declaration: statement, init: statement, path: [], scope });
  } else if (statement.type === 'ClassDeclaration' && statement.id) {
    add({ name: statement.id.name, kind: 'class', id: statement.id, declaration: statement, init: statement, path: [], scope });
  } else if (statement.type === 'TSEnumDeclaration' && statement.id) {
    add({ name: statement.id.name, kind: 'enum', id: statement.id, declaration: statement, init: statement, path: [], scope });
  } else if (statement.type === 'ImportDeclaration') {
    for (const spec of statement.specifiers ?? []) {
      add({ name: spec.local.name, kind: 'import', id: spec.local, declaration: spec, init: null, path: [], scope });
    }
  } else if (statement.type === 'TSImportEqualsDeclaration' && statement.id) {
    add({ name: statement.id.name, kind: 'import', id: statement.id, declaration: statement, init: null, path: [], scope });
  }
}

/** `var` declarations nested in blocks of a function (or program) body, without entering inner functions. */
function collectHoisted(body: AstNode, scope: AstNode, add: (b: Binding) => void): void {
  walk(body, (node) => {
    if (node !== body && (isFunction(node) || node.type === 'ClassBody')) return false;
    if (node.type === 'VariableDeclaration' && node.kind === 'var') declareStatement(node, scope, add, true);
    return undefined;
  });
  if (body.type === 'BlockStatement' || body.type === 'Program') {
    for (const statement of body.body) declareStatement(statement, scope, add, false);
  }
}

/** Identifiers a pattern declares, each with its property path inside the destructured value. */
export function patternBindings(pattern: AstNode | null, path: string[] = []): Array<[AstNode, string[]]> {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [[pattern, path]];
    case 'AssignmentPattern':
      return patternBindings(pattern.left, path);
    case 'ObjectPattern':
      return pattern.properties.flatMap((prop: AstNode) => {
        if (prop.type === 'RestElement') return patternBindings(prop.argument, [...path, '…']);
        const key = !prop.computed && prop.key.type === 'Identifier' ? prop.key.name : typeof prop.key.value === 'string' ? prop.key.value : '…';
        return patternBindings(prop.value, [...path, key]);
      });
    case 'ArrayPattern':
      return pattern.elements.flatMap((el: AstNode | null, i: number) => (el ? patternBindings(el.type === 'RestElement' ? el.argument : el, [...path, `[${i}]`]) : []));
    case 'RestElement':
      return patternBindings(pattern.argument, [...path, '…']);
    case 'TSParameterProperty':
      return patternBindings(pattern.parameter, path);
    default:
      return [];
  }
}

function patternIdentifiers(target: AstNode | null): AstNode[] {
  if (!target || !isNode(target)) return [];
  if (target.type === 'Identifier') return [target];
  return patternBindings(target).map(([id]) => id);
}
