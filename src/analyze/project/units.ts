// One module of the project pass: a parsed JS/TS file or JSON file, with the same per-file index and
// evaluator the fast scan uses, plus a map from every node back to its module.
import { createRequire } from 'node:module';
import type { AstNode } from '../ast.ts';
import { createEvaluator, type Evaluator } from '../evaluate.ts';
import { buildImportMap, type ImportMap } from '../imports.ts';
import { parseJs } from '../parse.ts';
import { indexFile, type FileIndex } from '../scope.ts';
import { narrowProgram } from './narrow.ts';
import type { SourceText } from '../../discover/types.ts';

// require(), not an ESM import: Node would otherwise run its CommonJS export scan over all of
// @babel/parser (about 150 ms) the first time the pass loads; parse.ts loads it the same way.
const { parseExpression } = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');

export interface ModuleUnit {
  /** Relative to the root, forward slashes. */
  file: string;
  absolutePath: string;
  kind: 'js' | 'json' | 'env';
  text: string;
  /** The Program (JS), the top-level value (JSON), or a stand-in (env files). */
  root: AstNode;
  index: FileIndex;
  /** The fast scan's own evaluator for this file: the project evaluator delegates to it. */
  base: Evaluator;
  imports: ImportMap;
  source: SourceText | null;
  /** Every node of `root` that `walk` visits (collected while indexing, for `registerNodes`). */
  nodes: AstNode[];
}

/**
 * `program`: the fast scan's parse of this same text, when it kept one (nothing mutates a Babel AST
 * here). `importer`: the file is one `narrowProgram` may cut down to the statements that matter.
 */
export function jsUnit(file: string, absolutePath: string, text: string, source: SourceText | null, program?: AstNode, importer = false): ModuleUnit {
  if (program) return unitFrom(file, absolutePath, 'js', text, program, source);
  const parsed = parseJs(text, file);
  return unitFrom(file, absolutePath, 'js', text, importer ? narrowProgram(parsed.program, text, parsed.comments) : parsed.program, source);
}

/** An importer parsed from its skeleton (skeleton.ts): its Program holds the kept statements only. */
export function skeletonUnit(file: string, absolutePath: string, text: string, source: SourceText | null, skeleton: string): ModuleUnit {
  return unitFrom(file, absolutePath, 'js', text, parseJs(skeleton, file).program, source);
}

/** A JSON file as one expression, so its values are ordinary literals with lines and offsets. */
export function jsonUnit(file: string, absolutePath: string, text: string): ModuleUnit | null {
  try {
    const value = parseExpression(text, { sourceType: 'module' }) as unknown as AstNode;
    return unitFrom(file, absolutePath, 'json', text, value, null);
  } catch {
    return null;
  }
}

/** Env files hold no AST; their values become stand-in string literals owned by this unit. */
export function envUnit(file: string, absolutePath: string, text: string): ModuleUnit {
  const root: AstNode = { type: 'Program', body: [], start: 0, end: text.length };
  return unitFrom(file, absolutePath, 'env', text, root, null);
}

function unitFrom(file: string, absolutePath: string, kind: ModuleUnit['kind'], text: string, root: AstNode, source: SourceText | null): ModuleUnit {
  const nodes: AstNode[] = [];
  const index = indexFile(root, text, nodes);
  return { file, absolutePath, kind, text, root, index, base: createEvaluator(index), imports: buildImportMap(index), source, nodes };
}

/** Every node of a unit, mapped to the unit, so an evaluation can tell which file a node is in. */
export function registerNodes(unit: ModuleUnit, owners: Map<AstNode, ModuleUnit>): void {
  for (const node of unit.nodes) owners.set(node, unit);
}

/** A string literal standing for an env file's value, owned by the env unit (for traces and rewrites). */
export function envLiteral(unit: ModuleUnit, value: string, line: number): AstNode {
  const lineStart = lineOffset(unit.text, line);
  const lineText = unit.text.slice(lineStart).split(/\r?\n/, 1)[0];
  const column = Math.max(0, lineText.indexOf('=') + 1);
  return {
    type: 'StringLiteral',
    value,
    start: lineStart + column,
    end: lineStart + lineText.length,
    loc: { start: { line, column }, end: { line, column: lineText.length } },
    extra: { raw: JSON.stringify(value), rawValue: value },
  };
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}
