import type { FileError, SkippedFile } from '../types.ts';
import type { TreeDigests } from './tree-digest.ts';

/**
 * What a file is, which decides the parser and the detectors that see it. `unparsed`: a language or
 * format the tool has no parser for (unparsed-languages.ts), read as plain text for store API URLs.
 */
export type FileKind = 'js' | 'env' | 'yaml' | 'json' | 'php' | 'python' | 'ruby' | 'shell' | 'notebook' | 'unparsed';

export interface DiscoveredFile {
  /** Relative to the root, forward slashes. */
  path: string;
  /** Where to read (and later write) it. For a symlink inside the root, its real path. */
  absolutePath: string;
  /**
   * Bytes, or -1 while not yet known: listing does not stat files (speed, issue 7).
   * `readSourceFile` returns a copy of the file with the real size.
   */
  size: number;
  kind: FileKind;
  /** git's object id for the content, when git vouches the work tree holds exactly it (see ListedEntry). */
  blob?: string;
  /**
   * git grep searched this very file in the work tree for the pre-filter's needles and found none
   * (DiscoverOptions.needles): it need not be read to be known clean.
   */
  noNeedle?: boolean;
}

export interface Discovery {
  /** Sorted by path. */
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /** Problems that may have made the listing incomplete (an unreadable .gitignore, ...). */
  errors: FileError[];
  /** The tsconfig.json, jsconfig.json and package.json files listed (not analyzed; their path aliases matter). */
  configs: string[];
  /** Set when the listing came from git: where git can search the tracked files again. */
  git?: GitSearchRoot;
  /** The tree is the one the caller kept a result for (DiscoverOptions.unchanged): no file is listed. */
  unchanged?: true;
  /** Digests of the listed tree, when the caller gave DiscoverOptions.unchanged and they were cheap to take. */
  digests?: TreeDigests;
}

/** Which tracked files git searches (discover/git-grep.ts): those under `dirs` of the work-tree folder `root`. */
export interface GitSearchRoot {
  root: string;
  /** Folders under the root; '' is all of it. */
  dirs: readonly string[];
  /**
   * Only files whose base name matches one of these globs (case-insensitively). A file outside
   * them is never searched, so a caller must not count it as searched.
   */
  names?: readonly string[];
  /**
   * Globs under each folder that git leaves out (a node_modules folder at any depth, say): only
   * files the scan never reads may be left out, or they would count as searched without a needle.
   */
  skip?: readonly string[];
}

/**
 * A file read once, as every later stage sees it. `text`, `validUtf8`, `eol` and `minified` are
 * computed on first access (a file the pre-filter rejects is never decoded); treat them as plain
 * read-only values.
 */
export interface SourceText {
  file: DiscoveredFile;
  /** The bytes as on disk, BOM included. */
  buffer: Buffer;
  /** Decoded as UTF-8 (invalid sequences become U+FFFD), BOM removed. */
  text: string;
  bom: boolean;
  /** The dominant line ending; '\n' when there is none or a tie. */
  eol: '\n' | '\r\n';
  /** False when the bytes are not valid UTF-8: a rewrite would change bytes it did not mean to. */
  validUtf8: boolean;
  /** Permission bits (stat.mode & 0o7777), for the writer to keep. */
  mode: number;
  /**
   * A line over 1000 characters in the first KiB: most likely a generated bundle. Still analyzed
   * (a key in a shipped bundle is worth knowing about), but not worth rewriting.
   */
  minified: boolean;
}
