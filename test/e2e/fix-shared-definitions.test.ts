// A definition a rewrite would change (a headers object, a store URL constant) that other code reads
// too stays as it is, through the built CLI: the token never lands in headers sent to another host,
// and a storefront link never points at the API gateway.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, gitCommitAll, makeTempDir, runCli } from './helpers.ts';

cleanTempDirsAfterAll();

async function treeOf(files: Record<string, string>): Promise<string> {
  const root = join(await makeTempDir('bc-fix-shared-'), 'repo');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await gitCommitAll(root);
  return root;
}

const HEADERS_FILE = `const https = require('https');
const COMMON = { Accept: 'application/json', 'User-Agent': 'acme' };

function getJson(path, cb) {
  return https.get({ host: 'store-abc123.mybigcommerce.com', path: '/api/v2' + path, auth: process.env.BC_USER + ':' + process.env.BC_KEY, headers: COMMON }, cb);
}
exports.orders = (cb) => getJson('/orders', cb);
exports.erp = (cb) => https.get({ host: 'erp.example.com', path: '/x', headers: COMMON }, cb);
`;

const WRAPPER_FILE = `const STORE = 'https://store-abc123.mybigcommerce.com';

export async function bcFetch(path: string): Promise<unknown> {
  const res = await fetch(\`\${STORE}/api/v2\${path}\`, { headers: { Authorization: \`Basic \${Buffer.from(\`\${process.env.BC_USER}:\${process.env.BC_KEY}\`).toString('base64')}\` } });
  return res.json();
}
export const storeHome = STORE;
`;

describe('fix with definitions shared with code it does not rewrite', () => {
  it('adds no token to a headers object another host is sent, and says which line is shared', async () => {
    const root = await treeOf({ 'src/h.js': HEADERS_FILE });
    const { stdout } = await runCli(['fix'], { cwd: root });
    expect(await readFile(join(root, 'src/h.js'), 'utf8')).toBe(HEADERS_FILE);
    expect(stdout).toContain('src/h.js:4  Code it needs to change (line 2) is also used by code this run does not rewrite');
  });

  it('leaves a store URL constant that another module imports for a storefront link', async () => {
    const root = await treeOf({
      'src/bc.ts': WRAPPER_FILE,
      'src/o.ts': "import { bcFetch } from './bc';\nexport const orders = () => bcFetch('/orders');\n",
      'src/p.ts': "import { storeHome } from './bc';\nexport const link = () => `${storeHome}/products`;\n",
    });
    const { stdout } = await runCli(['fix'], { cwd: root });
    expect(await readFile(join(root, 'src/bc.ts'), 'utf8')).toBe(WRAPPER_FILE);
    expect(stdout).toContain('src/o.ts:2  Code it needs to change (src/bc.ts:1) is also used by code this run does not rewrite');
  });
});
