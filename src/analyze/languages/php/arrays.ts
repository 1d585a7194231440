// PHP array literals (`array(...)` and `[...]`) read as key → entry maps and value lists.
import type { Node } from 'web-tree-sitter';
import type { PhpEvaluator } from './evaluate.ts';
import { namedChildren } from '../syntax.ts';

export interface ArrayEntry {
  /** The whole `'key' => value` element. */
  element: Node;
  key: Node | null;
  keyText: string | null;
  value: Node;
}

export function arrayEntries(array: Node, evaluator: PhpEvaluator): ArrayEntry[] {
  return namedChildren(array)
    .filter((e) => e.type === 'array_element_initializer')
    .map((element) => {
      const children = namedChildren(element).filter((c) => c.type !== 'by_ref');
      if (children.length >= 2) {
        const key = children[0];
        return { element, key, keyText: keyName(key, evaluator), value: children[children.length - 1] };
      }
      return { element, key: null, keyText: null, value: children[0] ?? element };
    });
}

function keyName(key: Node, evaluator: PhpEvaluator): string | null {
  if (key.type === 'name') return key.text;
  return evaluator.staticText(key);
}

/** The array literal a node is, or the one a variable holding it was given in the same scope. */
export function arrayLiteral(node: Node | null, evaluator: PhpEvaluator): Node | null {
  let current = node;
  for (let i = 0; current && i < 5; i++) {
    if (current.type === 'array_creation_expression') return current;
    if (current.type !== 'variable_name' && current.type !== 'member_access_expression') return null;
    current = evaluator.variables.lookup(current.text, current, false);
  }
  return null;
}

export function entryMap(entries: ArrayEntry[]): Map<string, ArrayEntry> {
  const map = new Map<string, ArrayEntry>();
  for (const entry of entries) if (entry.keyText !== null) map.set(entry.keyText.toLowerCase(), entry);
  return map;
}
