// Files the user names for the tool to write (--output, --patch, --write-baseline): a bad path is the
// user's mistake, so it gets a usage error naming the flag, the path and the problem (exit 2), found
// before the scan where it can be, never an "internal error" naming the atomic writer's temp file.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.ts';

/** Throws a UsageError when `given` (resolved from `cwd`) cannot be a file to write. */
export function checkWritablePath(flag: string, given: string, cwd: string): string {
  const path = resolve(cwd, given);
  const here = statOrNull(path);
  if (here?.isDirectory()) throw new UsageError(`${flag} ${given}: is a folder; give a file path`);
  const folder = statOrNull(dirname(path));
  if (!folder) throw new UsageError(`${flag} ${given}: the folder ${dirname(path)} does not exist`);
  if (!folder.isDirectory()) throw new UsageError(`${flag} ${given}: ${dirname(path)} is not a folder`);
  return path;
}

/** Runs `write`, turning a file system refusal into a UsageError that names the flag and the path. */
export async function writingUserFile<T>(flag: string, given: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const problem = FS_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
    if (problem) throw new UsageError(`${flag} ${given}: cannot write the file: ${problem}`);
    throw error;
  }
}

const FS_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
