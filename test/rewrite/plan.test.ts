// planRewrites and previewChange over small trees: only files with something to fix, line endings
// and BOM kept, non-UTF-8 and real .env files left alone, env templates updated, diffs redacted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanProject } from '../../src/analyze/index.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { planRewrites, previewChange, unifiedDiff, writePatches } from '../../src/rewrite/index.ts';
import type { Config } from '../../src/types.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'bc-plan-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function scan(root: string, config: Config = defaultConfig()) {
  return scanProject({ root, paths: ['.'], config, useGit: false });
}

const LEGACY = [
  "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
  "const KEY = 'f3a9c2d17b604e58a1c0d9e2b7f4a6c5';",
  '',
  'export async function orders() {',
  "  const res = await fetch(`${BASE}/orders.json`, { headers: { Authorization: 'Basic ' + btoa('jobs:' + KEY) } });",
  '  return res.json();',
  '}',
  '',
].join('\n');

describe('planRewrites', () => {
  it('rewrites only the files that have something to fix', async () => {
    const root = tree({ 'src/a.js': LEGACY, 'src/clean.js': 'export const x = 1;\n', 'src/gateway.js': "fetch('https://api.bigcommerce.com/stores/x/v2/orders');\n" });
    const plan = await planRewrites(await scan(root), defaultConfig());
    expect(plan.patches.map((p) => p.file)).toEqual(['src/a.js']);
    expect(plan.patches[0].after).toContain("fetch(`${BASE}/orders`, { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN, Accept: 'application/json' } })");
  });

  it('keeps CRLF line endings', async () => {
    const root = tree({ 'a.js': LEGACY.replace(/\n/g, '\r\n') });
    const [patch] = (await planRewrites(await scan(root), defaultConfig())).patches;
    expect(patch.after).toContain('api.bigcommerce.com');
    expect(patch.after.split('\r\n').length - 1).toBe(patch.after.split('\n').length - 1);
  });

  it('reads a BOM file without its BOM, and the writer puts it back', async () => {
    const root = tree({ 'a.js': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEGACY)]) });
    const [patch] = (await planRewrites(await scan(root), defaultConfig())).patches;
    expect(patch.before).toBe(LEGACY);
    await writePatches([patch], { root });
    const bytes = readFileSync(join(root, 'a.js'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(patch.after);
  });

  it('leaves a file that is not valid UTF-8 alone and says why', async () => {
    const root = tree({ 'a.js': LEGACY });
    const result = await scan(root);
    // As the reader marks a file whose bytes are not valid UTF-8.
    result.files[0] = { ...result.files[0], source: { ...result.files[0].source, validUtf8: false } };
    const plan = await planRewrites(result, defaultConfig());
    expect(plan.patches).toEqual([]);
    expect(plan.skips.some((s) => s.file === 'a.js' && /UTF-8/.test(s.reason))).toBe(true);
  });

  it('updates an .env.example and never a real .env', async () => {
    const env = 'BC_STORE_URL=https://store-abc123.mybigcommerce.com\nBC_API_USER=jobs\nBC_API_KEY=9f8e7d6c5b4a39281706f5e4d3c2b1a0\nPORT=3000\n';
    const root = tree({ '.env.example': env, '.env': env });
    const plan = await planRewrites(await scan(root), defaultConfig());
    expect(plan.patches.map((p) => p.file)).toEqual(['.env.example']);
    expect(plan.patches[0].after).toBe('BIGCOMMERCE_STORE_HASH=abc123\nBIGCOMMERCE_ACCESS_TOKEN=\nPORT=3000\n');
    expect(plan.skips.some((s) => s.file === '.env' && /never rewritten/.test(s.reason))).toBe(true);
  });

  it('keeps a legacy env variable that code it could not migrate still reads', async () => {
    const env = 'BC_STORE_URL=https://store-abc123.mybigcommerce.com\nBC_API_USER=jobs\nBC_API_KEY=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n';
    const browser = "$.ajax({ url: 'https://store-abc123.mybigcommerce.com/api/v2/orders', username: process.env.BC_API_USER, password: 'x' });\n";
    const root = tree({ '.env.example': env, 'public/js/widget.js': browser });
    const plan = await planRewrites(await scan(root), defaultConfig());
    const patch = plan.patches.find((p) => p.file === '.env.example');
    expect(patch?.after).toContain('BC_API_USER=jobs');
    expect(patch?.after).not.toContain('BC_API_KEY');
  });

  it('applies only the findings it is asked for', async () => {
    const two = [
      'export const a = () => fetch("https://store-abc123.mybigcommerce.com/api/v2/orders", { headers: { Authorization: "Basic " + btoa(process.env.U + ":" + process.env.K) } });',
      'export const b = () => fetch("https://store-abc123.mybigcommerce.com/api/v2/brands", { headers: { Authorization: "Basic " + btoa(process.env.U + ":" + process.env.K) } });',
      '',
    ].join('\n');
    const root = tree({ 'two.js': two });
    const result = await scan(root);
    const brands = result.report.findings.find((f) => f.endpoint === '/v2/brands')!;
    const [patch] = (await planRewrites(result, defaultConfig(), { only: new Set([brands.id]) })).patches;
    expect(patch.findingIds).toEqual([brands.id]);
    expect(patch.after).toContain('store-abc123.mybigcommerce.com/api/v2/orders');
    expect(patch.after).toContain('api.bigcommerce.com/stores/abc123/v2/brands');
  });

  it('adds credentials it removes but the scan did not list to the secrets, so diffs redact them', async () => {
    const source = "const API_KEY = process.env.NODE_ENV === 'production' ? 'c0ffeec0ffeec0ffeec0ffee' : 'devkeydevkey1234';\nexport const o = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/orders', { headers: { Authorization: 'Basic ' + btoa('u:' + API_KEY) } });\n";
    const root = tree({ 'a.js': source });
    const result = await scan(root);
    const plan = await planRewrites(result, defaultConfig());
    const diff = unifiedDiff(plan.patches[0], result.secrets);
    expect(diff).toContain('-const API_KEY');
    expect(diff).not.toContain('c0ffeec0ffeec0ffeec0ffee');
    expect(diff).not.toContain('devkeydevkey1234');
  });
});

describe('unifiedDiff', () => {
  it('is a git-style diff with every known secret redacted', async () => {
    const root = tree({ 'a.js': LEGACY });
    const result = await scan(root);
    const diff = unifiedDiff((await planRewrites(result, defaultConfig())).patches[0], result.secrets);
    expect(diff.startsWith('diff --git a/a.js b/a.js\n--- a/a.js\n+++ b/a.js\n@@ ')).toBe(true);
    expect(diff).not.toContain('f3a9c2d17b604e58a1c0d9e2b7f4a6c5');
    expect(diff).toContain('…(redacted)');
  });

  it('leaves the words a removed Basic-auth helper was made of readable', async () => {
    const helper = [
      "const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';",
      'function basicAuthHeader() {',
      "  return 'Basic ' + Buffer.from(process.env.BC_USER + ':' + process.env.BC_KEY).toString('base64');",
      '}',
      'export async function orders() {',
      '  const res = await fetch(`${BASE}/orders`, { headers: { Authorization: basicAuthHeader() } });',
      '  return res.json();',
      '}',
      '',
    ].join('\n');
    const root = tree({ 'a.js': helper });
    const result = await scan(root);
    const diff = unifiedDiff((await planRewrites(result, defaultConfig())).patches[0], result.secrets);
    expect(diff).toContain("-  return 'Basic ' + Buffer.from");
    expect(diff).toContain("toString('base64')");
  });
});

describe('previewChange', () => {
  it('shows the change of one finding together with the findings it shares code with', async () => {
    const root = tree({ 'a.js': `${LEGACY}export const brands = () => fetch(\`\${BASE}/brands\`, { headers: { Authorization: 'Basic ' + btoa('jobs:' + KEY) } });\n` });
    const result = await scan(root);
    const calls = result.report.findings.filter((f) => f.rule === 'legacy-api-call');
    expect(calls.length).toBe(2);
    const preview = previewChange(result.files[0], calls[0].id, defaultConfig(), result.secrets);
    expect(preview.findingIds).toEqual(expect.arrayContaining(calls.map((c) => c.id)));
    expect(preview.diff).toContain('+const BASE = \'https://api.bigcommerce.com/stores/abc123/v2\';');
    expect(preview.diff).not.toContain('f3a9c2d17b604e58a1c0d9e2b7f4a6c5');
  });

  it('says why a finding cannot be rewritten', async () => {
    const root = tree({ 'a.js': "export const x = () => fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.xml', { headers: { Authorization: 'Basic ' + btoa(process.env.U + ':' + process.env.K) } });\n" });
    const result = await scan(root);
    const preview = previewChange(result.files[0], result.report.findings[0].id, defaultConfig(), result.secrets);
    expect(preview.diff).toBeNull();
    expect(preview.reason).toMatch(/XML/);
  });
});
