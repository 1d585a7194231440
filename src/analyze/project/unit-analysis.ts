// Detection in each involved file with the project evaluator: the same detectors and wrapper search
// the fast scan runs, so a request resolved across files is judged exactly like one written out.
import type { Config } from '../../types.ts';
import { isBrowserPath, judgeRequest, type FileContext, type Verdict } from '../classify.ts';
import type { ClientConfigMatch, DetectContext } from '../detectors/detector.ts';
import { detectors } from '../detectors/index.ts';
import { findWrappers, type DetectedRequest, type WrapperCall, type WrapperDef } from '../wrappers.ts';
import type { ProjectModel } from './model.ts';
import { projectEvaluator } from './project-evaluator.ts';
import type { ModuleUnit } from './units.ts';

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
}

export function prepareUnit(model: ProjectModel, unit: ModuleUnit, config: Config): UnitAnalysis {
  const evaluator = projectEvaluator(model, unit);
  const ctx: DetectContext = { file: unit.file, text: unit.text, ast: unit.root, index: unit.index, evaluator, imports: unit.imports, cache: new Map() };
  const fctx: FileContext = {
    file: unit.file,
    text: unit.text,
    config,
    index: unit.index,
    browserFile: isBrowserPath(unit.file),
    usesBrowserGlobals: unit.index.browserGlobalRefs.some((ref) => unit.index.resolve(ref) === null),
    secrets: new Set(),
  };
  const configs = detectors.flatMap((d) => [...(d.detectConfigs?.(ctx) ?? [])]);
  return { unit, ctx, fctx, configs, judged: [], wrappers: [], calls: [] };
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
  const detected: DetectedRequest[] = detectors.flatMap((detector) => detector.detect(ctx).map((match) => ({ detector, match })));
  analysis.judged = detected.map((d) => ({ ...d, verdict: judgeRequest(d.match, fctx) }));
  const { wrappers, calls } = findWrappers(ctx, detected);
  analysis.wrappers = wrappers;
  analysis.calls = calls.map((c) => ({ ...c, verdict: c.resolved ? judgeRequest(c.resolved, fctx) : null }));
}

