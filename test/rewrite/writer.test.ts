// The safe writer: keeps BOM, line endings and mode, writes atomically, refuses a file that changed
// on disk or has uncommitted changes, and touches nothing that does not change.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirtyTreeError } from '../../src/rewrite/errors.ts';
import { writePatches } from '../../src/rewrite/writer.ts';
import type { Patch } from '../../src/types.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bc-writer-'));
  dirs.push(dir);
  return dir;
}

function patchOf(root: string, file: string, before: string, after: string): Patch {
  return { file, absolutePath: join(root, file), before, after, findingIds: [], changes: [] };
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
}

/** `files` written into `dir` (created if needed) and committed there as a new repository. */
function committed(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git(dir, 'init', '-q');
  git(dir, 'add', ...Object.keys(files));
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

const BEFORE = "const a = 'x';\r\nconst b = 1;\r\n";
const AFTER = "const a = 'y';\r\nconst b = 1;\r\n";

describe('writePatches', () => {
  it('writes the new text with its CRLF line endings', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), BEFORE);
    const outcome = await writePatches([patchOf(root, 'a.js', BEFORE, AFTER)], { root });
    expect(outcome).toEqual({ written: ['a.js'], refused: [] });
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(AFTER);
  });

  it('keeps a UTF-8 BOM the file had', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BEFORE)]));
    await writePatches([patchOf(root, 'a.js', BEFORE, AFTER)], { root });
    const bytes = readFileSync(join(root, 'a.js'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(AFTER);
  });

  it('keeps the file mode', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'run.js'), BEFORE);
    chmodSync(join(root, 'run.js'), 0o751);
    await writePatches([patchOf(root, 'run.js', BEFORE, AFTER)], { root });
    expect(statSync(join(root, 'run.js')).mode & 0o777).toBe(0o751);
  });

  it('refuses a file that changed on disk since it was read, and leaves it as it is', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), "const a = 'edited meanwhile';\n");
    const outcome = await writePatches([patchOf(root, 'a.js', BEFORE, AFTER)], { root });
    expect(outcome.written).toEqual([]);
    expect(outcome.refused).toEqual([{ file: 'a.js', reason: expect.stringContaining('changed on disk') }]);
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe("const a = 'edited meanwhile';\n");
  });

  it('refuses, writing nothing, when git has uncommitted changes in a file to write', async () => {
    const root = committed(tempDir(), { 'a.js': BEFORE, 'b.js': BEFORE });
    const dirty = "const a = 'local work';\r\n";
    writeFileSync(join(root, 'b.js'), dirty);
    const patches = [patchOf(root, 'a.js', BEFORE, AFTER), patchOf(root, 'b.js', dirty, AFTER)];
    const error = await writePatches(patches, { root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirtyTreeError);
    expect((error as DirtyTreeError).files).toEqual(['b.js']);
    expect((error as Error).message).toContain('--allow-dirty');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(BEFORE);
  });

  it('refuses a file with uncommitted changes in a repository nested in the root, which the outer one cannot see', async () => {
    const root = tempDir();
    const inner = committed(join(root, 'vendor-clone'), { 'c.js': BEFORE });
    committed(root, { 'a.js': BEFORE });
    const dirty = "const a = 'local work';\r\n";
    writeFileSync(join(inner, 'c.js'), dirty);
    const error = await writePatches([patchOf(root, 'a.js', BEFORE, AFTER), patchOf(root, 'vendor-clone/c.js', dirty, AFTER)], { root }).catch((e: unknown) => e);
    expect((error as DirtyTreeError).files).toEqual(['vendor-clone/c.js']);
    expect(readFileSync(join(inner, 'c.js'), 'utf8')).toBe(dirty);
  });

  it('writes over uncommitted changes with allowDirty', async () => {
    const root = committed(tempDir(), { 'a.js': 'x\n' });
    writeFileSync(join(root, 'a.js'), BEFORE);
    const outcome = await writePatches([patchOf(root, 'a.js', BEFORE, AFTER)], { root, allowDirty: true });
    expect(outcome.written).toEqual(['a.js']);
  });

  it('proceeds outside a git repository', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), BEFORE);
    expect((await writePatches([patchOf(root, 'a.js', BEFORE, AFTER)], { root })).written).toEqual(['a.js']);
  });

  it('does not touch a file whose text does not change', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), BEFORE);
    const before = statSync(join(root, 'a.js'));
    const outcome = await writePatches([patchOf(root, 'a.js', BEFORE, BEFORE)], { root });
    expect(outcome).toEqual({ written: [], refused: [] });
    expect(statSync(join(root, 'a.js')).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(join(root, 'a.js')).ino).toBe(before.ino);
  });

  it('refuses JavaScript that does not parse', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), BEFORE);
    const outcome = await writePatches([patchOf(root, 'a.js', BEFORE, 'const a = ;\n')], { root });
    expect(outcome.refused[0].reason).toContain('does not parse');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(BEFORE);
  });

  it('refuses a component whose code does not parse, and reads only its code', async () => {
    const root = tempDir();
    const component = '<template><p>{{ a }}</p></template>\n<script>\nconst a = 1;\n</script>\n';
    writeFileSync(join(root, 'A.vue'), component);
    const outcome = await writePatches([patchOf(root, 'A.vue', component, component.replace('const a = 1;', 'const a = ;'))], { root });
    expect(outcome.refused[0].reason).toContain('does not parse');
    expect(readFileSync(join(root, 'A.vue'), 'utf8')).toBe(component);
    const fine = await writePatches([patchOf(root, 'A.vue', component, component.replace('const a = 1;', 'const a = 2;'))], { root });
    expect(fine.written).toEqual(['A.vue']);
  });

  it('reports a file it cannot write and goes on with the others', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.js'), BEFORE);
    writeFileSync(join(root, 'b.js'), BEFORE);
    const outcome = await writePatches([patchOf(root, 'missing/c.js', BEFORE, AFTER), patchOf(root, 'b.js', BEFORE, AFTER)], { root });
    expect(outcome.refused.map((r) => r.file)).toEqual(['missing/c.js']);
    expect(outcome.written).toEqual(['b.js']);
  });
});
