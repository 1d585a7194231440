// The modules of one project pass and what is known across them: which module a node is in, where a
// name is defined (TypeScript checker), env file values, and where substituted values came from.
import { isFunction, walk, type AstNode } from '../ast.ts';
import type { Env } from '../evaluate.ts';
import type { DefinitionFinder, DefinitionSite } from './declarations.ts';
import { soleEnvValue, type EnvDefinition, type EnvIndex } from './env-files.ts';
import { envLiteral, registerNodes, type ModuleUnit } from './units.ts';

/** Why a value was substituted for an expression the file alone could not resolve. */
export type Provenance =
  | { kind: 'env-file'; name: string; definitions: EnvDefinition[] }
  | { kind: 'env-fallback'; name: string; definitions: EnvDefinition[] };

export interface ProjectModel {
  units: Map<string, ModuleUnit>;
  /**
   * The unit a node is in, once that unit is registered: every analyzed unit is (see `register`),
   * and so is any unit a definition is found in. Null otherwise: an evaluator then reads the node
   * as its own file's, which is where an unregistered unit's nodes can only be met.
   */
  unitOf(node: AstNode | null | undefined): ModuleUnit | null;
  /** Maps every node of a unit to it (once). */
  register(unit: ModuleUnit): void;
  /** The Babel node a definition site names, in its module. */
  definitionNode(site: DefinitionSite): AstNode | null;
  finder: DefinitionFinder | null;
  env: EnvIndex;
  /** Stand-in literal for an env key's sole value (one node per key, so traces point at one place). */
  envValueNode(name: string): { node: AstNode; definitions: EnvDefinition[] } | null;
  provenance: WeakMap<AstNode, Provenance>;
  /** Memo of cross-module definitions by the node that names them (null: none). */
  definitions: WeakMap<AstNode, AstNode | null>;
  /**
   * Parameter values in effect while a call through an instance is resolved: the constructor's
   * arguments (`new Client(config)`), which `this.x = options.x` reads need.
   */
  activeEnvs: Env[];
}

export function createModel(units: ModuleUnit[], env: EnvIndex, finder: DefinitionFinder | null): ProjectModel {
  // A Map, not a WeakMap: it lives only as long as the pass, and a WeakMap over every node of a
  // few thousand files costs the garbage collector seconds (each entry is an ephemeron).
  const owners = new Map<AstNode, ModuleUnit>();
  const byFile = new Map<string, ModuleUnit>();
  for (const unit of units) byFile.set(unit.file, unit);
  const registered = new Set<ModuleUnit>();
  const register = (unit: ModuleUnit) => {
    if (registered.has(unit)) return;
    registered.add(unit);
    registerNodes(unit, owners);
  };
  const spans = new Map<ModuleUnit, Map<string, AstNode[]>>();
  const envNodes = new Map<string, { node: AstNode; definitions: EnvDefinition[] } | null>();

  function spanIndex(unit: ModuleUnit): Map<string, AstNode[]> {
    let map = spans.get(unit);
    if (!map) {
      map = new Map();
      const m = map;
      walk(unit.root, (node) => {
        if (typeof node.end !== 'number') return;
        const key = String(node.end);
        const list = m.get(key) ?? [];
        list.push(node);
        m.set(key, list);
      });
      spans.set(unit, map);
    }
    return map;
  }

  const model: ProjectModel = {
    units: byFile,
    unitOf: (node) => (node ? owners.get(node) ?? null : null),
    register,
    finder,
    env,
    provenance: new WeakMap(),
    definitions: new WeakMap(),
    activeEnvs: [],
    definitionNode(site) {
      const unit = byFile.get(site.file);
      if (!unit) return null;
      register(unit);
      const candidates = spanIndex(unit).get(String(site.end)) ?? [];
      if (site.kind === 'value') {
        // Innermost node with the same span that is an expression (a statement may share the span).
        const same = candidates.filter((n) => n.start === site.start && !/Statement$|Declaration$|^Program$/.test(n.type));
        return same[same.length - 1] ?? null;
      }
      // TypeScript counts `export` / `default` / modifiers into a declaration; Babel puts them outside.
      const wanted = site.kind === 'class' ? (n: AstNode) => n.type === 'ClassDeclaration' || n.type === 'ClassExpression' : isFunction;
      const found = candidates.filter((n) => wanted(n) && (n.start ?? 0) >= site.start);
      return found[found.length - 1] ?? null;
    },
    envValueNode(name) {
      if (envNodes.has(name)) return envNodes.get(name)!;
      const sole = soleEnvValue(env, name);
      let result: { node: AstNode; definitions: EnvDefinition[] } | null = null;
      if (sole) {
        // The template (.env.example) is where a rewrite goes; a real .env is only reported.
        const first = sole.definitions.find((d) => !d.real) ?? sole.definitions[0];
        const unit = byFile.get(first.file);
        if (unit) {
          const node = envLiteral(unit, sole.value, first.line);
          owners.set(node, unit);
          result = { node, definitions: sole.definitions };
        }
      }
      envNodes.set(name, result);
      return result;
    },
  };
  return model;
}
