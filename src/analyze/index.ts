// The analyze stage: discovered files in, one Report out. Cheap first: a byte pre-filter decides
// which files are decoded and parsed at all.
import { discoverFiles } from '../discover/index.ts';
import { readSourceFile } from '../discover/read.ts';
import { mightBeLegacy } from '../discover/prefilter.ts';
import type { DiscoveredFile, SourceText } from '../discover/index.ts';
import { analyzeJsSource, type FileMatches } from './js-file.ts';
import { analyzeEnvFile } from './detectors/config-env.ts';
import { analyzeYamlOrJsonFile } from './detectors/config-yaml.ts';
import { parseSuppressionComment } from './suppressions.ts';
import { assembleReport } from './assemble.ts';
import type { AnalysisResult, Config, FileError, Finding, SkippedFile, Suppression } from '../types.ts';

export interface ScanOptions {
  root: string;
  /** Files or folders under root; defaults to the root itself. */
  paths: string[];
  config: Config;
  useGit?: boolean;
  /** Called as files are done; the CLI shows it only in a TTY. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  done: number;
  total: number;
  findings: number;
}

/** A file that produced findings, kept so that `fix` and `review` can rewrite it without reading it twice. */
export interface AnalyzedFile {
  source: SourceText;
  findings: Finding[];
  /** Present for JavaScript/TypeScript files: what the transforms rewrite. */
  matches?: FileMatches;
}

export interface ScanResult extends AnalysisResult {
  files: AnalyzedFile[];
}

interface FileOutcome {
  findings: Finding[];
  secrets: string[];
  comments: Array<{ text: string; line: number; block: boolean }>;
  matches?: FileMatches;
}

const READ_CONCURRENCY = 32;

export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  const { config } = options;
  const discovery = await discoverFiles({
    root: options.root,
    paths: options.paths,
    include: config.include,
    exclude: config.exclude,
    maxFileSize: config.maxFileSize,
    useGit: options.useGit,
  });

  const skipped: SkippedFile[] = [...discovery.skipped];
  const errors: FileError[] = [...discovery.errors];
  const secrets = new Set<string>();
  const suppressions: Suppression[] = [];
  const analyzed: AnalyzedFile[] = [];
  const findings: Finding[] = [];
  let done = 0;
  const total = discovery.files.length;

  await forEachLimited(discovery.files, READ_CONCURRENCY, async (file) => {
    const read = await readSourceFile(file, config.maxFileSize);
    if ('reason' in read) {
      skipped.push(read);
    } else if (mightBeLegacy(read.buffer, file.kind)) {
      try {
        const outcome = await analyzeFile(file, read, config);
        outcome.secrets.forEach((s) => secrets.add(s));
        for (const comment of outcome.comments) {
          const suppression = parseSuppressionComment(comment, file.path, read.text);
          if (suppression) suppressions.push(suppression);
        }
        if (outcome.findings.length > 0) {
          findings.push(...outcome.findings);
          analyzed.push({ source: read, findings: outcome.findings, matches: outcome.matches });
        }
      } catch (error) {
        errors.push({ file: file.path, message: describeError(error) });
      }
    }
    done += 1;
    options.onProgress?.({ done, total, findings: findings.length });
  });

  const report = assembleReport({
    root: options.root,
    filesScanned: total - skipped.length,
    findings,
    errors,
    skipped,
  });
  // assembleReport may give duplicate ids a suffix; keep the per-file lists pointing at the same objects.
  return { report, secrets: { values: secrets }, suppressions, files: analyzed };
}

async function analyzeFile(file: DiscoveredFile, source: SourceText, config: Config): Promise<FileOutcome> {
  switch (file.kind) {
    case 'js':
      return analyzeJsSource({ path: file.path, text: source.text }, { config });
    case 'env':
      return { ...analyzeEnvFile(file.path, source.text, config), comments: hashComments(source.text) };
    case 'yaml':
    case 'json':
      return { ...analyzeYamlOrJsonFile(file.path, source.text, config), comments: file.kind === 'yaml' ? hashComments(source.text) : [] };
    case 'php':
    case 'python':
    case 'ruby': {
      // Loaded only when such a file is present: the grammars are WebAssembly and cost a start-up.
      const { analyzeOtherLanguage } = await import('./languages/index.ts');
      return analyzeOtherLanguage({ path: file.path, text: source.text, kind: file.kind }, { config });
    }
  }
}

function hashComments(text: string): Array<{ text: string; line: number; block: boolean }> {
  const comments: Array<{ text: string; line: number; block: boolean }> = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*#(.*)$/.exec(line);
    if (match) comments.push({ text: match[1], line: index + 1, block: false });
  });
  return comments;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'line' in error && 'message' in error) {
    const { line, column, message } = error as { line: number; column?: number; message: string };
    return `${message.replace(/\s*\(\d+:\d+\)$/, '')} (line ${line}${column ? `, column ${column}` : ''})`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(runners);
}
