// Same-file name bindings (`$url = '...'`, `BASE = "..."`, `@base = '...'`), per scope, so the
// evaluators can follow a name to the one value it was given. A name given two values in the same
// scope is ambiguous and resolves to nothing: we never guess which one runs.
import type { Node } from 'web-tree-sitter';
import { findAll } from './syntax.ts';

export interface BindingRules {
  /** Nodes that open a scope (function and method bodies, classes...). The root is always one. */
  isScope(node: Node): boolean;
  /** For an assignment-like node: the bound name (as the language spells it) and the value node. */
  binding(node: Node): { name: string; value: Node } | null;
}

export class Bindings {
  private readonly byScope = new Map<number, Map<string, Node[]>>();

  constructor(
    private readonly root: Node,
    private readonly rules: BindingRules,
  ) {
    for (const node of findAll(root, (n) => rules.binding(n) !== null)) {
      const bound = rules.binding(node);
      if (!bound) continue;
      const scope = this.scopeOf(node);
      let names = this.byScope.get(scope.id);
      if (!names) this.byScope.set(scope.id, (names = new Map()));
      const values = names.get(bound.name) ?? [];
      values.push(bound.value);
      names.set(bound.name, values);
    }
  }

  /** The scope node a node belongs to (the nearest enclosing scope, or the root). */
  scopeOf(node: Node): Node {
    let current = node.parent;
    while (current) {
      if (current.id === this.root.id || this.rules.isScope(current)) return current;
      current = current.parent;
    }
    return this.root;
  }

  /**
   * The single value bound to `name` as seen from `from`. With `outer`, enclosing scopes are searched
   * when the nearest one does not bind the name (Python globals, constants); without, only the nearest.
   */
  lookup(name: string, from: Node, outer: boolean): Node | null {
    let scope: Node | null = this.scopeOf(from);
    while (scope) {
      const values = this.byScope.get(scope.id)?.get(name);
      if (values) return values.length === 1 ? values[0] : null;
      if (!outer || scope.id === this.root.id) return null;
      scope = this.scopeOf(scope);
    }
    return null;
  }

  /** Every value bound to `name` anywhere in the file. */
  allValues(name: string): Node[] {
    const out: Node[] = [];
    for (const names of this.byScope.values()) out.push(...(names.get(name) ?? []));
    return out;
  }
}
