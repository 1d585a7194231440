// An Evaluator that sees across modules. Each file keeps its own fast-scan evaluator; this one
// delegates to the evaluator of whichever module a node is in, then fills the holes that file could
// not resolve: names imported from other modules (via the TypeScript checker), `process.env.NAME`
// written only in an env file, `process.env.NAME || 'https://…'` fallbacks, and constructor
// parameters of an instance a call goes through.
import type { HttpMethod } from '../../types.ts';
import { calleeName, declaredMemberType, isCall, isFunction, isMember, memberPropertyName, stringValue, unwrap, type AstNode } from '../ast.ts';
import { noteParameterRead, parameterReadsWatched, singleReturn, type Env, type EnvValue, type Evaluator, type Resolved } from '../evaluate.ts';
import { isHole, staticText, type PartialString } from '../partial.ts';
import { looksLikeLocation } from './env-files.ts';
import type { ProjectModel } from './model.ts';
import type { ModuleUnit } from './units.ts';

const MAX_DEPTH = 16;
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The project evaluator as seen from one file (its `index` is that file's, as detectors expect). */
export function projectEvaluator(model: ProjectModel, home: ModuleUnit): Evaluator {
  const filling = new Set<AstNode>();
  const unitOf = (node: AstNode): ModuleUnit => model.unitOf(node) ?? home;

  function evaluate(raw: AstNode | null, env: Env | null = null): PartialString {
    const node = unwrap(raw);
    if (!node) return [];
    return fill(unitOf(node).base.evaluate(node, env));
  }

  function fill(parts: PartialString): PartialString {
    if (!parts.some((p) => isHole(p) && p.node)) return parts;
    const out: PartialString = [];
    for (const raw of parts) {
      // A file's evaluator writes a hole's text from its own source, even for another file's node.
      const part = isHole(raw) && raw.node ? { hole: unitOf(raw.node).base.sourceOf(raw.node), node: raw.node } : raw;
      if (!isHole(part) || !part.node || filling.has(part.node) || filling.size > MAX_DEPTH) {
        out.push(part);
        continue;
      }
      const value = valueFor(part.node);
      if (!value) {
        out.push(part);
        continue;
      }
      filling.add(part.node);
      try {
        out.push(...evaluate(value.node, value.env));
      } finally {
        filling.delete(part.node);
      }
    }
    return out;
  }

  /** What an unresolved expression stands for, when something outside its file says so. */
  function valueFor(raw: AstNode): Resolved | null {
    const node = unwrap(raw);
    if (!node) return null;
    const bound = boundByActiveEnv(node);
    if (bound) return bound;
    if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??')) return envFallback(node);
    const envName = processEnvName(node);
    if (envName) {
      const found = model.envValueNode(envName);
      if (!found || !looksLikeLocation(found.node.value)) return null;
      model.provenance.set(found.node, { kind: 'env-file', name: envName, definitions: found.definitions });
      return { node: found.node, env: null };
    }
    return definitionOf(node) ?? returnedAcross(node) ?? ownValueOf(node);
  }

  /**
   * A call to a function defined in another module (`basicAuth()` imported from `./auth`): what it
   * returns, its parameters bound to the call's arguments, as a file's own evaluator reads a call
   * to a function of its own.
   */
  function returnedAcross(node: AstNode): Resolved | null {
    if (!isCall(node)) return null;
    const fn = resolveFunction(node.callee);
    if (!fn || model.unitOf(fn.node) === unitOf(node)) return null;
    const returned = singleReturn(fn.node);
    return returned ? { node: returned, env: bindArguments(fn.node, node, null) } : null;
  }

  /**
   * A name another file's evaluator could not read because it is not its own: an argument of a call
   * to a wrapper in another module (`storeRequest('GET', ORDERS)`), read where the wrapper uses it.
   * The caller's own file knows what `ORDERS` is.
   */
  function ownValueOf(node: AstNode): Resolved | null {
    const resolved = unitOf(node).base.resolve(node);
    return resolved && resolved.node !== node ? resolved : null;
  }

  /** `process.env.NAME || 'https://store-….mybigcommerce.com'`: the literal, remembered as a fallback. */
  function envFallback(node: AstNode): Resolved | null {
    const name = processEnvName(unwrap(node.left));
    if (!name) return null;
    const fallback = unwrap(node.right);
    const text = fallback ? staticText(evaluate(fallback)) : null;
    if (fallback && text !== null && looksLikeLocation(text)) {
      const literal = stringValue(fallback) !== null ? fallback : null;
      if (literal) model.provenance.set(literal, { kind: 'env-fallback', name, definitions: model.env.get(name) ?? [] });
      return { node: fallback, env: null };
    }
    const found = model.envValueNode(name);
    if (!found || !looksLikeLocation(found.node.value)) return null;
    model.provenance.set(found.node, { kind: 'env-file', name, definitions: found.definitions });
    return { node: found.node, env: null };
  }

  /** A constructor parameter read through `this.x = options.x`, while a call on that instance is resolved. */
  function boundByActiveEnv(node: AstNode): Resolved | null {
    if (model.activeEnvs.length === 0 && !parameterReadsWatched()) return null;
    const root = chainRoot(node);
    if (root?.type !== 'Identifier') return null;
    const binding = unitOf(root).index.resolve(root);
    if (!binding || binding.kind !== 'param') return null;
    // A parameter read: with a constructor's arguments in effect this may answer, so a computation
    // watching for parameter reads (independent.ts) depends on them even while none are.
    noteParameterRead();
    if (model.activeEnvs.length === 0) return null;
    for (let i = model.activeEnvs.length - 1; i >= 0; i--) {
      if (model.activeEnvs[i].has(binding)) return { node, env: model.activeEnvs[i] };
    }
    return null;
  }

  /** The definition in another module of an imported name (or a member of one). */
  function definitionOf(node: AstNode): Resolved | null {
    if (!model.finder || typeof node.start !== 'number' || typeof node.end !== 'number') return null;
    let target = model.definitions.get(node);
    if (target === undefined) {
      // A definition does not depend on parameter values: ask the checker once per node.
      const unit = unitOf(node);
      const site = unit.kind === 'js' && crossesModules(node, unit) ? model.finder.definitionOf(unit.file, node.start, node.end, node) : null;
      target = site ? model.definitionNode(site) : null;
      model.definitions.set(node, target);
    }
    return target && target !== node ? { node: target, env: null } : null;
  }

  /** Only names whose value lives in another module are worth asking the checker about. */
  function crossesModules(node: AstNode, unit: ModuleUnit): boolean {
    const root = chainRoot(node);
    if (!root) return false;
    if (isCall(root)) return calleeName(root.callee) === 'require';
    if (root.type === 'ThisExpression') return isMember(node) && thisMayHoldImportedClass(node, root, unit);
    if (root.type !== 'Identifier') return false;
    const binding = unit.index.resolve(root);
    if (!binding) return false;
    if (binding.kind === 'import' || unit.imports.ofBinding(binding)) return true;
    // `c: BcClient` with `BcClient` imported: its methods are defined there.
    if (binding.kind === 'param') return isMember(node) && namesImportedType(binding.id?.typeAnnotation, binding.id, unit);
    if (binding.kind === 'catch' || !binding.init) return false;
    // `const client = new Client(...)` with `Client` imported: its members are defined there.
    const init = unwrap(binding.init);
    if (init?.type === 'NewExpression' || (init && isCall(init))) {
      const calleeRoot = chainRoot(unwrap(init.callee));
      if (calleeRoot?.type === 'Identifier') {
        const calleeBinding = unit.index.resolve(calleeRoot);
        return !!calleeBinding && (calleeBinding.kind === 'import' || !!unit.imports.ofBinding(calleeBinding));
      }
    }
    return false;
  }

  /**
   * `this.x.send` or `this.send` inside a class whose member may come from another module: the class
   * extends another, or `x` is a field made with an imported class (`bc = new BcClient()`) or declared
   * as one (`constructor(private bc: BcClient)`). Other `this` chains stay with the file's evaluator.
   */
  function thisMayHoldImportedClass(node: AstNode, self: AstNode, unit: ModuleUnit): boolean {
    let body: AstNode | null = unit.index.parentOf(self);
    while (body && body.type !== 'ClassBody') body = unit.index.parentOf(body);
    if (!body) return false;
    if (unit.index.parentOf(body)?.superClass) return true;
    let first: AstNode = node;
    while (isMember(unwrap(first.object)) && unwrap(first.object) !== self) first = unwrap(first.object)!;
    const key = unwrap(first.object) === self ? memberPropertyName(first) : null;
    if (key === null || first === node) return false;
    for (const member of body.body as AstNode[]) {
      if (memberKey(member) !== key || (member.type !== 'ClassProperty' && member.type !== 'PropertyDefinition')) continue;
      const init = unwrap(member.value);
      if (init?.type === 'NewExpression' && init.callee?.type === 'Identifier' && namesImport(init.callee.name, member, unit)) return true;
    }
    return namesImportedType(declaredMemberType(body, key), body, unit);
  }

  function namesImportedType(annotation: AstNode | null | undefined, at: AstNode | null | undefined, unit: ModuleUnit): boolean {
    const type = annotation?.typeAnnotation;
    return !!at && type?.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' && namesImport(type.typeName.name, at, unit);
  }

  function namesImport(name: string, at: AstNode, unit: ModuleUnit): boolean {
    const binding = unit.index.lookUpName(name, at);
    return !!binding && (binding.kind === 'import' || !!unit.imports.ofBinding(binding));
  }

  function resolve(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const node = unwrap(raw);
    if (!node) return null;
    let current: Resolved = { node, env };
    for (let step = 0; step < MAX_DEPTH; step++) {
      const local = unitOf(current.node).base.resolve(current.node, current.env) ?? current;
      const next = boundByActiveEnv(local.node) ?? definitionOf(local.node);
      if (!next || (next.node === local.node && next.env === local.env)) return local;
      const unwrapped = unwrap(next.node);
      if (!unwrapped) return local;
      current = { node: unwrapped, env: next.env };
    }
    return current;
  }

  function resolveObject(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const resolved = resolve(raw, env);
    return resolved && resolved.node.type === 'ObjectExpression' ? resolved : null;
  }

  function resolveFunction(raw: AstNode | null, env: Env | null = null): Resolved | null {
    const node = unwrap(raw);
    if (!node) return null;
    if (isFunction(node)) return { node, env };
    const resolved = resolve(node, env);
    if (resolved && (isFunction(resolved.node) || resolved.node.type === 'FunctionExpression')) return resolved;
    if (resolved && resolved.node.type === 'Property' && resolved.node.method) return { node: resolved.node.value, env: resolved.env };
    return null;
  }

  /** Like the file evaluator's, but an argument whose value lives in another module is bound to that value. */
  function bindArguments(fn: AstNode, call: AstNode, callerEnv: Env | null): Env {
    const env: Env = new Map();
    unitOf(fn).index.paramBindings(fn).forEach((bindings, i) => {
      const arg = call.arguments?.[i];
      const node = arg && arg.type !== 'SpreadElement' ? (arg as AstNode) : null;
      let value: EnvValue = { node, env: callerEnv };
      if (node) {
        const resolved = resolve(node, callerEnv);
        if (resolved && model.unitOf(resolved.node) !== model.unitOf(node)) value = { node: resolved.node, env: resolved.env };
      }
      for (const binding of bindings) env.set(binding, value);
    });
    return env;
  }

  function evaluateMethod(raw: AstNode | null, env: Env | null = null): HttpMethod | null {
    if (!raw) return null;
    const value = staticText(evaluate(raw, env));
    if (value === null) return null;
    const upper = value.trim().toUpperCase();
    return METHODS.has(upper) ? (upper as HttpMethod) : null;
  }

  return {
    index: home.index,
    evaluate,
    evaluateMethod,
    evaluateBoolean: (node, env = null) => (node ? unitOf(node).base.evaluateBoolean(node, env) : null),
    resolve,
    resolveObject,
    resolveFunction,
    paramBindingOf: (node) => (node ? unitOf(node).base.paramBindingOf(node) : null),
    bindArguments,
    sourceOf: (node) => unitOf(node).base.sourceOf(node),
  };
}

function memberKey(member: AstNode): string | null {
  const key = member.key;
  if (!key || member.computed) return null;
  return key.type === 'Identifier' ? key.name : typeof key.value === 'string' ? key.value : null;
}

/** `process.env.NAME` / `process.env['NAME']`: the name, or null. */
export function processEnvName(raw: AstNode | null): string | null {
  const node = unwrap(raw);
  if (!node || !isMember(node)) return null;
  const object = unwrap(node.object);
  if (!object || !isMember(object) || memberPropertyName(object) !== 'env') return null;
  const proc = unwrap(object.object);
  if (proc?.type !== 'Identifier' || proc.name !== 'process') return null;
  return memberPropertyName(node);
}

/** The identifier (or `require(...)` call, or `this`) a member chain starts from. */
export function chainRoot(raw: AstNode | null): AstNode | null {
  let node = unwrap(raw);
  for (let i = 0; node && i < 32; i++) {
    if (isMember(node)) node = unwrap(node.object);
    else return node;
  }
  return null;
}
