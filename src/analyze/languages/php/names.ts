// Class names as a PHP file means them: `use Bigcommerce\Api\Client as Bigcommerce;` makes
// `Bigcommerce::configure` the official client's `configure`.
import type { Node } from 'web-tree-sitter';
import { field, namedChildren } from '../syntax.ts';

export class PhpNames {
  private readonly aliases = new Map<string, string>();

  constructor(root: Node) {
    for (const clause of root.descendantsOfType('namespace_use_clause')) {
      if (!clause) continue;
      const parts = namedChildren(clause);
      const target = parts.find((p) => p.type === 'qualified_name' || p.type === 'name');
      if (!target) continue;
      const fqn = target.text.replace(/^\\/, '');
      const alias = field(clause, 'alias')?.text ?? fqn.split('\\').pop() ?? fqn;
      this.aliases.set(alias.toLowerCase(), fqn);
    }
  }

  /** The fully qualified name (no leading `\`) a class name node stands for. */
  resolve(node: Node): string {
    const text = node.text;
    if (text.startsWith('\\')) return text.slice(1);
    const [first, ...rest] = text.split('\\');
    const mapped = this.aliases.get(first.toLowerCase());
    return mapped ? [mapped, ...rest].join('\\') : text;
  }
}

/** The official PHP client under its current and its pre-namespace names. */
export function isBigcommerceClientClass(fqn: string): boolean {
  return /^(bigcommerce\\api\\client|bigcommerce_api|bigcommerce)$/i.test(fqn);
}

export function isGuzzleClientClass(fqn: string): boolean {
  return /^guzzlehttp\\client$/i.test(fqn);
}
