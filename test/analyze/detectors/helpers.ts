// What every detector test starts from: a config, scanning a fixture or a snippet, running one detector
// on a snippet, the same fixture through jscodeshift's babel AST, and the check that no secret leaks.
import { readFileSync } from 'node:fs';
import jscodeshift from 'jscodeshift';
import { expect } from 'vitest';
import { sourceOf } from '../../../src/analyze/ast.ts';
import type { DetectContext, Detector } from '../../../src/analyze/detectors/detector.ts';
import { createEvaluator } from '../../../src/analyze/evaluate.ts';
import { buildImportMap } from '../../../src/analyze/imports.ts';
import { analyzeJsSource, matchProgram } from '../../../src/analyze/js-file.ts';
import { parseJs } from '../../../src/analyze/parse.ts';
import { indexFile } from '../../../src/analyze/scope.ts';
import { defaultConfig } from '../../../src/config/defaults.ts';
import type { Config, Finding } from '../../../src/types.ts';

export const config: Config = defaultConfig();

/** A scanner for the fixtures of one client folder, `fixtures/scan/<client>/`. */
export function fixtureScanner(client: string) {
  return (name: string) => {
    const path = `fixtures/scan/${client}/${name}`;
    return analyzeJsSource({ path, text: readFileSync(path, 'utf8') }, { config });
  };
}

export function scanText(text: string, path = 'src/job.js') {
  return analyzeJsSource({ path, text }, { config });
}

export const brief = (f: Finding) => [f.rule, f.line, f.method, f.endpoint, f.scope, f.fixable];

/** One detector's matches on a snippet, each with `src(node)` to read a node's source text. */
export function detectWith(detector: Detector, text: string) {
  const { program } = parseJs(text, 'src/job.js');
  const index = indexFile(program, text);
  const ctx: DetectContext = { file: 'src/job.js', text, ast: program, index, evaluator: createEvaluator(index), imports: buildImportMap(index), cache: new Map() };
  return detector.detect(ctx).map((m) => ({ ...m, src: (n: unknown) => (n ? sourceOf(n as never, text) : null) }));
}

/** The brief findings of a fixture read through jscodeshift's estree-shaped babel AST. */
export function babelAstFindings(path: string) {
  const text = readFileSync(path, 'utf8');
  const program = jscodeshift.withParser('babel')(text).get().node.program;
  return matchProgram(program, text, path, config).findings.map(brief);
}

/** No secret the scan collected appears in any finding field. */
export function expectNoSecretInFindings(result: { secrets: string[]; findings: Finding[] }): void {
  const output = JSON.stringify(result.findings);
  for (const secret of result.secrets) expect(output).not.toContain(secret);
}
