// Properties of `fix`, run in process exactly as the CLI composes it (scanProject, planRewrites,
// writePatches, and the diff, patch-file and summary renderers) on generated projects in temp folders:
// what it writes parses, a second run changes nothing, a file without findings is never written, and
// a planted credential never shows in any of its outputs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanProject, type ScanResult } from '../../src/analyze/index.ts';
import { parseJs } from '../../src/analyze/parse.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { patchFileText, planRewrites, unifiedDiff, writePatches, type RewritePlan, type WriteOutcome } from '../../src/rewrite/index.ts';
import { buildFixSummary, renderFixSummaryText } from '../../src/rewrite/summary.ts';
import { fixProject, type FixProject } from './fix-projects.ts';

const config = defaultConfig();
const RUNS = 40;

interface FileState {
  bytes: Buffer;
  ino: number;
  mtimeMs: number;
}

interface FixRun {
  root: string;
  scan: ScanResult;
  plan: RewritePlan;
  written: WriteOutcome;
  before: Map<string, FileState>;
  after: Map<string, FileState>;
}

function snapshot(root: string, project: FixProject): Map<string, FileState> {
  const out = new Map<string, FileState>();
  for (const file of project.files) {
    const path = join(root, file.path);
    const stat = statSync(path);
    out.set(file.path, { bytes: readFileSync(path), ino: stat.ino, mtimeMs: stat.mtimeMs });
  }
  return out;
}

/** One `fix` (write mode) over the project in `root`, as the CLI runs it. */
async function fixOnce(root: string, project: FixProject): Promise<FixRun> {
  const before = snapshot(root, project);
  const scan = await scanProject({ root, paths: [], config, useGit: false });
  const plan = await planRewrites(scan, config);
  const written = await writePatches(plan.patches, { root });
  return { root, scan, plan, written, before, after: snapshot(root, project) };
}

/** Lays the project out in a fresh temp folder, hands it to `body`, and removes it afterwards. */
async function inTempProject<T>(project: FixProject, body: (root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'bc-fix-prop-'));
  try {
    for (const file of project.files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.bytes);
    }
    return await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The text of a file after its BOM, as the parser and the rewrite see it. */
function textOf(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return body.toString('utf8');
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The credential as each output format would escape it: JSON strings, XML, percent-encoding. */
function leakedForms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), secret.replace(/&/g, '&amp;').replace(/</g, '&lt;'), secret.replace(/%/g, '%25')];
}

/** Runs `check` after one `fix` over each generated project, as a fast-check property. */
async function forEveryFixRun(check: (run: FixRun, project: FixProject) => Promise<void> | void): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fixProject, (project) =>
      inTempProject(project, async (root) => {
        await check(await fixOnce(root, project), project);
      }),
    ),
    { numRuns: RUNS },
  );
}

describe('fix on generated projects', () => {
  // Guards the properties below against passing on nothing: the projects must give fix work to do.
  it('the generated projects give fix files to write, and their clean files have no finding', async () => {
    let legacy = 0;
    let written = 0;
    for (const project of fc.sample(fixProject, { numRuns: 20, seed: 8 })) {
      await inTempProject(project, async (root) => {
        const run = await fixOnce(root, project);
        legacy += project.files.filter((f) => f.path.includes('/legacy-')).length;
        written += run.written.written.length;
        const clean = new Set(project.files.filter((f) => f.path.includes('/clean-')).map((f) => f.path));
        expect(run.scan.report.findings.filter((f) => clean.has(f.file))).toEqual([]);
      });
    }
    expect(written / legacy).toBeGreaterThan(0.5);
  });

  it('writes only files that parse, and keeps their BOM', async () => {
    await forEveryFixRun(async (run, project) => {
      for (const file of run.written.written) {
        const bytes = run.after.get(file)!.bytes;
        expect(() => parseJs(textOf(bytes), file), `${file} after fix`).not.toThrow();
        expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(run.before.get(file)!.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
      }
    });
  });

  it('keeps CRLF line endings: a CRLF file gains no bare LF', async () => {
    await forEveryFixRun(async (run, project) => {
      for (const file of run.written.written) {
        const before = textOf(run.before.get(file)!.bytes);
        const after = textOf(run.after.get(file)!.bytes);
        if (before.includes('\r\n')) expect(after.replace(/\r\n/g, '').includes('\n'), `${file} has a bare LF after fix:\n${after}`).toBe(false);
      }
    });
  });

  it('changes nothing the second time: fix twice equals fix once', async () => {
    await fc.assert(
      fc.asyncProperty(fixProject, (project) =>
        inTempProject(project, async (root) => {
          const first = await fixOnce(root, project);
          const second = await fixOnce(root, project);
          expect(second.written).toEqual({ written: [], refused: [] });
          expect(second.plan.patches.filter((p) => p.before !== p.after).map((p) => `${p.file}:\n${unifiedDiff(p, second.scan.secrets)}`)).toEqual([]);
          for (const [file, state] of second.after) {
            expect(state.bytes.equals(first.after.get(file)!.bytes), file).toBe(true);
            expect(state.ino, file).toBe(first.after.get(file)!.ino);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('never writes a file that has no finding: same bytes, same inode, same mtime', async () => {
    await forEveryFixRun(async (run, project) => {
      const withFindings = new Set(run.scan.report.findings.map((f) => f.file));
      const untouched = project.files.map((f) => f.path).filter((path) => !withFindings.has(path));
      for (const file of untouched) {
        const before = run.before.get(file)!;
        const after = run.after.get(file)!;
        expect(run.written.written).not.toContain(file);
        expect(after.bytes.equals(before.bytes), file).toBe(true);
        expect([after.ino, after.mtimeMs], file).toEqual([before.ino, before.mtimeMs]);
      }
    });
  });

  it('never copies a planted credential into the code it writes', async () => {
    await forEveryFixRun(async (run, project) => {
      for (const file of run.written.written) {
        const before = textOf(run.before.get(file)!.bytes);
        const after = textOf(run.after.get(file)!.bytes);
        for (const secret of project.secrets) expect(occurrences(after, secret), `${secret} in ${file}`).toBeLessThanOrEqual(occurrences(before, secret));
      }
    });
  });

  it('never shows a planted credential in a diff, the patch file, or the summary (text or JSON, each mode)', async () => {
    await fc.assert(
      fc.asyncProperty(fixProject, (project) =>
        inTempProject(project, async (root) => {
          const scan = await scanProject({ root, paths: [], config, useGit: false });
          const plan = await planRewrites(scan, config);
          const changed = plan.patches.filter((p) => p.before !== p.after);
          const diffs = changed.map((p) => unifiedDiff(p, scan.secrets));
          const outputs: Record<string, string> = { diffs: diffs.join(''), patchFile: patchFileText(changed, scan.secrets) };
          const written = await writePatches(changed, { root });
          const common = { report: scan.report, plan, config, secrets: scan.secrets };
          const summaries = {
            'dry-run': buildFixSummary({ ...common, mode: 'dry-run', diffs }),
            patch: buildFixSummary({ ...common, mode: 'patch', patchFile: 'migrate.patch' }),
            write: buildFixSummary({ ...common, mode: 'write', written }),
          };
          for (const [mode, summary] of Object.entries(summaries)) {
            outputs[`${mode} summary (text)`] = renderFixSummaryText(summary);
            outputs[`${mode} summary (json)`] = JSON.stringify(summary, null, 2);
          }
          const checked = project.secrets;
          for (const [name, text] of Object.entries(outputs)) {
            for (const secret of checked) {
              for (const form of leakedForms(secret)) if (text.includes(form)) throw new Error(`${name} shows the planted credential as ${form}:\n${text}`);
            }
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  // The password in a URL is percent-encoded; the real credential is the decoded form.
  it('redacts the decoded form of a percent-encoded userinfo password in the diff', async () => {
    const code = "export const run = () => fetch('https://u:Pa55word%3F0abc@store-abc123.mybigcommerce.com/api/v2/orders');\n// the password is Pa55word?0abc\n";
    const project: FixProject = { files: [{ path: 'src/orders.js', bytes: Buffer.from(code) }], secrets: ['Pa55word?0abc'], decodedUserinfo: [] };
    await inTempProject(project, async (root) => {
      const scan = await scanProject({ root, paths: [], config, useGit: false });
      const plan = await planRewrites(scan, config);
      expect(plan.patches).toHaveLength(1);
      expect(unifiedDiff(plan.patches[0], scan.secrets)).not.toContain('Pa55word?0abc');
    });
  });
});
