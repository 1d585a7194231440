// Whether the project pass may edit a URL literal or a basic auth property: the definition it sits in
// (`const STORE = '…'`, `export const AUTH = { Authorization: … }`) must feed only the requests being
// rewritten, in its own file and in the files that import it. A store URL also used for a storefront
// link (`STORE + '/cart.php'`, `export const storeHome = STORE`) would otherwise point that link at
// the API gateway, and headers also sent to another host would carry the store's token there.
import { isFunction, isReferenceIdentifier, unwrap, walk, within, type AstNode } from '../ast.ts';
import { inlineImport } from '../imports.ts';
import type { Binding } from '../scope.ts';
import type { ProjectModel } from './model.ts';
import type { UnitAnalysis } from './unit-analysis.ts';
import { importNeedle } from './module-specifiers.ts';
import type { ModuleUnit } from './units.ts';

interface Definition {
  binding: Binding;
  declaration: AstNode;
  /** A function's uses are calls: what they do with the value is beyond this check. */
  isFunction: boolean;
}

/**
 * A predicate over literals: true when editing the literal changes only what `covered` (the code of
 * the requests being rewritten) sees. A literal outside any definition is judged where it is written.
 */
export function editChecker(model: ProjectModel, units: readonly UnitAnalysis[], covered: readonly AstNode[]): (literal: AstNode) => boolean {
  const analysisOf = new Map<ModuleUnit, UnitAnalysis>(units.map((u) => [u.unit, u]));
  const references = new Map<ModuleUnit, Map<Binding, AstNode[]>>();
  const answers = new Map<AstNode, boolean>();
  // Offsets compare only within one module.
  const coveredIn = new Map<ModuleUnit | null, AstNode[]>();
  for (const node of covered) {
    const unit = model.unitOf(node);
    coveredIn.set(unit, [...(coveredIn.get(unit) ?? []), node]);
  }

  const referencesIn = (unit: ModuleUnit): Map<Binding, AstNode[]> => {
    let refs = references.get(unit);
    if (refs) return refs;
    refs = new Map();
    const found = refs;
    walk(unit.root, (node, parent) => {
      if (node.type !== 'Identifier' || !parent || !isReferenceIdentifier(node, parent)) return;
      const binding = unit.index.resolve(node);
      if (!binding || binding.id === node) return;
      const list = found.get(binding);
      if (list) list.push(node);
      else found.set(binding, [node]);
    });
    references.set(unit, found);
    return found;
  };

  /** Identifiers bound to an import in other modules whose value is read from `declaration`. */
  const importedUses = (home: ModuleUnit, declaration: AstNode): AstNode[] => {
    const out: AstNode[] = [];
    const needle = importNeedle(home.file);
    for (const u of units) {
      if (u.unit === home || u.unit.kind !== 'js' || !u.unit.text.includes(needle)) continue;
      for (const [binding, refs] of referencesIn(u.unit)) {
        if (binding.kind !== 'import' && !inlineImport(binding.init)) continue;
        for (const ref of refs) {
          const parent = u.unit.index.parentOf(ref);
          const read = parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === ref ? parent : ref;
          const resolved = u.ctx.evaluator.resolve(read, null);
          if (resolved && model.unitOf(resolved.node) === home && within(resolved.node, declaration)) out.push(ref);
        }
      }
    }
    return out;
  };

  return (literal) => {
    const cached = answers.get(literal);
    if (cached !== undefined) return cached;
    const home = model.unitOf(literal);
    const origin = home && home.kind === 'js' ? definitionAround(home, literal) : null;
    let answer = true;
    if (home && origin) {
      // Read only once an export is met: resolving importers' names may load the TypeScript checker.
      let found: AstNode[] | null = null;
      const imported = () => (found ??= importedUses(home, origin.declaration));
      const seen = new Set<AstNode>();
      const local = (node: AstNode, unit: ModuleUnit): boolean => {
        if ((coveredIn.get(unit) ?? []).some((c) => within(node, c))) return true;
        const definition = definitionAround(unit, node);
        if (!definition) return isExportPosition(unit, node) && imported().length > 0;
        if (seen.has(definition.declaration)) return true;
        seen.add(definition.declaration);
        // An exported value is read through its imports (each checked below); nothing importing it
        // means an importer this run cannot see.
        if (isExported(unit, definition.declaration) && (definition.isFunction || imported().length === 0)) return false;
        const refs = referencesIn(unit).get(definition.binding) ?? [];
        return refs.every((ref) => within(ref, definition.declaration) || local(ref, unit));
      };
      answer = local(literal, home) && (found ?? []).every((use) => {
        const unit = model.unitOf(use);
        return !!unit && local(use, unit);
      });
    }
    answers.set(literal, answer);
    return answer;
  };
}

/** `const X = …` (through any expression around the node) or `function f() {…}` around a node. */
function definitionAround(unit: ModuleUnit, node: AstNode): Definition | null {
  let child = node;
  for (let current = unit.index.parentOf(node); current; current = unit.index.parentOf(current)) {
    if (current.type === 'VariableDeclarator' && current.init === child && current.id?.type === 'Identifier') {
      const binding = unit.index.resolve(current.id);
      return binding ? { binding, declaration: current, isFunction: isFunction(unwrap(current.init)) } : null;
    }
    if (current.type === 'FunctionDeclaration' && current.id) {
      const binding = unit.index.resolve(current.id);
      return binding ? { binding, declaration: current, isFunction: true } : null;
    }
    if (current.type === 'Program' || current.type === 'ClassBody') return null;
    child = current;
  }
  return null;
}

function isExported(unit: ModuleUnit, declaration: AstNode): boolean {
  for (let node: AstNode | null = unit.index.parentOf(declaration); node; node = unit.index.parentOf(node)) {
    if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') return true;
    if (node.type === 'Program' || isFunction(node) || node.type === 'BlockStatement' || node.type === 'ClassBody') return false;
  }
  return false;
}

/** `export { X }`, `export default X`, `module.exports = { X }`, `exports.x = X`. */
function isExportPosition(unit: ModuleUnit, node: AstNode): boolean {
  for (let current = unit.index.parentOf(node); current; current = unit.index.parentOf(current)) {
    if (current.type === 'ExportNamedDeclaration' || current.type === 'ExportDefaultDeclaration' || current.type === 'ExportSpecifier') return true;
    if (current.type === 'AssignmentExpression' && /^(?:module\.)?exports\b/.test(unit.text.slice(current.left.start, current.left.end))) return true;
    if (current.type === 'Program' || isFunction(current)) return false;
  }
  return false;
}
