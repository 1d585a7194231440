import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNode, walk, type AstNode } from '../../src/analyze/ast.ts';
import { parseJs } from '../../src/analyze/parse.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const SKIPPED = new Set(['type', 'loc', 'start', 'end', 'range', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'original', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeParameters', 'predicate', 'decorators']);

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

/** Depth first, children in key order and array order, a child's subtree before its next sibling. */
function reference(node: AstNode, parent: AstNode | null, visit: (node: AstNode, parent: AstNode | null) => boolean | void): void {
  if (visit(node, parent) === false) return;
  for (const key of Object.keys(node)) {
    if (SKIPPED.has(key)) continue;
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) reference(child, node, visit);
  }
}

describe('walk', () => {
  it('visits every fixture tree in source order, parents first, skipping the children it is told to', () => {
    let trees = 0;
    for (const file of jsFiles(FIXTURES)) {
      let program: AstNode;
      try {
        program = parseJs(readFileSync(file, 'utf8'), file).program;
      } catch {
        continue;
      }
      trees++;
      for (const skip of [null, 'FunctionDeclaration', 'CallExpression']) {
        const seen: Array<[AstNode, AstNode | null]> = [];
        const expected: Array<[AstNode, AstNode | null]> = [];
        walk(program, (node, parent) => {
          seen.push([node, parent]);
          return node.type !== skip;
        });
        reference(program, null, (node, parent) => {
          expected.push([node, parent]);
          return node.type !== skip;
        });
        expect(seen.length).toBe(expected.length);
        expect(seen.every(([node, parent], i) => node === expected[i][0] && parent === expected[i][1])).toBe(true);
      }
    }
    expect(trees).toBeGreaterThan(50);
  });
});
