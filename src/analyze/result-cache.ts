// The scan's whole result, kept for the tree exactly as it was scanned. When nothing the result
// depends on has changed since (the listing, every listed file's content, the project configs read
// besides them, the settings, this build of the tool), `scan` and `check` give it again without reading or parsing a file, the way build
// systems replay a task whose inputs hash the same. On any change the scan runs as usual, and the
// per-file cache (cache.ts) still spares it the contents it has seen clean.
//
// The tree is known by git's listing and the contents git does not vouch for (discover/tree-digest.ts):
// outside a git work tree, or with too many such files, the result is neither looked up nor kept.
// Nor is one with an error in it.
//
// What is kept holds no secret: the report is stored as every output prints it, redacted with the
// secrets the scan saw, and redacting it again changes nothing.
import { mkdirSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { UnchangedProbe } from '../discover/tree-digest.ts';
import type { Discovery } from '../discover/types.ts';
import { redactReport, redactText } from '../redact.ts';
import type { AnalysisResult, Config, Report, SecretSet, Suppression } from '../types.ts';
import { analysisFingerprint, cacheFileStem, digest, type ScanCacheOptions } from './cache.ts';
import { ProjectFiles } from './project/path-aliases.ts';

const FORMAT = 2;

export interface ResultCacheOptions extends ScanCacheOptions {
  root: string;
  paths: readonly string[];
  config: Config;
}

/** What a scan gives again from the cache. */
export interface KeptResult {
  report: Report;
  suppressions: Suppression[];
}

interface ResultFile {
  format: number;
  /** Of the tracked part of the tree alone: known first, so a changed tree is known early. */
  tracked: string;
  key: string;
  /** The project files read besides the tree (path aliases' configs), by digest: see ProjectFiles. */
  inputs: Record<string, string>;
  result: KeptResult;
}

export interface ResultCache {
  /** For discovery: whether the tree git lists is the one of the kept result. */
  probe: UnchangedProbe;
  /** The kept result, when discovery found the tree unchanged. */
  kept(discovery: Discovery): KeptResult | null;
  /**
   * Keeps this result for the tree it was computed from and the project files read besides it;
   * never throws (a cache only saves time).
   */
  keep(discovery: Discovery, result: AnalysisResult, inputs: ReadonlyMap<string, string>): void;
}

export function openResultCache(options: ResultCacheOptions): ResultCache {
  const path = `${cacheFileStem(options)}.result.json`;
  // Everything besides the tree that the result depends on: this build, the settings, what was asked.
  const settings = digest(JSON.stringify([FORMAT, analysisFingerprint(options.config), options.root, options.paths]));
  const keyOf = (treeDigest: string) => digest(`${settings}\0${treeDigest}`);
  // Read when git's listing is in, not before: git is asked first.
  let read: ResultFile | null | undefined;
  const kept = () => (read === undefined ? (read = readKept(path)) : read);
  let inputsSame: boolean | undefined;
  const sameInputs = (file: ResultFile) => (inputsSame ??= ProjectFiles.unchanged(options.root, file.inputs));
  const matches = (field: 'tracked' | 'key', treeDigest: string) => {
    const file = kept();
    return file !== null && file[field] === keyOf(treeDigest) && sameInputs(file);
  };
  return {
    probe: {
      tracked: (treeDigest) => matches('tracked', treeDigest),
      whole: (treeDigest) => matches('key', treeDigest),
    },
    kept(discovery) {
      return discovery.unchanged ? (kept()?.result ?? null) : null;
    },
    keep(discovery, result, inputs) {
      if (!discovery.digests || !worthKeeping(result)) return;
      const file: ResultFile = {
        format: FORMAT,
        tracked: keyOf(discovery.digests.tracked),
        key: keyOf(discovery.digests.whole),
        inputs: Object.fromEntries(inputs),
        result: { report: redactReport(result.report, result.secrets), suppressions: redactSuppressions(result.suppressions, result.secrets) },
      };
      try {
        mkdirSync(options.dir, { recursive: true });
        writeFileAtomic.sync(path, JSON.stringify(file));
      } catch {
        // Only slower next time.
      }
    },
  };
}

function readKept(path: string): ResultFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ResultFile>;
    if (parsed.format !== FORMAT || typeof parsed.key !== 'string' || typeof parsed.tracked !== 'string') return null;
    if (!parsed.inputs || typeof parsed.inputs !== 'object') return null;
    const result = parsed.result;
    if (!result || typeof result !== 'object' || !result.report || !Array.isArray(result.suppressions)) return null;
    return parsed as ResultFile;
  } catch {
    return null;
  }
}

/** A result with an error in it (an unreadable file, a failed cross-file pass) may not happen again. */
function worthKeeping(result: AnalysisResult): boolean {
  return result.report.errors.length === 0 && !result.report.skipped.some((s) => s.reason === 'unreadable');
}

function redactSuppressions(suppressions: readonly Suppression[], secrets: SecretSet): Suppression[] {
  return suppressions.map((s) => (s.reason === null ? s : { ...s, reason: redactText(s.reason, secrets) }));
}
