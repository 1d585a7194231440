// A named export the Babel tree answers for certain, so the TypeScript checker (and ts-morph's half
// a second of loading) is needed only for what it alone can tell: re-exports, aliases, defaults,
// CommonJS, merged declarations. The answer is the site the checker gives for the same question
// (see `valueOfDeclaration` in declarations.ts): a function or class declaration itself, or the
// initializer of a variable.
import type { AstNode } from '../ast.ts';
import type { DefinitionSite } from './declarations.ts';
import { declaredNames } from './top-level.ts';
import type { ModuleUnit } from './units.ts';

/** Signs that the checker may read the module's exports as CommonJS (`export =` is checked on the tree). */
const COMMONJS = /\bmodule\s*\.\s*exports\b|\bexports\s*[.[=]/;
/** Extensions TypeScript reads as CommonJS whatever the syntax. */
const COMMONJS_FILE = /\.c[jt]s$/i;

/**
 * The site of `export function name`, `export class name` or `export const name = value` in
 * `unit`, when `name` is declared exactly once at the top level and exported only there; undefined
 * when anything else could be involved (the checker then answers).
 */
export function plainExport(unit: ModuleUnit, name: string): DefinitionSite | undefined {
  if (unit.kind !== 'js' || name === 'default' || COMMONJS_FILE.test(unit.file) || COMMONJS.test(unit.text)) return undefined;
  let found: AstNode | null = null;
  for (const statement of unit.root.body as AstNode[]) {
    if (statement.type === 'TSExportAssignment' || exportsByName(statement, name)) return undefined;
    const declared = declaredNames(statement);
    if (declared === null) {
      // A block or loop may hoist a `var` of this name.
      if (mentions(unit.text, statement, name)) return undefined;
      continue;
    }
    if (!declared.includes(name)) continue;
    if (found) return undefined;
    found = statement;
  }
  if (!found || found.type !== 'ExportNamedDeclaration' || found.exportKind === 'type') return undefined;
  const declaration = found.declaration as AstNode;
  if (declaration.declare) return undefined;
  // The checker's declaration starts at its first modifier or decorator: the earlier of the two starts.
  const start = Math.min(found.start ?? 0, declaration.start ?? 0);
  switch (declaration.type) {
    case 'FunctionDeclaration':
      return { file: unit.file, start, end: declaration.end!, kind: 'function' };
    case 'ClassDeclaration':
      return { file: unit.file, start, end: declaration.end!, kind: 'class' };
    case 'VariableDeclaration': {
      const declarator = (declaration.declarations as AstNode[]).find((d) => d.id.type === 'Identifier' && d.id.name === name);
      const init = declarator?.init as AstNode | null | undefined;
      // The checker's initializer of `(value)` is the parenthesized expression, which Babel has no node for.
      if (!init || init.extra?.parenthesized || typeof init.start !== 'number' || typeof init.end !== 'number') return undefined;
      return { file: unit.file, start: init.start, end: init.end, kind: initializerKind(init) };
    }
    default:
      return undefined;
  }
}

/** `export { x as name }`, `export * as name from`, `export name from` (proposal). */
function exportsByName(statement: AstNode, name: string): boolean {
  if (statement.type === 'ExportAllDeclaration') return exportedName(statement.exported) === name;
  if (statement.type !== 'ExportNamedDeclaration') return false;
  return ((statement.specifiers ?? []) as AstNode[]).some((s) => exportedName(s.exported) === name);
}

function exportedName(node: AstNode | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name;
  return typeof node.value === 'string' ? node.value : null;
}

function initializerKind(init: AstNode): DefinitionSite['kind'] {
  if (init.type === 'ClassExpression') return 'class';
  if (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression') return 'function';
  return 'value';
}

function mentions(text: string, statement: AstNode, name: string): boolean {
  const slice = text.slice(statement.start ?? 0, statement.end ?? text.length);
  const escaped = name.replace(/[$]/g, '\\$');
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(slice);
}
