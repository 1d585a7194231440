import type { FileError, SkippedFile } from '../types.ts';
import type { TreeDigests } from './tree-digest.ts';

/** One entry of a raw listing, before kind, exclude and symlink rules are applied. */
export interface ListedEntry {
  /** Relative to the root, forward slashes. */
  path: string;
  /** Null when the lister does not know (git's untracked files): check with lstat. */
  symlink: boolean | null;
  /**
   * git's object id for the file's content, given only when git vouches that the work tree holds
   * exactly that (tracked, unmodified, not marked assume-unchanged or skip-worktree, no conflict).
   */
  blob?: string;
  /**
   * git grep reads this file from the work tree (tracked, no conflict, not a symlink, not marked
   * assume-unchanged or skip-worktree), so what it finds there is what the file holds.
   */
  searchable?: boolean;
}

export interface Listing {
  entries: ListedEntry[];
  skipped: SkippedFile[];
  errors: FileError[];
  /** The tree is the one a caller kept a result for (ListingProbe): no entries are listed. */
  unchanged?: true;
  /** Digests of the tree as listed, when asked for and cheap enough (tree-digest.ts). */
  digests?: TreeDigests;
  /**
   * Folders holding another repository (a submodule, a nested clone), relative to the root: git
   * lists none of their files, so the caller walks them.
   */
  nested?: string[];
}
