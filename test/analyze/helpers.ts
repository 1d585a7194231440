// Parses a snippet and hands back the expressions passed to `probe(...)`, with an evaluator for the file.
import type { AstNode } from '../../src/analyze/ast.ts';
import { createEvaluator, type Evaluator } from '../../src/analyze/evaluate.ts';
import { parseJs } from '../../src/analyze/parse.ts';
import { indexFile } from '../../src/analyze/scope.ts';
import type { Config } from '../../src/types.ts';

export function probe(code: string, file = 'probe.ts'): { ev: Evaluator; args: AstNode[] } {
  const { program } = parseJs(code, file);
  const index = indexFile(program, code);
  const ev = createEvaluator(index);
  const args = index.calls.filter((c) => c.callee?.type === 'Identifier' && c.callee.name === 'probe').map((c) => c.arguments[0]);
  return { ev, args };
}

export const testConfig: Config = {
  stores: {},
  tokenEnv: 'BIGCOMMERCE_ACCESS_TOKEN',
  storeHashEnv: 'BIGCOMMERCE_STORE_HASH',
  include: [],
  exclude: [],
  allowedScopes: null,
  maxFileSize: 1_000_000,
  path: null,
};
