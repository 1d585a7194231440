// Whether a module lends a legacy API location to other modules: `export const BC_BASE =
// 'https://store-abc123.mybigcommerce.com/api/v2'`. Such a module has no finding of its own, yet the
// files importing it make legacy calls; the cross-file pass must run for them even when the fast scan
// found nothing else.
import { nodeRange, type AstNode } from './ast.ts';

/** What a store host or the legacy API path looks like in the source text of a value. */
const LEGACY_LOCATION = /mybigcommerce|\/api\/v2/i;

/** True when a top-level export (ES or CommonJS) holds, or names a top-level value holding, a store host or `/api/v2`. */
export function exportsLegacyValue(program: AstNode, text: string): boolean {
  const inits = topLevelInits(program);
  const holds = (node: AstNode | null | undefined, depth = 0): boolean => {
    if (!node) return false;
    const range = nodeRange(node);
    if (range && LEGACY_LOCATION.test(text.slice(range[0], range[1]))) return true;
    if (depth > 0) return false;
    // `export { BASE }`, `module.exports = { BASE }`, `export default BASE`: the value one name stands for.
    return namesIn(node).some((name) => holds(inits.get(name), depth + 1));
  };
  for (const statement of program.body as AstNode[]) {
    for (const value of exportedValues(statement)) if (holds(value)) return true;
  }
  return false;
}

function topLevelInits(program: AstNode): Map<string, AstNode> {
  const inits = new Map<string, AstNode>();
  for (const statement of program.body as AstNode[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations as AstNode[]) if (d.id?.type === 'Identifier' && d.init) inits.set(d.id.name as string, d.init);
  }
  return inits;
}

/** The value nodes one top-level statement exports. */
function exportedValues(statement: AstNode): AstNode[] {
  switch (statement.type) {
    case 'ExportNamedDeclaration':
      if (statement.declaration?.type === 'VariableDeclaration') return (statement.declaration.declarations as AstNode[]).map((d) => d.init).filter(Boolean);
      return ((statement.specifiers ?? []) as AstNode[]).map((s) => s.local).filter(Boolean);
    case 'ExportDefaultDeclaration':
      return [statement.declaration];
    case 'ExpressionStatement': {
      const e = statement.expression;
      return e?.type === 'AssignmentExpression' && isCommonJsExport(e.left) ? [e.right] : [];
    }
    default:
      return [];
  }
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isCommonJsExport(node: AstNode | null | undefined): boolean {
  let object = node;
  while (object?.type === 'MemberExpression') {
    if (object.object?.type === 'Identifier' && (object.object.name === 'exports' || (object.object.name === 'module' && object.property?.name === 'exports'))) return true;
    object = object.object;
  }
  return false;
}

/** An identifier, or the identifiers an object literal's values are. */
function namesIn(node: AstNode): string[] {
  if (node.type === 'Identifier') return [node.name as string];
  if (node.type !== 'ObjectExpression') return [];
  return (node.properties as AstNode[]).flatMap((p) => (p.value?.type === 'Identifier' ? [p.value.name as string] : []));
}
