import type { FileError, SkippedFile } from '../types.ts';

/** One entry of a raw listing, before kind, exclude and symlink rules are applied. */
export interface ListedEntry {
  /** Relative to the root, forward slashes. */
  path: string;
  /** Null when the lister does not know (git's untracked files): check with lstat. */
  symlink: boolean | null;
}

export interface Listing {
  entries: ListedEntry[];
  skipped: SkippedFile[];
  errors: FileError[];
}
