// Detection in each involved file with the project evaluator: the same detectors and wrapper search
// the fast scan runs, so a request resolved across files is judged exactly like one written out.
import type { Config } from '../../types.ts';
import { isBrowserPath, judgeRequest, type FileContext, type Verdict } from '../classify.ts';
import type { ClientConfigMatch, DetectContext } from '../detectors/detector.ts';
import { detectors } from '../detectors/index.ts';
import { rememberIndependentResults } from '../independent.ts';
import { unclaimed, withoutSecondReadings } from '../unclaimed.ts';
import { findWrappers, type DetectedRequest, type WrapperCall, type WrapperDef } from '../wrappers.ts';
import { unwrap, type AstNode } from '../ast.ts';
import type { FileIndex } from '../scope.ts';
import type { ProjectModel } from './model.ts';
import { chainRoot, projectEvaluator } from './project-evaluator.ts';
import type { ModuleUnit } from './units.ts';
import { isLocalSpecifier } from './module-specifiers.ts';

export interface JudgedRequest extends DetectedRequest {
  verdict: Verdict;
}

export interface UnitAnalysis {
  unit: ModuleUnit;
  ctx: DetectContext;
  fctx: FileContext;
  /** Client configs written in this file (not the ones shared in from other files). */
  configs: ClientConfigMatch[];
  judged: JudgedRequest[];
  wrappers: WrapperDef[];
  /** Calls in this file to this file's wrappers. */
  calls: Array<WrapperCall & { verdict: Verdict | null }>;
  /** The detectors are not run: they would find nothing (see `nothingToRead`). */
  idle: boolean;
}

export interface PrepareOptions {
  /** Calls the detectors need not read in this file (see `callsOfImportedNames`); the wrapper search across files still reads every call. */
  skipCall?: (call: AstNode) => boolean;
  /**
   * The fast paths: auth values that read no parameter are read once (independent.ts), and the
   * detectors are not run where they have nothing to read.
   */
  fast?: boolean;
}

export function prepareUnit(model: ProjectModel, unit: ModuleUnit, config: Config, options: PrepareOptions = {}): UnitAnalysis {
  const { skipCall, fast = false } = options;
  const evaluator = projectEvaluator(model, unit);
  if (fast) rememberIndependentResults(evaluator);
  const index = skipCall ? { ...unit.index, calls: unit.index.calls.filter((call) => !skipCall(call)) } : unit.index;
  const ctx: DetectContext = { file: unit.file, text: unit.text, ast: unit.root, index, evaluator, imports: unit.imports, cache: new Map() };
  const fctx: FileContext = {
    file: unit.file,
    text: unit.text,
    config,
    index: unit.index,
    browserFile: isBrowserPath(unit.file),
    usesBrowserGlobals: unit.index.browserGlobalRefs.some((ref) => unit.index.resolve(ref) === null),
    secrets: new Set(),
  };
  const idle = fast && nothingToRead(index);
  const configs = idle ? [] : detectors.flatMap((d) => [...(d.detectConfigs?.(ctx) ?? [])]);
  return { unit, ctx, fctx, configs, judged: [], wrappers: [], calls: [], idle };
}

/**
 * Every detector finds requests and client configs in the calls and assignments of the file's index
 * (its `detect` and `detectConfigs` read nothing else), so without either there is nothing to find.
 * Most importers, cut down to their import and their call of an imported name, are like this.
 */
function nothingToRead(index: FileIndex): boolean {
  return index.calls.length === 0 && index.assignments.length === 0;
}

/**
 * Calls whose callee is a name imported from a relative module (or a member of one). A detector
 * knows its client by the module a name is imported from (a package: 'axios', 'got', ...), by a
 * global (`fetch`, `$`, `XMLHttpRequest`), or by a client instance it resolves the callee to, which
 * for an imported name lies in a module the file imports, directly or not. So when none of those
 * creates a client instance, such a call is no detector's, and no config is made from it. Only a
 * wrapper in another file makes it a request (cross-calls.ts reads every call for that).
 */
export function callsOfImportedNames(unit: ModuleUnit): (call: AstNode) => boolean {
  return (call) => {
    const root = chainRoot(unwrap(call.callee));
    if (root?.type !== 'Identifier') return false;
    const binding = unit.index.resolve(root);
    if (!binding || binding.kind !== 'import' || binding.declaration.type === 'TSImportEqualsDeclaration') return false;
    const source = unit.imports.ofBinding(binding)?.source;
    return source !== undefined && isLocalSpecifier(source, unit.file);
  };
}

/**
 * Makes instances created in other files known to each file's detectors. A detector's configs are
 * memoized per file (one array, returned on every call), so adding to that array is seen by its
 * call matcher; the file's own list above stays as it was, so no config is reported twice.
 */
export function shareClientConfigs(units: readonly UnitAnalysis[]): void {
  const instances = new Map<string, ClientConfigMatch[]>();
  for (const u of units) {
    for (const c of u.configs) if (c.kind === 'instance') instances.set(c.client, [...(instances.get(c.client) ?? []), c]);
  }
  if (instances.size === 0) return;
  for (const target of units) {
    for (const detector of detectors) {
      const shared = detector.detectConfigs ? instances.get(detector.name) : undefined;
      if (!shared) continue;
      const foreign = shared.filter((c) => !target.configs.includes(c));
      if (foreign.length > 0) detector.detectConfigs!(target.ctx).push(...foreign);
    }
  }
}

export function detectInUnit(analysis: UnitAnalysis): void {
  const { ctx, fctx } = analysis;
  const detected: DetectedRequest[] = analysis.idle ? [] : withoutSecondReadings(detectors.flatMap((detector) => detector.detect(ctx).map((match) => ({ detector, match }))));
  const { wrappers, calls } = findWrappers(ctx, detected);
  analysis.judged = unclaimed(detected, { wrappers, calls }, analysis.configs).map((d) => ({ ...d, verdict: judgeRequest(d.match, fctx) }));
  analysis.wrappers = wrappers;
  analysis.calls = calls.map((c) => ({ ...c, verdict: c.resolved ? judgeRequest(c.resolved, fctx) : null }));
}

