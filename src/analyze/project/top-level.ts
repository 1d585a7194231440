// What a top-level statement of a module declares in the module scope, read from its Babel node.
import type { AstNode } from '../ast.ts';

/**
 * The names a top-level statement declares in the module scope, or null when it may declare names
 * not written in its head (a `var` or, in sloppy code, a function inside a block or loop).
 */
export function declaredNames(statement: AstNode): string[] | null {
  const out: string[] = [];
  switch (statement.type) {
    case 'ExpressionStatement':
    case 'EmptyStatement':
    case 'ExportAllDeclaration':
    case 'TSExportAssignment':
    case 'TSNamespaceExportDeclaration':
      return out;
    case 'ImportDeclaration':
      for (const specifier of statement.specifiers as AstNode[]) out.push(specifier.local.name);
      return out;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      return statement.declaration ? declaredNames(statement.declaration) : out;
    case 'VariableDeclaration':
      for (const declarator of statement.declarations as AstNode[]) patternNames(declarator.id, out);
      return out;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSDeclareFunction':
    case 'TSEnumDeclaration':
    case 'TSModuleDeclaration':
    case 'TSImportEqualsDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSInterfaceDeclaration':
      if (statement.id?.type === 'Identifier') out.push(statement.id.name);
      return out;
    default:
      // Expressions under `export default`, loops, blocks, `if`, `try`...: take every word.
      return /Expression$|Literal$/.test(statement.type) ? out : null;
  }
}

function patternNames(node: AstNode | null | undefined, out: string[]): void {
  if (!node) return;
  switch (node.type) {
    case 'Identifier':
      out.push(node.name);
      break;
    case 'ObjectPattern':
      for (const property of node.properties as AstNode[]) patternNames(property.type === 'RestElement' ? property.argument : property.value, out);
      break;
    case 'ArrayPattern':
      for (const element of node.elements as Array<AstNode | null>) patternNames(element, out);
      break;
    case 'RestElement':
      patternNames(node.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(node.left, out);
      break;
    default:
      break;
  }
}
