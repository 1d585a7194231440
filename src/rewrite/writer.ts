// The safe writer `fix` and `review` share: nothing is written over uncommitted work, a file that
// changed since it was read is left alone, every write is atomic (temp file + rename) and keeps the
// file's BOM and mode; only files whose text changes are touched.
import { readFileSync, statSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { parseJs, parsesAsJs } from '../analyze/parse.ts';
import type { Patch } from '../types.ts';
import { DirtyTreeError } from './errors.ts';
import { uncommittedFiles } from './git.ts';

export interface WriteOptions {
  /** The project root (for git and relative paths). */
  root: string;
  /** Write even when git shows uncommitted changes in those files. */
  allowDirty?: boolean;
}

export interface WriteOutcome {
  /** Relative paths written. */
  written: string[];
  /** Files not written, and why (changed on disk, unwritable, output does not parse). */
  refused: Array<{ file: string; reason: string }>;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Throws DirtyTreeError (and writes nothing) when git has uncommitted changes in the files to write. */
export async function writePatches(patches: Patch[], options: WriteOptions): Promise<WriteOutcome> {
  const changed = patches.filter((p) => p.before !== p.after);
  if (!options.allowDirty) {
    const dirty = uncommittedFiles(options.root, changed.map((p) => p.file));
    if (dirty.length > 0) throw new DirtyTreeError(dirty);
  }
  const outcome: WriteOutcome = { written: [], refused: [] };
  for (const patch of changed) {
    const reason = await writeOne(patch);
    if (reason) outcome.refused.push({ file: patch.file, reason });
    else outcome.written.push(patch.file);
  }
  return outcome;
}

/** Writes one patch; returns why not, or null when written. */
async function writeOne(patch: Patch): Promise<string | null> {
  if (parsesAsJs(patch.file)) {
    try {
      parseJs(patch.after, patch.file);
    } catch (error) {
      return `the rewritten file does not parse (${(error as Error).message}); nothing was written`;
    }
  }
  let bytes: Buffer;
  let mode: number;
  try {
    bytes = readFileSync(patch.absolutePath);
    mode = statSync(patch.absolutePath).mode & 0o7777;
  } catch (error) {
    return `cannot read it again before writing: ${(error as Error).message}`;
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  let current: string;
  try {
    current = decoder.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return 'it is no longer valid UTF-8; it changed on disk since it was read';
  }
  if (current !== patch.before) return 'it changed on disk since it was read; run fix again';
  const body = Buffer.from(patch.after, 'utf8');
  try {
    await writeFileAtomic(patch.absolutePath, bom ? Buffer.concat([BOM, body]) : body, { mode });
  } catch (error) {
    return `cannot write it: ${(error as Error).message}`;
  }
  return null;
}
