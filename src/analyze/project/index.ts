// The project pass: after the fast per-file scan, resolve what one file alone cannot (imported
// constants and JSON, env files, wrappers and client instances used from other files) over the
// involved files only, and return the scan's findings with those files re-analyzed.
import { readSourceFile } from '../../discover/read.ts';
import type { DiscoveredFile, SourceText } from '../../discover/types.ts';
import type { Config, FileError, Finding } from '../../types.ts';
import type { AstNode } from '../ast.ts';
import type { FileMatches } from '../js-file.ts';
import { findCrossCalls } from './cross-calls.ts';
import { createDefinitionFinder } from './declarations.ts';
import { recordEdits } from './edits.ts';
import { buildEnvIndex, looksLikeLocation } from './env-files.ts';
import { collectFindings } from './findings.ts';
import { findInvolvedFiles, type ScanHints } from './involved.ts';
import { importGraph } from './import-graph.ts';
import { createModel } from './model.ts';
import { callsOfImportedNames, detectInUnit, prepareUnit, shareClientConfigs, type UnitAnalysis } from './unit-analysis.ts';
import { withoutCallsTo } from '../unclaimed.ts';
import { importerSkeleton } from './skeleton.ts';
import { envUnit, jsonUnit, jsUnit, skeletonUnit, type ModuleUnit } from './units.ts';

/** A file with findings, as the analyze stage keeps it (same shape as `AnalyzedFile` there). */
export interface ProjectFile {
  source: SourceText;
  findings: Finding[];
  matches?: FileMatches;
}

export interface ProjectPassInput {
  files: readonly DiscoveredFile[];
  /** The fast scan's findings and analyzed files. */
  findings: readonly Finding[];
  analyzed: readonly ProjectFile[];
  /** Modules without a finding that export a legacy API location: their importers are looked at too. */
  lenders?: readonly string[];
  config: Config;
  /** What the fast scan learned while reading every file; without it the pass reads the tree itself. */
  hints?: ScanHints;
  /**
   * False: analyze every involved file whole and ask the TypeScript checker every cross-module
   * question. The reference the fast paths (narrow.ts, plain-exports.ts) are tested against.
   */
  fastPaths?: boolean;
  /** False: parse importers whole and narrow them (narrow.ts), not from their skeletons (skeleton.ts). */
  skeletons?: boolean;
}

export interface ProjectPassResult {
  /** Every finding: the fast scan's, with those of re-analyzed files replaced. */
  findings: Finding[];
  analyzed: ProjectFile[];
  /** Hard-coded credentials seen through other files, for redaction. */
  secrets: string[];
  /** Files the pass re-analyzed (their findings replace the fast scan's). */
  reanalyzed: string[];
  /** Whether the TypeScript checker was loaded. */
  usedChecker: boolean;
  /** A failure of the pass itself: the fast scan's results are kept and the report says it is incomplete. */
  errors: FileError[];
}

export async function runProjectPass(input: ProjectPassInput): Promise<ProjectPassResult> {
  try {
    return await projectPass(input);
  } catch (error) {
    const message = `The cross-file pass failed, so findings that need other files may be missing: ${error instanceof Error ? error.message : String(error)}`;
    return { ...unchangedResult(input), errors: [{ file: '.', message }] };
  }
}

function unchangedResult(input: ProjectPassInput): ProjectPassResult {
  return { findings: [...input.findings], analyzed: [...input.analyzed], secrets: [], reanalyzed: [], usedChecker: false, errors: [] };
}

async function projectPass(input: ProjectPassInput): Promise<ProjectPassResult> {
  const unchanged = unchangedResult(input);
  const flagged = new Set([...input.findings.map((f) => f.file), ...(input.lenders ?? [])]);
  if (flagged.size === 0) return unchanged;
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  const fastSources = new Map(input.hints?.sources ?? []);
  for (const a of input.analyzed) fastSources.set(a.source.file.path, a.source);
  const programs = input.hints?.programs ?? new Map();

  const envFiles = await readTexts(input.files.filter((f) => f.kind === 'env'), input.config.maxFileSize, fastSources);
  const envIndex = buildEnvIndex(envFiles.map(({ file, source }) => ({ file: file.path, text: source.text })));
  const envKeys = [...envIndex].filter(([, defs]) => defs.some((d) => looksLikeLocation(d.value))).map(([key]) => key);

  const involved = await findInvolvedFiles({ files: input.files, flagged, envKeys, maxFileSize: input.config.maxFileSize, hints: input.hints });
  for (const [path, source] of involved.read) if (!fastSources.has(path)) fastSources.set(path, source);
  const moduleFiles = involved.modules.map((p) => byPath.get(p)!).filter(Boolean);
  const sources = await readTexts(moduleFiles, input.config.maxFileSize, fastSources);
  const fast = input.fastPaths !== false;
  const imports = fast ? importGraph(sources, involved.modules) : null;
  const importers = new Set(imports ? involved.importers.filter((path) => !imports.maybeImported.has(path)) : []);
  const lends = (entry: { file: DiscoveredFile; source: SourceText }) => !(fast && imports && lendsNothing(entry, imports, input.hints?.cleanJs, envIndex.size > 0));
  const units = moduleUnits(sources.filter(lends), programs, importers, fast && input.skeletons !== false);
  for (const { file, source } of envFiles) units.push(envUnit(file.path, file.absolutePath, source.text));

  const jsUnits = units.filter((u) => u.kind === 'js');
  if (jsUnits.length === 0) return unchanged;
  const finder = involved.crossModule ? createDefinitionFinder(units, { plainExports: fast }) : null;
  const model = createModel(units, envIndex, finder);

  // Importers last: unless a module they import creates a client instance, their detectors skip the
  // calls of imported names (see `callsOfImportedNames`).
  const prepared = new Map(jsUnits.filter((u) => !importers.has(u.file)).map((u) => [u, prepareUnit(model, u, input.config, { fast })]));
  const instances = new Set([...prepared.values()].filter((a) => a.configs.some((c) => c.kind === 'instance')).map((a) => a.unit.file));
  for (const u of jsUnits) {
    if (prepared.has(u)) continue;
    const skip = imports && !imports.reaches(u.file, instances) ? callsOfImportedNames(u) : undefined;
    prepared.set(u, prepareUnit(model, u, input.config, { skipCall: skip, fast }));
  }
  const all = jsUnits.map((u) => prepared.get(u)!);
  shareClientConfigs(all);
  const alone = { crossModule: finder !== null, hasEnvFiles: envIndex.size > 0, cleanJs: input.hints?.cleanJs, isolated: (file: string) => !!imports?.isolated(file) };
  const analyses = all.filter((a) => !standsAlone(a, alone));
  for (const a of analyses) model.register(a.unit);
  analyses.forEach(detectInUnit);
  const crossCalls = findCrossCalls(model, analyses);
  const crossCallSites = new Set(crossCalls.map((c) => c.call));
  for (const a of analyses) a.judged = withoutCallsTo(a.judged, crossCallSites, a.wrappers);
  const { files, secrets } = collectFindings(model, analyses, crossCalls, input.config, imports ? (path, targets) => imports.reaches(path, targets) : undefined);

  leaveFastScanRewritesToFix(files.flatMap((f) => f.findings), input.findings);

  const replaced = new Set(jsUnits.map((u) => u.file));
  const findings = input.findings.filter((f) => !replaced.has(f.file));
  const analyzed = input.analyzed.filter((a) => !replaced.has(a.source.file.path));
  const unitByFile = new Map(jsUnits.map((u) => [u.file, u]));
  for (const result of files) {
    if (result.findings.length === 0) continue;
    const unit = unitByFile.get(result.file)!;
    findings.push(...result.findings);
    analyzed.push({ source: unit.source!, findings: result.findings, matches: result.matches });
  }
  return { findings, analyzed, secrets: [...secrets], reanalyzed: [...replaced].sort(), usedChecker: finder?.checkerLoaded() ?? false, errors: [] };
}

/**
 * Whether detection in this file can be skipped because the pass would find exactly what the fast
 * scan found there (nothing). Without the checker (no involved module imports another), or when
 * the file neither imports an involved module nor is imported by one, a file's evaluator resolves
 * nothing outside it except env file values; client instances shared in from other files are
 * matched by node or binding identity, which it then cannot reach; and its own client configs
 * would be judged against the other files' requests, so a file with any is kept. What remains is
 * the fast scan's analysis again: a file it analyzed cleanly that reads no env value has no legacy
 * request and lends nothing. In a large repository most involved files are pre-filter decoys like this.
 */
function standsAlone(analysis: UnitAnalysis, pass: { crossModule: boolean; hasEnvFiles: boolean; cleanJs?: ReadonlySet<string>; isolated: (file: string) => boolean }): boolean {
  const file = analysis.unit.file;
  if ((pass.crossModule && !pass.isolated(file)) || analysis.configs.length > 0 || !pass.cleanJs?.has(file)) return false;
  return !mayReadEnv(analysis.unit.text, pass.hasEnvFiles);
}

/** Whether a file may resolve a value from an env file: only when there is one and its text names `env` at all. */
function mayReadEnv(text: string, hasEnvFiles: boolean): boolean {
  return hasEnvFiles && text.includes('env');
}

/** Words without which a file configures no client (axios.create/defaults, got.extend, request.defaults, superagent.agent, $.ajaxSetup). */
const CLIENT_CONFIG_WORDS = /axios|extend|defaults|agent|ajax/;

/**
 * Whether a file can be left unparsed because `standsAlone` would drop it anyway: the fast scan
 * analyzed it cleanly, no involved file imports it and it imports none, it reads no env value, and
 * its text cannot hold a client config (whose instance would be shared with other files). A scan
 * whose cache skipped parsing such decoys would otherwise parse them here.
 */
function lendsNothing(entry: { file: DiscoveredFile; source: SourceText }, imports: { isolated(path: string): boolean }, cleanJs: ReadonlySet<string> | undefined, hasEnvFiles: boolean): boolean {
  const { file, source } = entry;
  if (file.kind !== 'js' || !cleanJs?.has(file.path) || !imports.isolated(file.path)) return false;
  if (mayReadEnv(source.text, hasEnvFiles)) return false;
  return !CLIENT_CONFIG_WORDS.test(source.text);
}

/**
 * The JS and JSON modules, parsed. An importer is parsed from its skeleton (skeleton.ts) when its
 * text can be cut for certain, else whole and narrowed (narrow.ts).
 */
function moduleUnits(sources: ReadonlyArray<{ file: DiscoveredFile; source: SourceText }>, programs: ReadonlyMap<string, AstNode>, importers: ReadonlySet<string>, skeletons: boolean): ModuleUnit[] {
  const units: ModuleUnit[] = [];
  for (const { file, source } of sources) {
    if (file.kind === 'json') {
      const unit = jsonUnit(file.path, file.absolutePath, source.text);
      if (unit) units.push(unit);
      continue;
    }
    const importer = importers.has(file.path);
    const skeleton = skeletons && importer ? importerSkeleton(source.text, file.path) : null;
    if (skeleton) {
      try {
        units.push(skeletonUnit(file.path, file.absolutePath, source.text, source, skeleton.text));
        continue;
      } catch {
        // Parsed whole below.
      }
    }
    try {
      units.push(jsUnit(file.path, file.absolutePath, source.text, source, programs.get(file.path), importer));
    } catch {
      // A file that does not parse: the fast scan reports it if it was flagged; otherwise it lends nothing.
    }
  }
  return units;
}

/**
 * A finding the fast scan already had, and already judged fixable, is rewritten by the fix stage's
 * own transforms: the project pass records edits only for what needed other files to resolve.
 */
function leaveFastScanRewritesToFix(deep: readonly Finding[], fast: readonly Finding[]): void {
  const fixableBefore = new Set(fast.filter((f) => f.fixable).map((f) => `${f.file}\0${f.id}`));
  for (const finding of deep) if (fixableBefore.has(`${finding.file}\0${finding.id}`)) recordEdits(finding, []);
}

async function readTexts(files: readonly DiscoveredFile[], maxFileSize: number, known: Map<string, SourceText>): Promise<Array<{ file: DiscoveredFile; source: SourceText }>> {
  const out: Array<{ file: DiscoveredFile; source: SourceText }> = [];
  for (const file of files) {
    const existing = known.get(file.path);
    if (existing) {
      out.push({ file, source: existing });
      continue;
    }
    const read = await readSourceFile(file, maxFileSize);
    if (!('reason' in read)) out.push({ file, source: read });
  }
  return out;
}
