// The analyze stage: discovered files in, one Report out. Cheap first: a byte pre-filter decides
// which files are decoded and parsed at all.
import { discoverFiles } from '../discover/discover.ts';
import { holdsNeedle, readIfMightBeLegacy, readSourceFileSync } from '../discover/read.ts';
import type { DiscoveredFile, FileKind, GitSearchRoot, SourceText } from '../discover/types.ts';
import type { WrapperReach } from './languages/context.ts';
import { settleWrapperCallers } from './wrapper-callers.ts';
import type { AstNode } from './ast.ts';
import { hasVerdictCache, openVerdictCache, type CacheStats, type ScanCacheOptions, type VerdictCache } from './cache.ts';
import { openResultCache } from './result-cache.ts';
import { withoutClaimedConfigUrls } from './unclaimed.ts';
import { hashComments } from './hash-comments.ts';
import type { FileMatches } from './js-file.ts';
import { trackedFilesContaining, trackedMatches } from '../discover/git-grep.ts';
import { ALL_PREFILTER_NEEDLES } from '../discover/prefilter.ts';
import { relativeSpecifierHints, specifierHintPatterns, specifierHintsFromMatches, usePathAliases } from './project/module-specifiers.ts';
import { ProjectFiles, readProjectAliases, type ProjectAliases } from './project/path-aliases.ts';
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
  /**
   * With `cache`: give the result kept from the last scan of this very tree again, when nothing it
   * depends on has changed (result-cache.ts). For `scan` and `check`; `fix` and `review` need the
   * files themselves, which a kept result does not hold.
   */
  reuseResult?: boolean;
}

export interface ScanProgress {
  done: number;
  total: number;
  findings: number;
  /** Set once every file is read, while the cross-file pass resolves what one file alone cannot. */
  crossFile?: boolean;
}

/** A file that produced findings, kept so that `fix` and `review` can rewrite it without reading it twice. */
export interface AnalyzedFile {
  source: SourceText;
  findings: Finding[];
  /** Present for JavaScript/TypeScript files: what the transforms rewrite. */
  matches?: FileMatches;
}

export interface ScanResult extends AnalysisResult {
  /** Empty when the result was kept from an earlier scan (ScanOptions.reuseResult). */
  files: AnalyzedFile[];
  /** Present when the scan used a cache (options.cache). */
  cache?: CacheStats;
}

interface FileOutcome {
  findings: Finding[];
  secrets: string[];
  comments: Array<{ text: string; line: number; block: boolean }>;
  matches?: FileMatches;
  /** PHP, Python and Ruby wrappers other files may call (wrapper-callers.ts). */
  wrappers?: WrapperReach[];
  /** A JS module without a finding that exports a legacy API location (exported-values.ts): its importers may call it. */
  lendsLegacy?: boolean;
}

/**
 * Files are read synchronously (fastest for small files); the scan yields to the event loop every
 * this many milliseconds, so that git's answers (the listing, the searches) are taken in while files
 * are analyzed, and a progress display stays live.
 */
const YIELD_AFTER_MS = 10;

/** Parsed Programs kept for the cross-file pass, by source size; beyond it the pass parses again. */
const MAX_KEPT_PROGRAM_BYTES = 16 * 1024 * 1024;
/** Bytes of rejected files naming BigCommerce kept for the pass; beyond it the pass reads them again. */
const MAX_KEPT_MENTION_BYTES = 16 * 1024 * 1024;

/**
 * The analyzers (Babel, YAML, the scope catalogue) are loaded while git lists the files, so their
 * start-up cost hides behind the wait instead of adding to it.
 */
function loadAnalyzers() {
  return Promise.all([
    import('./js-file.ts'),
    import('./parse.ts'),
    import('./exported-values.ts'),
    import('./detectors/config-env.ts'),
    import('./detectors/config-yaml.ts'),
    import('./detectors/shell.ts'),
    import('./detectors/unparsed.ts'),
    import('./suppressions.ts'),
    import('./assemble.ts'),
    import('../scopes/catalogue.ts').then((catalogue) => catalogue.loadCatalogue()),
  ]).then(([js, parse, exported, env, yaml, shell, unparsed, suppressions, assemble]) => ({
    matchProgram: js.matchProgram,
    parseJs: parse.parseJs,
    exportsLegacyValue: exported.exportsLegacyValue,
    analyzeEnvFile: env.analyzeEnvFile,
    analyzeYamlOrJsonFile: yaml.analyzeYamlOrJsonFile,
    analyzeShellFile: shell.analyzeShellFile,
    analyzeUnparsedFile: unparsed.analyzeUnparsedFile,
    unparsedComments: unparsed.unparsedComments,
    parseSuppressionComment: suppressions.parseSuppressionComment,
    assembleReport: assemble.assembleReport,
  }));
}
type Analyzers = Awaited<ReturnType<typeof loadAnalyzers>>;

/** What the scan keeps for the cross-file pass, as it is built up (the pass reads it as ScanHints). */
interface PassHints {
  sources: Map<string, SourceText>;
  specifiers: Map<string, string[]>;
  programs: Map<string, AstNode>;
  mentioning: Map<string, SourceText>;
  cleanJs: Set<string>;
  containing?: (needles: readonly string[]) => Promise<ReadonlySet<string> | null>;
}

/** What became of one file; gathered into the report in path order once every file is done. */
type FileResult =
  | { file: DiscoveredFile; kind: 'clean' }
  | { file: DiscoveredFile; kind: 'skipped'; skipped: SkippedFile }
  | { file: DiscoveredFile; kind: 'error'; error: FileError }
  | { file: DiscoveredFile; kind: 'analyzed'; read: SourceText; outcome: FileOutcome; suppressions: Suppression[] };

export async function scanProject(options: ScanOptions): Promise<ScanResult> {
  const { config } = options;
  // The project's path aliases, read from the configs discovery lists before any file is read: the
  // specifiers each file is searched for include the aliased ones, and the scan cache depends on them.
  usePathAliases(null);
  let pathAliases: ProjectAliases | null | undefined;
  const projectFiles = new ProjectFiles(options.root);
  const readAliases = (configs: readonly string[]) => {
    if (pathAliases !== undefined) return;
    pathAliases = readProjectAliases(options.root, configs, projectFiles);
    usePathAliases(pathAliases);
  };
  // Kept for the cross-file pass, so it need not read the tree again: the pre-filter's hits (a few
  // hundred buffers in a large repo) and each JS file's relative specifiers, read from its bytes.
  const hints: PassHints = { sources: new Map(), specifiers: new Map(), programs: new Map(), mentioning: new Map(), cleanJs: new Set() };
  const results = new Map<string, FileResult>();
  let total = 0;
  let findingCount = 0;
  // Files whose findings, or the legacy values they export, the cross-file pass starts from.
  let passSeeds = 0;
  let programBytes = 0;
  const keepProgram = (path: string, program: AstNode, bytes: number) => {
    if (programBytes + bytes > MAX_KEPT_PROGRAM_BYTES) return;
    programBytes += bytes;
    hints.programs.set(path, program);
  };
  let mentionBytes = 0;
  const keepMention = options.projectPass === false ? undefined : (source: SourceText) => {
    if (mentionBytes + source.buffer.length > MAX_KEPT_MENTION_BYTES) return;
    mentionBytes += source.buffer.length;
    hints.mentioning.set(source.file.path, source);
  };

  // Files git found no needle in are never read, so the relative specifiers of those the cache does
  // not know (the cross-file pass looks importers up by them) are asked of git: once something is
  // found, since only then does the pass run, and while the scan goes on.
  const unreadJs: DiscoveredFile[] = [];
  let gitSearch: GitSearchRoot | undefined;
  let specifierSearch: Promise<Map<string, string[]> | null> | undefined;
  const searchSpecifiersOnce = () => {
    if (gitSearch && unreadJs.length > 0 && passSeeds > 0 && options.projectPass !== false) {
      specifierSearch ??= trackedMatches(gitSearch, specifierHintPatterns());
    }
  };
  let lastYield = performance.now();
  const scanFiles = async (files: readonly DiscoveredFile[], analyzers: Analyzers) => {
    for (const file of files) {
      const result = await scanFile(file, { analyzers, config, cache: verdicts(), hints, keepProgram, keepMention });
      results.set(file.path, result);
      if (result.kind === 'analyzed' && (result.outcome.findings.length > 0 || result.outcome.lendsLegacy)) {
        findingCount += result.outcome.findings.length;
        passSeeds += 1;
        searchSpecifiersOnce();
      }
      options.onProgress?.({ done: results.size, total: Math.max(total, results.size), findings: findingCount });
      if (performance.now() - lastYield > YIELD_AFTER_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  };

  const resultCache = options.cache && options.reuseResult ? openResultCache({ ...options.cache, root: options.root, paths: options.paths, config }) : null;
  // git lists tracked files well before it has walked the tree for untracked ones: start on them.
  let early: Promise<void> = Promise.resolve();
  const discovering = discoverFiles({
    root: options.root,
    paths: options.paths,
    include: config.include,
    exclude: config.exclude,
    maxFileSize: config.maxFileSize,
    useGit: options.useGit,
    // With a cache from an earlier scan, the files it knows clean are not read anyway, and git's
    // search would only add its cost: measured slower (issue 7).
    needles: options.cache && hasVerdictCache({ ...options.cache, root: options.root }) ? undefined : ALL_PREFILTER_NEEDLES,
    onEarlyFiles: (files, listed, configs) => {
      readAliases(configs);
      total = Math.max(total, listed);
      // Batches, in turn: each waits for the one before it.
      early = Promise.all([early, analyzersLoading]).then(([, analyzers]) => scanFiles(files, analyzers));
    },
    unchanged: resultCache?.probe,
  });
  // After discovery has started, so that git is asked as early as possible: both of these block.
  const analyzersLoading = loadAnalyzers();
  // Opened once the path aliases are known (its entries hold what they made each file searched for).
  let cache: VerdictCache | null | undefined;
  const verdicts = (): VerdictCache | null => (cache === undefined ? (cache = options.cache ? openVerdictCache({ ...options.cache, root: options.root, config, pathAliases }) : null) : cache);
  // Awaited below, after discovery; this keeps a rejection meanwhile from counting as unhandled.
  analyzersLoading.catch(() => undefined);
  const discovery = await discovering;
  readAliases(discovery.configs);
  const kept = resultCache?.kept(discovery);
  if (kept) {
    return { report: kept.report, secrets: { values: new Set() }, suppressions: kept.suppressions, files: [], cache: { reused: kept.report.summary.filesScanned, result: true } };
  }
  const analyzers = await analyzersLoading;
  // Nothing to read in the files git found no needle in: settled at once, so that it is known now
  // whether the cross-file pass will need specifiers from git.
  for (const file of discovery.files) {
    if (file.noNeedle && !results.has(file.path)) results.set(file.path, settleNeedleFree(file, verdicts(), hints, unreadJs));
  }
  gitSearch = discovery.git;
  searchSpecifiersOnce();
  const git = gitSearch;
  if (git) hints.containing = (needles) => trackedFilesContaining(git, needles);
  await early;
  total = discovery.files.length;
  // A file scanned early counts only if the final listing holds it as it was (the listing may, in
  // rare failures, have been redone by a walk).
  const pending = discovery.files.filter((file) => !sameFile(results.get(file.path)?.file, file));
  await scanFiles(pending, analyzers);
  if (passSeeds > 0 && options.projectPass !== false) {
    await addUnreadSpecifiers(unreadJs, hints, verdicts(), specifierSearch ?? Promise.resolve(null), config.maxFileSize);
  }
  const cacheStats = verdicts()?.save();

  // Gathered in path order, so the outcome does not depend on which files were scanned early.
  const skipped: SkippedFile[] = [...discovery.skipped];
  const errors: FileError[] = [...discovery.errors];
  const secrets = new Set<string>();
  const suppressions: Suppression[] = [];
  const analyzed: AnalyzedFile[] = [];
  const findings: Finding[] = [];
  let unread = 0;
  const wrappers: Array<WrapperReach & { kind: FileKind }> = [];
  const lenders: string[] = [];
  for (const file of discovery.files) {
    const result = results.get(file.path)!;
    if (result.kind === 'skipped') {
      skipped.push(result.skipped);
      unread += 1;
    } else if (result.kind === 'error') {
      errors.push(result.error);
    } else if (result.kind === 'analyzed') {
      result.outcome.secrets.forEach((s) => secrets.add(s));
      suppressions.push(...result.suppressions);
      for (const wrapper of result.outcome.wrappers ?? []) wrappers.push({ ...wrapper, kind: file.kind });
      if (result.outcome.lendsLegacy) lenders.push(file.path);
      if (result.outcome.findings.length > 0) {
        findings.push(...result.outcome.findings);
        analyzed.push({ source: result.read, findings: result.outcome.findings, matches: result.outcome.matches });
      }
    }
  }

  settleWrapperCallers(wrappers, discovery.files, config.maxFileSize);

  // The cross-file pass (issue 6): only when the fast scan found something, or a module lending a
  // legacy location to others; it loads ts-morph only if needed.
  if (passSeeds > 0 && options.projectPass !== false) {
    options.onProgress?.({ done: results.size, total: Math.max(total, results.size), findings: findingCount, crossFile: true });
    const { runProjectPass } = await import('./project/index.ts');
    const deep = await runProjectPass({ files: discovery.files, findings, analyzed, lenders, config, hints: inListingOrder(hints, discovery.files) });
    findings.splice(0, findings.length, ...deep.findings);
    analyzed.splice(0, analyzed.length, ...deep.analyzed);
    deep.secrets.forEach((s) => secrets.add(s));
    errors.push(...deep.errors);
  }

  // A config value a request's finding got its URL from is that finding's.
  const remaining = new Set(withoutClaimedConfigUrls(findings));
  if (remaining.size < findings.length) {
    findings.splice(0, findings.length, ...remaining);
    for (const file of analyzed) file.findings = file.findings.filter((f) => remaining.has(f));
    analyzed.splice(0, analyzed.length, ...analyzed.filter((file) => file.findings.length > 0));
  }
  const report = analyzers.assembleReport({
    root: options.root,
    filesScanned: total - unread,
    findings,
    errors,
    skipped,
  });
  resultCache?.keep(discovery, { report, secrets: { values: secrets }, suppressions }, projectFiles.read);
  // assembleReport may give duplicate ids a suffix; keep the per-file lists pointing at the same objects.
  return { report, secrets: { values: secrets }, suppressions, files: analyzed, ...(cacheStats ? { cache: cacheStats } : {}) };
}

interface ScanContext {
  analyzers: Analyzers;
  config: Config;
  cache: VerdictCache | null;
  hints: PassHints;
  keepProgram: (path: string, program: AstNode, bytes: number) => void;
  /** Keeps a JS file the pre-filter rejected that names BigCommerce: likely an importer the pass reads. */
  keepMention?: (source: SourceText) => void;
}

/**
 * The relative specifiers of the JS files git found no needle in (never read): from git's search,
 * from the cache, or, when git could not search, from their bytes. The cache then learns them.
 */
async function addUnreadSpecifiers(
  unread: readonly DiscoveredFile[],
  hints: PassHints,
  cache: VerdictCache | null,
  searching: Promise<Map<string, string[]> | null>,
  maxFileSize: number,
): Promise<void> {
  if (unread.length === 0) return;
  const found = await searching;
  for (const file of unread) {
    const specs = found ? specifierHintsFromMatches(found.get(file.path) ?? []) : specifierHintsOnDisk(file, maxFileSize);
    if (specs.length > 0) hints.specifiers.set(file.path, specs);
    cache?.remember(file, { hit: false, specifiers: specs.length > 0 ? specs : undefined });
  }
}

function specifierHintsOnDisk(file: DiscoveredFile, maxFileSize: number): string[] {
  const read = readSourceFileSync(file, maxFileSize);
  return 'reason' in read ? [] : relativeSpecifierHints(read.buffer);
}

/**
 * A file git searched without finding a needle: clean, and not read. A JS file's specifiers come from
 * the cache, or later from git (it joins `unreadJs`).
 */
function settleNeedleFree(file: DiscoveredFile, cache: VerdictCache | null, hints: PassHints, unreadJs: DiscoveredFile[]): FileResult {
  if (file.kind === 'js') {
    const known = cache?.lookup(file);
    if (known?.specifiers) hints.specifiers.set(file.path, known.specifiers);
    else if (!known) unreadJs.push(file);
  }
  return { file, kind: 'clean' };
}

/** Reads one file (only as far as the pre-filter needs) and analyzes it if it might be legacy. */
async function scanFile(file: DiscoveredFile, context: ScanContext): Promise<FileResult> {
  const { analyzers, config, cache, hints } = context;
  const known = cache?.lookup(file);
  if (known?.specifiers) hints.specifiers.set(file.path, known.specifiers);
  const peekSpecifiers = (bytes: Buffer) => {
    const specs = relativeSpecifierHints(bytes);
    if (specs.length > 0) hints.specifiers.set(file.path, specs);
  };
  // A content seen clean before is not analyzed again; a pre-filter hit is still read, for the cross-file pass.
  const read = known === undefined
    ? readIfMightBeLegacy(file, config.maxFileSize, file.kind === 'js' ? peekSpecifiers : undefined, file.kind === 'js' ? context.keepMention : undefined)
    : known.hit ? readSourceFileSync(file, config.maxFileSize) : null;
  if (read !== null && !('reason' in read) && (file.kind === 'js' || file.kind === 'json')) hints.sources.set(file.path, read);
  if (known !== undefined && read !== null && !('reason' in read)) {
    if (file.kind === 'js') hints.cleanJs.add(file.path);
    return { file, kind: 'clean' };
  }
  if (read === null) {
    if (known === undefined) cache?.remember(file, { hit: false, specifiers: hints.specifiers.get(file.path) });
    return { file, kind: 'clean' };
  }
  if ('reason' in read) return { file, kind: 'skipped', skipped: read.reason === 'too-large' ? probedTooLarge(file, read) : read };
  try {
    const outcome = await analyzeFile(analyzers, file, read, config, context.keepProgram);
    const suppressions: Suppression[] = [];
    for (const comment of outcome.comments) {
      const suppression = analyzers.parseSuppressionComment(comment, file.path, read.text);
      if (suppression) suppressions.push(suppression);
    }
    if (outcome.findings.length === 0) {
      if (file.kind === 'js') hints.cleanJs.add(file.path);
      // A module lending a legacy location is read on every scan: its importers depend on it.
      if (outcome.secrets.length === 0 && suppressions.length === 0 && !outcome.lendsLegacy) cache?.remember(file, { hit: true, specifiers: hints.specifiers.get(file.path) });
    }
    return { file, kind: 'analyzed', read, outcome, suppressions };
  } catch (error) {
    return { file, kind: 'error', error: { file: file.path, message: describeError(error) } };
  }
}

/**
 * A file over the size limit is not analyzed, but it must not pass for clean: one whose bytes hold
 * the pre-filter's evidence makes the report incomplete.
 */
function probedTooLarge(file: DiscoveredFile, skipped: SkippedFile): SkippedFile {
  if (!holdsNeedle(file)) return skipped;
  return { ...skipped, message: `${skipped.message}; it names BigCommerce, so it may hold legacy calls`, mightBeLegacy: true };
}

function sameFile(a: DiscoveredFile | undefined, b: DiscoveredFile): boolean {
  // Discovery hands out the same object when it is the same file.
  return a === b || (a !== undefined && a.absolutePath === b.absolutePath && a.kind === b.kind && a.blob === b.blob);
}

/**
 * What was kept for the cross-file pass, in listing order (as when files were scanned in that
 * order) and holding only listed files: some were scanned early, and the pass iterates these.
 */
function inListingOrder(hints: PassHints, files: readonly DiscoveredFile[]): PassHints {
  const ordered: PassHints = { sources: new Map(), specifiers: new Map(), programs: new Map(), mentioning: new Map(), cleanJs: new Set(), containing: hints.containing };
  for (const { path } of files) {
    const source = hints.sources.get(path);
    if (source) ordered.sources.set(path, source);
    const specifiers = hints.specifiers.get(path);
    if (specifiers) ordered.specifiers.set(path, specifiers);
    const program = hints.programs.get(path);
    if (program) ordered.programs.set(path, program);
    const mention = hints.mentioning.get(path);
    if (mention) ordered.mentioning.set(path, mention);
    if (hints.cleanJs.has(path)) ordered.cleanJs.add(path);
  }
  return ordered;
}

async function analyzeFile(
  analyzers: Analyzers,
  file: DiscoveredFile,
  source: SourceText,
  config: Config,
  keepProgram: (path: string, program: AstNode, bytes: number) => void,
): Promise<FileOutcome> {
  const { parseJs, matchProgram, exportsLegacyValue, analyzeEnvFile, analyzeYamlOrJsonFile, analyzeShellFile, analyzeUnparsedFile, unparsedComments } = analyzers;
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
      const lendsLegacy = result.findings.length === 0 && exportsLegacyValue(parsed.program, source.text);
      return { ...result, comments, ...(lendsLegacy ? { lendsLegacy } : {}) };
    }
    case 'env':
      return { ...analyzeEnvFile(file.path, source.text, config), comments: hashComments(source.text) };
    case 'shell':
      return { ...analyzeShellFile(file.path, source.text, config), comments: hashComments(source.text) };
    case 'unparsed':
      return { ...analyzeUnparsedFile(file.path, source.text, config), comments: unparsedComments(file.path, source.text) };
    case 'yaml':
    case 'json':
      return { ...analyzeYamlOrJsonFile(file.path, source.text, config), comments: file.kind === 'yaml' ? hashComments(source.text) : [] };
    case 'notebook': {
      // Loaded only when a notebook is present, like the grammars its Python cells need.
      const { analyzeNotebook } = await import('./notebook-analysis.ts');
      return analyzeNotebook(file.path, source.text, config);
    }
    case 'php':
    case 'python':
    case 'ruby': {
      // Loaded only when such a file is present: the grammars are WebAssembly and cost a start-up.
      const { analyzeOtherLanguage } = await import('./languages/index.ts');
      return analyzeOtherLanguage({ path: file.path, text: source.text, kind: file.kind }, { config });
    }
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'line' in error && 'message' in error) {
    const { line, column, message } = error as { line: number; column?: number; message: string };
    return `${message.replace(/\s*\(\d+:\d+\)$/, '')} (line ${line}${column ? `, column ${column}` : ''})`;
  }
  return error instanceof Error ? error.message : String(error);
}
