// Which involved modules may import which, read from their texts with every relative-looking string
// counted (module-specifiers.ts `possibleImports`): more edges than any resolver, the TypeScript
// checker's included, could find. What is not reachable here is not reachable at all.
import type { DiscoveredFile, SourceText } from '../../discover/types.ts';
import { possibleImportsReader } from './module-specifiers.ts';

export interface ImportGraph {
  /** Involved modules some involved module may import. */
  maybeImported: ReadonlySet<string>;
  /** Whether a module neither may import an involved module nor may be imported by one. */
  isolated(path: string): boolean;
  /** Whether a module may import one of `targets`, directly or through other involved modules. */
  reaches(path: string, targets: ReadonlySet<string>): boolean;
}

export function importGraph(sources: ReadonlyArray<{ file: DiscoveredFile; source: SourceText }>, modules: readonly string[]): ImportGraph {
  const involved = new Set(modules);
  const edges = new Map<string, string[]>();
  const maybeImported = new Set<string>();
  const possibleImports = possibleImportsReader(involved);
  for (const { file, source } of sources) {
    if (file.kind !== 'js') continue;
    const targets = possibleImports(file.path, source.text);
    if (targets.length === 0) continue;
    edges.set(file.path, targets);
    for (const target of targets) maybeImported.add(target);
  }
  return {
    maybeImported,
    isolated: (path) => !maybeImported.has(path) && !edges.has(path),
    reaches(path, targets) {
      const seen = new Set<string>();
      const stack = [...(edges.get(path) ?? [])];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (targets.has(next)) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(edges.get(next) ?? []));
      }
      return false;
    },
  };
}
