// The analyze stage: discovered files in, one Report out. Cheap first: a byte pre-filter decides
// which files are decoded and parsed at all.
import { discoverFiles } from '../discover/discover.ts';
import { readIfMightBeLegacy, readSourceFileSync } from '../discover/read.ts';
import type { DiscoveredFile, SourceText } from '../discover/types.ts';
import type { AstNode } from './ast.ts';
import { openVerdictCache, type CacheStats, type ScanCacheOptions } from './cache.ts';
import type { FileMatches } from './js-file.ts';
import { relativeSpecifierHints } from './project/module-specifiers.ts';
import type { AnalysisResult, Config, FileError, Finding, SkippedFile, Suppression } from '../types.ts';

export interface ScanOptions {
  root: string;
  /** Files or folders under root; defaults to the root itself. */
  paths: string[];
  config: Config;
  useGit?: boolean;
  /** Called as files are done; the CLI shows it only in a TTY. */
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Run the cross-file pass when the fast scan finds something (default true). Off only for
   * measuring what the pass costs (the benchmark).
   */
  projectPass?: boolean;
  /** Remember clean files between runs, by git object id (see cache.ts); off when absent. */
  cache?: ScanCacheOptions;
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
  /** Present when the scan used a cache (options.cache). */
  cache?: CacheStats;
}

interface FileOutcome {
  findings: Finding[];
  secrets: string[];
  comments: Array<{ text: string; line: number; block: boolean }>;
  matches?: FileMatches;
}

/** Files read (synchronously: fastest for small files) between two yields to the event loop. */
const YIELD_EVERY = 256;

/** Parsed Programs kept for the cross-file pass, by source size; beyond it the pass parses again. */
const MAX_KEPT_PROGRAM_BYTES = 16 * 1024 * 1024;

/**
 * The analyzers (Babel, YAML, the scope catalogue) are loaded while git lists the files, so their
 * start-up cost hides behind the wait instead of adding to it.
 */
function loadAnalyzers() {
  return Promise.all([
    import('./js-file.ts'),
    import('./parse.ts'),
    import('./detectors/config-env.ts'),
    import('./detectors/config-yaml.ts'),
    import('./suppressions.ts'),
    import('./assemble.ts'),
    import('../scopes/catalogue.ts').then((catalogue) => catalogue.loadCatalogue()),
  ]).then(([js, parse, env, yaml, suppressions, assemble]) => ({
    matchProgram: js.matchProgram,
    parseJs: parse.parseJs,
    analyzeEnvFile: env.analyzeEnvFile,
    analyzeYamlOrJsonFile: yaml.analyzeYamlOrJsonFile,
    parseSuppressionComment: suppressions.parseSuppressionComment,
    assembleReport: assemble.assembleReport,
  }));
}
type Analyzers = Awaited<ReturnType<typeof loadAnalyzers>>;

export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  const { config } = options;
  const discovering = discoverFiles({
    root: options.root,
    paths: options.paths,
    include: config.include,
    exclude: config.exclude,
    maxFileSize: config.maxFileSize,
    useGit: options.useGit,
  });
  const analyzersLoading = loadAnalyzers();
  // Both are awaited together so that a rejection of either is never left unhandled.
  const [discovery, analyzers] = await Promise.all([discovering, analyzersLoading]);

  const skipped: SkippedFile[] = [...discovery.skipped];
  const errors: FileError[] = [...discovery.errors];
  const secrets = new Set<string>();
  const suppressions: Suppression[] = [];
  const analyzed: AnalyzedFile[] = [];
  const findings: Finding[] = [];
  let done = 0;
  let unread = 0;
  const total = discovery.files.length;
  // Kept for the cross-file pass, so it need not read the tree again: the pre-filter's hits (a few
  // hundred buffers in a large repo) and each JS file's relative specifiers, read from its bytes.
  const sources = new Map<string, SourceText>();
  const specifiers = new Map<string, string[]>();
  const programs = new Map<string, AstNode>();
  const cleanJs = new Set<string>();
  let programBytes = 0;
  const keepProgram = (path: string, program: AstNode, bytes: number) => {
    if (programBytes + bytes > MAX_KEPT_PROGRAM_BYTES) return;
    programBytes += bytes;
    programs.set(path, program);
  };
  let current = '';
  const peekSpecifiers = (bytes: Buffer) => {
    const specs = relativeSpecifierHints(bytes);
    if (specs.length > 0) specifiers.set(current, specs);
  };

  const cache = options.cache ? openVerdictCache({ ...options.cache, root: options.root, config }) : null;
  for (const file of discovery.files) {
    current = file.path;
    const known = cache?.lookup(file);
    if (known?.specifiers) specifiers.set(file.path, known.specifiers);
    // A content seen clean before is not analyzed again; a pre-filter hit is still read, for the cross-file pass.
    const read = known === undefined
      ? readIfMightBeLegacy(file, config.maxFileSize, file.kind === 'js' ? peekSpecifiers : undefined)
      : known.hit ? readSourceFileSync(file, config.maxFileSize) : null;
    if (read !== null && !('reason' in read) && (file.kind === 'js' || file.kind === 'json')) sources.set(file.path, read);
    if (known !== undefined && read !== null && !('reason' in read)) {
      if (file.kind === 'js') cleanJs.add(file.path);
    } else if (read === null) {
      if (known === undefined) cache?.remember(file, { hit: false, specifiers: specifiers.get(file.path) });
    } else if ('reason' in read) {
      skipped.push(read);
      unread += 1;
    } else {
      try {
        const outcome = await analyzeFile(analyzers, file, read, config, keepProgram);
        outcome.secrets.forEach((s) => secrets.add(s));
        const before = suppressions.length;
        for (const comment of outcome.comments) {
          const suppression = analyzers.parseSuppressionComment(comment, file.path, read.text);
          if (suppression) suppressions.push(suppression);
        }
        if (outcome.findings.length > 0) {
          findings.push(...outcome.findings);
          analyzed.push({ source: read, findings: outcome.findings, matches: outcome.matches });
        } else {
          if (file.kind === 'js') cleanJs.add(file.path);
          if (outcome.secrets.length === 0 && suppressions.length === before) cache?.remember(file, { hit: true, specifiers: specifiers.get(file.path) });
        }
      } catch (error) {
        errors.push({ file: file.path, message: describeError(error) });
      }
    }
    done += 1;
    options.onProgress?.({ done, total, findings: findings.length });
    if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const cacheStats = cache?.save();

  // The cross-file pass (issue 6): only when the fast scan found something; it loads ts-morph only if needed.
  if (findings.length > 0 && options.projectPass !== false) {
    const { runProjectPass } = await import('./project/index.ts');
    const deep = await runProjectPass({ files: discovery.files, findings, analyzed, config, hints: { sources, specifiers, programs, cleanJs } });
    findings.splice(0, findings.length, ...deep.findings);
    analyzed.splice(0, analyzed.length, ...deep.analyzed);
    deep.secrets.forEach((s) => secrets.add(s));
    errors.push(...deep.errors);
  }

  const report = analyzers.assembleReport({
    root: options.root,
    filesScanned: total - unread,
    findings,
    errors,
    skipped,
  });
  // assembleReport may give duplicate ids a suffix; keep the per-file lists pointing at the same objects.
  return { report, secrets: { values: secrets }, suppressions, files: analyzed, ...(cacheStats ? { cache: cacheStats } : {}) };
}

async function analyzeFile(
  analyzers: Analyzers,
  file: DiscoveredFile,
  source: SourceText,
  config: Config,
  keepProgram: (path: string, program: AstNode, bytes: number) => void,
): Promise<FileOutcome> {
  const { parseJs, matchProgram, analyzeEnvFile, analyzeYamlOrJsonFile } = analyzers;
  switch (file.kind) {
    case 'js': {
      // What analyzeJsSource does, keeping the parsed Program for the cross-file pass (no second parse).
      const parsed = parseJs(source.text, file.path);
      keepProgram(file.path, parsed.program, source.buffer.length);
      const result = matchProgram(parsed.program, source.text, file.path, config);
      const comments = parsed.comments.map((c) => ({
        text: String(c.value),
        line: c.loc?.start?.line ?? 1,
        block: c.type === 'CommentBlock' || c.type === 'Block',
      }));
      return { ...result, comments };
    }
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
