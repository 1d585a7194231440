// The ready-to-copy CI jobs the README shows: their exact commands, run over fixture repos.
import { readFileSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanTempDirsAfterAll, copyFixture, makeTempDir, REPO_ROOT, runCli, type CliResult } from './helpers.ts';
import { parseWorkflowCommands, sarifSchemaErrors } from './formats.ts';

cleanTempDirsAfterAll();

interface GithubStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean;
  with?: Record<string, unknown>;
}

const githubWorkflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/bc-oauth-migrate.example.yml'), 'utf8')) as {
  on: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps: GithubStep[] }>;
};
const gitlabJobs = parse(readFileSync(join(REPO_ROOT, '.gitlab-ci.example.yml'), 'utf8')) as Record<
  string,
  { script: string[]; artifacts: { when: string; reports: { codequality: string } } }
>;

const githubJob = Object.values(githubWorkflow.jobs)[0];
const toolSteps = githubJob.steps.filter((s) => s.run?.includes('bc-oauth-migrate'));
const [sarifStep, failStep] = toolSteps;
const uploadStep = githubJob.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
const gitlabJob = gitlabJobs['bc-oauth-migrate'];

/**
 * The arguments after `npx ... bc-oauth-migrate` in a CI command. The command must be a plain word
 * list (no quoting, pipes or variables), so splitting on spaces gives exactly what the shell would.
 */
function toolArgs(command: string): string[] {
  expect(command.trim()).toMatch(/^[\w@./= -]+$/);
  const words = command.trim().split(/\s+/);
  const at = words.findIndex((w) => /^bc-oauth-migrate(@[\w.^~-]+)?$/.test(w));
  expect(words.slice(0, at)).toEqual(expect.arrayContaining(['npx']));
  return words.slice(at + 1);
}

/** Runs a CI command with the built CLI in place of npx, in a CI-like environment. */
function runStep(command: string, cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(toolArgs(command), { cwd, env: { CI: 'true', ...env } });
}

describe('the GitHub Actions workflow', () => {
  it('has the two check steps, the SARIF upload with the write permission it needs, and lets the upload run after a failure', () => {
    expect(toolSteps).toHaveLength(2);
    expect(sarifStep.run).toContain('--format sarif');
    expect(sarifStep['continue-on-error']).toBe(true);
    expect(failStep.run).toContain('--format github');
    expect(failStep['continue-on-error']).toBeUndefined();
    expect(uploadStep?.if).toContain('always()');
    expect(githubJob.permissions?.['security-events']).toBe('write');
    const outputFlag = toolArgs(sarifStep.run!).indexOf('--output');
    expect(uploadStep?.with?.sarif_file).toBe(toolArgs(sarifStep.run!)[outputFlag + 1]);
  });

  it('on a repo with legacy calls: the SARIF step writes a valid report, the last step fails the job with annotations', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const summary = join(await makeTempDir(), 'step-summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };

    const sarif = await runStep(sarifStep.run!, dir, env);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(await readFile(join(dir, String(uploadStep?.with?.sarif_file)), 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);

    const fail = await runStep(failStep.run!, dir, env);
    expect(fail.code).toBe(1);
    const annotations = parseWorkflowCommands(fail.stdout);
    expect(annotations.length).toBe(log.runs[0].results.length);
    expect(annotations.map((a) => a.properties.file)).toContain('src/order-sync.js');
    expect(await readFile(summary, 'utf8')).toContain('**Orders: modify**');
  });

  it('on a repo with nothing legacy: both steps pass and the SARIF report is empty', async () => {
    const dir = await copyFixture('e2e/clean', { git: true });
    const summary = join(await makeTempDir(), 'step-summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    expect((await runStep(sarifStep.run!, dir, env)).code).toBe(0);
    const log = JSON.parse(await readFile(join(dir, String(uploadStep?.with?.sarif_file)), 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    const fail = await runStep(failStep.run!, dir, env);
    expect(fail.code).toBe(0);
    expect(parseWorkflowCommands(fail.stdout)).toEqual([]);
  });
});

describe('the GitLab CI job', () => {
  it('writes the Code Quality report it declares as an artifact, even when the job fails', () => {
    expect(gitlabJob.script).toHaveLength(1);
    const args = toolArgs(gitlabJob.script[0]);
    expect(args.slice(0, 4)).toEqual(['check', '.', '--format', 'gitlab']);
    expect(args[args.indexOf('--output') + 1]).toBe(gitlabJob.artifacts.reports.codequality);
    expect(gitlabJob.artifacts.when).toBe('always');
  });

  it('on a repo with legacy calls: exits 1 with one Code Quality issue per finding', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const result = await runStep(gitlabJob.script[0], dir, { GITLAB_CI: 'true' });
    expect(result.code).toBe(1);
    const issues = JSON.parse(await readFile(join(dir, gitlabJob.artifacts.reports.codequality), 'utf8')) as Array<{ location: { path: string } }>;
    expect(issues.map((i) => i.location.path)).toContain('src/product-updater.ts');
  });

  it('on a repo with nothing legacy: exits 0 with an empty report', async () => {
    const dir = await copyFixture('e2e/clean', { git: true });
    const result = await runStep(gitlabJob.script[0], dir, { GITLAB_CI: 'true' });
    expect(result.code).toBe(0);
    const report = join(dir, gitlabJob.artifacts.reports.codequality);
    await access(report);
    expect(JSON.parse(await readFile(report, 'utf8'))).toEqual([]);
  });
});
