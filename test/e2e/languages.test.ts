// PHP, Python and Ruby end to end (issue 9 through the built CLI): scan, check in every format, and fix
// on a temporary git copy of fixtures/languages without its `*.expected.*` files. The library
// configurations are rewritten to exactly the expected files, every other legacy call is reported,
// a second fix changes nothing, and no planted credential is ever printed.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/analyze/languages/parser.ts';
import { cleanTempDirsAfterAll, copyFixture, FIXTURES, FORMATS, git, gitCommitAll, hashTree, runCli, runJson } from './helpers.ts';
import { junitCases, junitWellFormed, parseWorkflowCommands, sarifSchemaErrors } from './formats.ts';
import type { Report } from '../../src/types.ts';

cleanTempDirsAfterAll();

/** Credentials written into the fixtures: none may appear in any output. */
const PLANTED = [
  '9f86d081884c7d659a2feaa0c55ad015',
  'k3y-5ecret-value',
  'd41d8cd98f00b204e9800998ecf8427e',
  'c2VjcmV0LWFwaS1rZXktMTIz',
  '0123456789abcdef0123',
  'b4d5ecretb4d5ecret',
  'f00dfeedf00dfeedf00dfeedf00dfeed',
];
/** The library configurations fix rewrites, each with its expected file beside it in the fixture. */
const REWRITTEN = ['php/legacy-config.php', 'php/old-client.php', 'python/legacy_client.py', 'ruby/legacy_configure.rb', 'ruby/old_api.rb'];
/** The env names the expected files use. */
const ENV_FLAGS = ['--token-env', 'BC_ACCESS_TOKEN', '--store-hash-env', 'BC_STORE_HASH'];
const SCOPES = ['store_v2_customers', 'store_v2_information_read_only', 'store_v2_marketing', 'store_v2_orders', 'store_v2_products'];

const expectedFile = (file: string) => file.replace(/\.(php|py|rb)$/, '.expected.$1');
const kindOf = (file: string) => (file.endsWith('.php') ? 'php' : file.endsWith('.py') ? 'python' : 'ruby');

function expectNoSecret(...outputs: string[]): void {
  for (const output of outputs) for (const secret of PLANTED) expect(output).not.toContain(secret);
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !relative(dir, join(entry.parentPath, entry.name)).startsWith('.git')) out.push(relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }
  return out.sort();
}

/** A temporary git copy of fixtures/languages without the expected outputs. */
async function languagesRepo(): Promise<string> {
  const dir = await copyFixture('languages');
  for (const file of await filesUnder(dir)) if (/\.expected\.(php|py|rb)$/.test(file)) await rm(join(dir, file));
  await gitCommitAll(dir);
  return dir;
}

describe('scan on PHP, Python and Ruby', () => {
  let dir: string;
  let scanned: { report: Report; code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = await languagesRepo();
    scanned = await runJson(['scan'], { cwd: dir });
  });

  it('exits 0 with a complete report and no errors', () => {
    expect(scanned.code).toBe(0);
    expect(scanned.report.summary.complete).toBe(true);
    expect(scanned.report.errors).toEqual([]);
  });

  it('finds legacy auth in every legacy file and nothing in the OAuth ones', async () => {
    const withFindings = new Set(scanned.report.findings.map((f) => f.file));
    const files = await filesUnder(dir);
    expect(files.filter((f) => !withFindings.has(f))).toEqual(['php/oauth-config.php', 'python/oauth_client.py', 'ruby/oauth_configure.rb']);
  });

  it('reports the minimum scopes of all three languages in one list', () => {
    expect(scanned.report.scopes.map((s) => s.scope).sort()).toEqual(SCOPES);
  });

  it('marks the library configurations fixable and the raw HTTP calls not', () => {
    const fixableFiles = new Set(scanned.report.findings.filter((f) => f.fixable).map((f) => f.file));
    expect([...fixableFiles].sort()).toEqual([...REWRITTEN].sort());
  });

  it.each(['text', 'markdown'])('%s: exits 0, names a file of each language, shows no credential', async (format) => {
    const { stdout, stderr, code } = await runCli(['scan', '--format', format], { cwd: dir });
    expect(code).toBe(0);
    for (const file of ['php/curl-sync.php', 'python/raw_requests.py', 'ruby/http_clients.rb']) expect(stdout).toContain(file);
    expectNoSecret(stdout, stderr, scanned.stdout);
  });
});

describe('check on PHP, Python and Ruby, in every format', () => {
  let dir: string;
  const outputs = new Map<string, { stdout: string; stderr: string; code: number }>();

  beforeAll(async () => {
    dir = await languagesRepo();
    await Promise.all(FORMATS.map(async (format) => outputs.set(format, await runCli(['check', '--format', format], { cwd: dir }))));
  });

  it.each(FORMATS)('%s: exits 1 (legacy auth found) and shows no credential', (format) => {
    const out = outputs.get(format)!;
    expect(out.code).toBe(1);
    expectNoSecret(out.stdout, out.stderr);
  });

  it('json: the same findings as scan', async () => {
    const check = JSON.parse(outputs.get('json')!.stdout) as Report;
    const scan = (await runJson(['scan'], { cwd: dir })).report;
    expect(check.findings.map((f) => f.id).sort()).toEqual(scan.findings.map((f) => f.id).sort());
  });

  it('sarif: valid SARIF 2.1.0 with results in each language', () => {
    const log = JSON.parse(outputs.get('sarif')!.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const uris = new Set<string>(log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri));
    for (const file of ['php/curl-sync.php', 'python/raw_requests.py', 'ruby/http_clients.rb']) expect(uris).toContain(file);
  });

  it('github: workflow commands that parse back, pointing at the PHP, Python and Ruby files', () => {
    const commands = parseWorkflowCommands(outputs.get('github')!.stdout);
    const files = new Set(commands.map((c) => c.properties.file).filter(Boolean));
    for (const file of ['php/guzzle-client.php', 'python/legacy_client.py', 'ruby/legacy_configure.rb']) expect(files).toContain(file);
  });

  it('junit: well-formed XML with a failing case for a file of each language', () => {
    const xml = outputs.get('junit')!.stdout;
    expect(junitWellFormed(xml)).toBe(true);
    const failing = junitCases(xml).filter((c) => c.failures.length > 0).map((c) => c.name).join('\n');
    for (const ext of ['.php', '.py', '.rb']) expect(failing).toContain(ext);
  });

  it('gitlab: a JSON array of issues at the PHP, Python and Ruby files', () => {
    const issues = JSON.parse(outputs.get('gitlab')!.stdout) as Array<{ location: { path: string } }>;
    const paths = new Set(issues.map((i) => i.location.path));
    for (const file of ['php/curl-sync.php', 'python/raw_requests.py', 'ruby/http_clients.rb']) expect(paths).toContain(file);
  });

  it('markdown and text: name the scopes to request', () => {
    for (const format of ['text', 'markdown']) expect(outputs.get(format)!.stdout).toContain('Orders: modify');
  });
});

describe('fix on PHP, Python and Ruby', () => {
  let dir: string;
  let before: Record<string, string>;
  let first: { stdout: string; stderr: string; code: number };

  beforeAll(async () => {
    dir = await languagesRepo();
    before = await hashTree(dir);
    first = await runCli(['fix', ...ENV_FLAGS], { cwd: dir });
  });

  it('exits 0 and rewrites each library configuration to exactly its expected file', async () => {
    expect(first.code).toBe(0);
    for (const file of REWRITTEN) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(await readFile(join(FIXTURES, 'languages', expectedFile(file)), 'utf8'));
    }
  });

  it('asks for every environment variable the rewritten clients read, the client ID too', () => {
    const asked = first.stdout.slice(first.stdout.indexOf('Set these environment variables'));
    expect(asked).toMatch(/^ {2}BIGCOMMERCE_CLIENT_ID {2}/m);
  });

  it('writes output that parses with the same parser', async () => {
    for (const file of REWRITTEN) await expect(parseSource(kindOf(file), await readFile(join(dir, file), 'utf8'))).resolves.toBeDefined();
  });

  it('changes no other file', async () => {
    const after = await hashTree(dir);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual([...REWRITTEN].sort());
  });

  it('reports the other legacy calls for a human, with the change to make', () => {
    const left = first.stdout.slice(first.stdout.indexOf('Left for a human'));
    expect(left).toMatch(/! php\/curl-sync\.php:6 .*X-Auth-Token/);
    expect(left).toMatch(/! python\/raw_requests\.py:11 .*X-Auth-Token/);
    expect(left).toMatch(/! ruby\/http_clients\.rb:10 .*X-Auth-Token/);
    expect(left).toMatch(/! php\/dual-mode\.php:11 .*legacy branch/);
  });

  it('shows no planted credential', () => {
    expectNoSecret(first.stdout, first.stderr);
  });

  it('changes nothing the second time', async () => {
    await git(dir, ['commit', '-qam', 'migrated']);
    const settled = await hashTree(dir);
    const second = await runCli(['fix', ...ENV_FLAGS], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Changed 0 files');
    expect(await hashTree(dir)).toEqual(settled);
  });
});
