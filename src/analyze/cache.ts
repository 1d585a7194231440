// The scan's memory between runs: which file contents (by git object id) it has already seen come
// out clean, so that a second scan of a large repository reads only what changed and what has
// findings. Only clean verdicts are kept: a file with a finding, a suppression, a credential or a
// parse error is analyzed again every time. Keyed by a fingerprint of the tool's build and the
// configuration, so a new version or a changed config starts from nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { DiscoveredFile } from '../discover/types.ts';
import type { Config } from '../types.ts';
import type { ProjectAliases } from './project/path-aliases.ts';
import { TOOL_VERSION } from '../version.ts';

export interface ScanCacheOptions {
  /** The folder cache files are kept in (one file per scanned root). */
  dir: string;
}

/** What the cache knows of a clean file. */
export interface CleanVerdict {
  /** It passed the pre-filter (so its bytes are still read, for the cross-file pass); else it did not. */
  hit: boolean;
  /** A JS file's relative-specifier hints (for the cross-file pass's search for importers). */
  specifiers?: string[];
}

export interface CacheStats {
  /** Files whose verdict came from the cache (every listed file when the whole result did). */
  reused: number;
  /** The whole result was the one kept from the last scan of the unchanged tree (result-cache.ts). */
  result?: boolean;
  /** Why the cache could not be read or written, when it could not (the scan is only slower). */
  problem?: string;
}

export interface VerdictCache {
  lookup(file: DiscoveredFile): CleanVerdict | undefined;
  remember(file: DiscoveredFile, verdict: CleanVerdict): void;
  /** Writes the cache if it changed. Never throws. */
  save(): CacheStats;
}

const FORMAT = 1;
/** Entries of earlier runs not seen in this one are kept up to this many (a scan of a subfolder keeps the rest). */
const MAX_ENTRIES = 200_000;

/** 0 / 1: clean, did not / did pass the pre-filter; [0|1, ...specifiers] with hints. */
type Entry = 0 | 1 | [0 | 1, ...string[]];

interface CacheFile {
  format: number;
  fingerprint: string;
  entries: Record<string, Entry>;
}

/**
 * Whether an earlier scan of this root left a cache file (cheap: no read). It may still be of
 * another build or configuration, which `openVerdictCache` finds out.
 */
export function hasVerdictCache(options: ScanCacheOptions & { root: string }): boolean {
  return existsSync(cachePath(options));
}

function cachePath(options: ScanCacheOptions & { root: string }): string {
  return cacheFileStem(options) + '.json';
}

/** The cache files of one scanned root share this path, before their suffix. */
export function cacheFileStem(options: ScanCacheOptions & { root: string }): string {
  return join(options.dir, digest(realRoot(options.root)).slice(0, 20));
}

export function openVerdictCache(options: ScanCacheOptions & { root: string; config: Config; pathAliases?: ProjectAliases | null }): VerdictCache {
  const path = cachePath(options);
  const fingerprint = analysisFingerprint(options.config, options.pathAliases);
  let problem: string | undefined;
  // Read at first use: a scan whose whole result is kept (result-cache.ts) never needs it.
  let read: Record<string, unknown> | undefined;
  const earlier = (): Record<string, unknown> => (read ??= readEarlier());
  const readEarlier = (): Record<string, unknown> => {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      // Looked up as read: no copy, each entry checked when it is used.
      if (parsed.format === FORMAT && parsed.fingerprint === fingerprint && parsed.entries && typeof parsed.entries === 'object') return parsed.entries;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problem = `the scan cache ${path} could not be read: ${(error as Error).message}`;
    }
    return {};
  };
  const used = new Map<string, Entry>();
  let reused = 0;
  let changed = false;

  return {
    lookup(file) {
      if (!file.blob) return undefined;
      const key = keyOf(file);
      // Keys are "<kind>:<object id>": never the name of an Object.prototype member.
      const entry = used.get(key) ?? earlier()[key];
      if (!isEntry(entry)) return undefined;
      used.set(key, entry);
      reused += 1;
      return typeof entry === 'number' ? { hit: entry === 1 } : { hit: entry[0] === 1, specifiers: entry.slice(1) as string[] };
    },
    remember(file, verdict) {
      if (!file.blob) return;
      const flag = verdict.hit ? 1 : 0;
      used.set(keyOf(file), verdict.specifiers?.length ? [flag, ...verdict.specifiers] : flag);
      changed = true;
    },
    save() {
      if (!changed) return { reused, problem };
      const entries: Record<string, Entry> = Object.fromEntries(used);
      let count = used.size;
      const old = earlier();
      for (const key in old) {
        if (count >= MAX_ENTRIES) break;
        const entry = old[key];
        if (entries[key] === undefined && isEntry(entry)) (entries[key] = entry), count++;
      }
      try {
        mkdirSync(options.dir, { recursive: true });
        writeFileAtomic.sync(path, JSON.stringify({ format: FORMAT, fingerprint, entries } satisfies CacheFile));
      } catch (error) {
        problem = `the scan cache ${path} could not be written: ${(error as Error).message}`;
      }
      return { reused, problem };
    },
  };
}

/** Content and kind: the pre-filter's needles and the analysis both depend on the kind. */
function keyOf(file: DiscoveredFile): string {
  return `${file.kind}:${file.blob}`;
}

function isEntry(value: unknown): value is Entry {
  return value === 0 || value === 1 || (Array.isArray(value) && (value[0] === 0 || value[0] === 1) && value.slice(1).every((s) => typeof s === 'string'));
}

/**
 * What a verdict depends on besides the file: this build of the tool (its code, needles and scope
 * catalogue) and the configuration (store mappings, size limit, env names).
 */
export function analysisFingerprint(config: Config, pathAliases: ProjectAliases | null = null): string {
  const { path: _where, ...settings } = config;
  // The project's path aliases decide which specifiers each file is searched for (kept in the cache).
  return digest(JSON.stringify([FORMAT, TOOL_VERSION, buildId(), settings, pathAliases]));
}

/** Written by the build (scripts/copy-assets.js): a digest of the built code. Absent when running from sources. */
function buildId(): string {
  try {
    return readFileSync(new URL('../build-id.txt', import.meta.url), 'utf8').trim();
  } catch {
    return 'sources';
  }
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
