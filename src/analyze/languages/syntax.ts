// Small helpers over tree-sitter nodes that every language module shares.
import type { Node } from 'web-tree-sitter';
import type { SourceLocation } from '../../types.ts';

/** The node's span as a SourceLocation (1-based lines and columns). */
export function locationOf(file: string, node: Node): SourceLocation {
  return {
    file,
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** Every named descendant (the node itself included) for which `keep` holds, in document order. */
export function findAll(root: Node, keep: (node: Node) => boolean): Node[] {
  const out: Node[] = [];
  const cursor = root.walk();
  let reachedRoot = false;
  while (!reachedRoot) {
    const node = cursor.currentNode;
    if (node.isNamed && keep(node)) out.push(node);
    if (cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) continue;
    let climbing = true;
    while (climbing) {
      if (!cursor.gotoParent() || cursor.currentNode.id === root.id) {
        reachedRoot = true;
        climbing = false;
      } else if (cursor.gotoNextSibling()) {
        climbing = false;
      }
    }
  }
  cursor.delete();
  return out;
}

export function ofType(root: Node, ...types: string[]): Node[] {
  const wanted = new Set(types);
  return findAll(root, (n) => wanted.has(n.type));
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

/** The nearest ancestor (not the node itself) for which `test` holds. */
export function closest(node: Node, test: (n: Node) => boolean): Node | null {
  let current = node.parent;
  while (current) {
    if (test(current)) return current;
    current = current.parent;
  }
  return null;
}

export function isInside(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** The full source lines the node spans, for the finding's code frame. */
export function linesOf(text: string, node: Node): string {
  const lines = text.split(/\r?\n/);
  return lines.slice(node.startPosition.row, node.endPosition.row + 1).join('\n');
}
