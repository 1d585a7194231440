import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Files to create: path → content, or `{ link: target }` for a symlink. */
export type TreeSpec = Record<string, string | Buffer | { link: string }>;

export async function makeTree(spec: TreeSpec): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'bcom-discover-')));
  await addToTree(root, spec);
  return root;
}

export async function addToTree(root: string, spec: TreeSpec): Promise<void> {
  for (const [path, content] of Object.entries(spec)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) await symlink(content.link, target);
    else await writeFile(target, content);
  }
}

export async function removeTree(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}
