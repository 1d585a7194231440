// A name a module exports plainly is answered from its Babel tree, with exactly the site the
// TypeScript checker gives; anything less plain is left to the checker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walk, type AstNode } from '../../../src/analyze/ast.ts';
import { createDefinitionFinder } from '../../../src/analyze/project/declarations.ts';
import { plainExport } from '../../../src/analyze/project/plain-exports.ts';
import { jsUnit } from '../../../src/analyze/project/units.ts';

const dir = mkdtempSync(join(tmpdir(), 'deep-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The provider `lib/m.<ext>`, and a route that imports `name` from it and uses it. */
function question(provider: string, name: string, ext = 'ts') {
  const route = `import { ${name} } from '../lib/m';\nexport const used = [${name}];\n`;
  const units = [jsUnit(`lib/m.${ext}`, join(dir, `lib/m.${ext}`), provider, null), jsUnit('routes/r.ts', join(dir, 'routes/r.ts'), route, null)];
  let usage: AstNode | null = null;
  walk(units[1].root, (node, parent) => {
    if (node.type === 'Identifier' && node.name === name && parent?.type === 'ArrayExpression') usage = node;
  });
  const ask = (plainExports: boolean) => {
    const finder = createDefinitionFinder(units, { plainExports });
    const site = finder.definitionOf('routes/r.ts', usage!.start!, usage!.end!, usage!);
    return { site, checker: finder.checkerLoaded() };
  };
  return { plain: plainExport(units[0], name), fast: ask(true), slow: ask(false) };
}

describe('plainExport', () => {
  it.each([
    ['a function', 'export function f(path) { return path; }\n', 'f'],
    ['an async function', 'export async function f() {}\n', 'f'],
    ['a constant', "export const X = 'https://store-abc123.mybigcommerce.com';\n", 'X'],
    ['an arrow returning an arrow', 'export const f = () => () => 1;\n', 'f'],
    ['a class', 'export class C { get() {} }\n', 'C'],
    ['a decorated class', 'function dec(c: unknown) { return c; }\n@dec\nexport class C {}\n', 'C'],
    ['the second of two declarators', "export let a = 1, X = { url: '/v2' };\n", 'X'],
    ['a typed constant with an assertion', "export const X: string = 'a' as string;\n", 'X'],
  ])('answers %s without the checker, as the checker does', (_, provider, name) => {
    const { plain, fast, slow } = question(provider, name);
    expect(plain).toBeDefined();
    expect(fast).toEqual({ site: slow.site, checker: false });
    expect(slow.site).not.toBeNull();
  });

  it.each([
    ['a parenthesized value', "export const X = ('a');\n", 'X'],
    ['an overloaded function', 'export function f(a: string): void;\nexport function f(a: unknown) {}\n', 'f'],
    ['a name exported by a specifier', 'const X = 1;\nexport { X };\n', 'X'],
    ['a renamed export', 'const a = 1;\nexport { a as X };\n', 'X'],
    ['a name also assigned to module.exports', 'export const X = 1;\nmodule.exports.Y = 2;\n', 'X'],
    ['a var a block may redeclare', 'export var X = 1;\nif (Math.random()) { var X = 2; }\n', 'X'],
    ['a re-export', "export { X } from './other';\n", 'X'],
    ['a type', 'export type X = string;\n', 'X'],
  ])('leaves %s to the checker, which gives the same answer either way', (_, provider, name) => {
    const { plain, fast, slow } = question(provider, name);
    expect(plain).toBeUndefined();
    expect(fast.site).toEqual(slow.site);
  });

  it('leaves a CommonJS file to the checker', () => {
    expect(question('export function f() {}\n', 'f', 'cjs').plain).toBeUndefined();
  });
});
