// Generates the benchmark's large repository: deterministic (seeded PRNG), mixed JS/TS/TSX/MJS,
// a few thousand folders, decoys that a text pre-filter lets through, and a few dozen real
// legacy calls in the styles of fixtures/example-app. Returns the list of legacy files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bump when the generated content changes, so a cached tree is rebuilt. */
const GENERATOR_VERSION = 3;
const FILES_PER_FOLDER = 6.5;
/** Share of files that are decoys (hit a text pre-filter, hold no legacy call). */
const DECOY_SHARE = 0.015;
const LEGACY_PER_20K = 40;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'order', 'cart', 'user', 'account', 'invoice', 'ledger', 'shipment', 'report', 'search', 'catalog',
  'price', 'stock', 'queue', 'mailer', 'session', 'token', 'audit', 'metric', 'widget', 'layout',
  'billing', 'checkout', 'review', 'coupon', 'banner', 'locale', 'theme', 'export', 'import', 'sync',
];
const EXTENSIONS = [['js', 0.35], ['ts', 0.35], ['tsx', 0.2], ['mjs', 0.1]];
const RESOURCES = [
  ['orders', 'GET'], ['orders/{id}', 'PUT'], ['products', 'GET'], ['products/{id}', 'PUT'],
  ['customers', 'GET'], ['customers', 'POST'], ['coupons', 'GET'], ['brands', 'POST'],
  ['categories', 'GET'], ['orders/{id}/shipments', 'POST'], ['store', 'GET'], ['customer_groups', 'GET'],
];

/** The shared module of the deep scenario: a base URL, a Basic header and a wrapper, imported from many files. */
export const SHARED_MODULE = 'packages/shared/src/bigcommerce.ts';

/**
 * Where what a generated repository holds is written: beside it, never in it, or every measured
 * scan would read it (an untracked JSON file naming the legacy files passes the pre-filter).
 */
export function stampOf(dir) {
  return `${dir}.stamp.json`;
}

/**
 * Writes (or reuses) the repository at `dir` and commits it with git. Returns
 * `{ dir, files, folders, legacyFiles, decoyFiles, importerFiles, reused }`.
 * `importerShare` (0..1): that share of the files import the shared BigCommerce wrapper
 * (SHARED_MODULE) and call it with a literal method and path: the files the cross-file pass
 * must resolve, and the only ones it should load.
 */
export function generateRepo({ dir, files, seed, importerShare = 0 }) {
  const stampFile = stampOf(dir);
  const stamp = { version: GENERATOR_VERSION, files, seed, importerShare };
  if (existsSync(stampFile) && existsSync(join(dir, '.git'))) {
    const old = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (old.version === stamp.version && old.files === files && old.seed === seed && (old.importerShare ?? 0) === importerShare) return { ...old, dir, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

  const folderCount = Math.max(1, Math.round(files / FILES_PER_FOLDER));
  const packages = Math.max(1, Math.round(folderCount / 60));
  const folders = [];
  for (let i = 0; i < folderCount; i++) {
    const pkg = `packages/${pick(WORDS)}-${i % packages}`;
    folders.push(`${pkg}/src/${pick(WORDS)}-${Math.floor(i / packages) % 7}/${pick(WORDS)}${i}`);
  }

  const legacyCount = Math.max(1, Math.round((files * LEGACY_PER_20K) / 20000));
  const decoyCount = Math.round(files * DECOY_SHARE);
  const importerCount = Math.round(files * importerShare);
  const roles = new Array(files).fill('filler');
  const slots = shuffled([...Array(files).keys()], rand);
  slots.slice(0, legacyCount).forEach((i) => (roles[i] = 'legacy'));
  slots.slice(legacyCount, legacyCount + decoyCount).forEach((i) => (roles[i] = 'decoy'));
  slots.slice(legacyCount + decoyCount, legacyCount + decoyCount + importerCount).forEach((i) => (roles[i] = 'importer'));

  const legacyFiles = [];
  const decoyFiles = [];
  const importerFiles = [];
  if (importerCount > 0) {
    write(dir, SHARED_MODULE, sharedModule());
    legacyFiles.push(SHARED_MODULE);
  }
  const gitignoredPackages = new Set();
  for (let i = 0; i < files; i++) {
    const folder = folders[i % folderCount];
    const ext = weighted(EXTENSIONS, rand);
    const path = `${folder}/${pick(WORDS)}-${i}.${ext}`;
    let body;
    if (roles[i] === 'legacy') {
      body = legacyFile(i, ext, rand);
      legacyFiles.push(path);
    } else if (roles[i] === 'importer') {
      body = importerFile(i, ext, rand, path);
      importerFiles.push(path);
    } else if (roles[i] === 'decoy') {
      body = decoyFile(i, ext, rand);
      decoyFiles.push(path);
    } else {
      body = fillerFile(i, ext, rand, int(2, 40));
    }
    write(dir, path, body);
    const pkg = folder.split('/').slice(0, 2).join('/');
    if (!gitignoredPackages.has(pkg)) {
      gitignoredPackages.add(pkg);
      write(dir, `${pkg}/package.json`, `${JSON.stringify({ name: pkg.split('/')[1], private: true, version: '1.0.0' }, null, 2)}\n`);
      write(dir, `${pkg}/README.md`, `# ${pkg}\n\nBasic usage: run \`npm start\`. Basic auth is not used here.\n`);
      // Nested ignore rules with legacy-looking files behind them: a scan that ignores them reads them.
      write(dir, `${pkg}/.gitignore`, 'generated/\n*.local.js\n');
      write(dir, `${pkg}/generated/client.js`, legacyFile(i, 'js', mulberry32(i)));
      write(dir, `${pkg}/src/dev.local.js`, legacyFile(i + 1, 'js', mulberry32(i + 1)));
    }
  }
  write(dir, '.gitignore', 'node_modules/\ndist/\n');
  write(dir, 'node_modules/legacy-sdk/index.js', legacyFile(0, 'js', mulberry32(7)));
  write(dir, 'README.md', '# A generated monorepo for bc-oauth-migrate\'s benchmark\n');

  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  git('init', '-q');
  git('-c', 'core.autocrlf=false', 'add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'generated');

  const result = { ...stamp, folders: new Set(folders).size, legacyFiles, decoyFiles, importerFiles };
  writeFileSync(stampFile, JSON.stringify(result));
  return { ...result, dir, reused: false };
}

function write(root, path, body) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, body);
}

function shuffled(list, rand) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function weighted(pairs, rand) {
  let r = rand();
  for (const [value, weight] of pairs) {
    if ((r -= weight) < 0) return value;
  }
  return pairs[pairs.length - 1][0];
}

const typed = (ext) => ext === 'ts' || ext === 'tsx';

/** Ordinary application code: functions, classes, strings and comments, no pre-filter needle. */
function fillerFile(i, ext, rand, blocks) {
  const w = () => WORDS[Math.floor(rand() * WORDS.length)];
  const t = typed(ext);
  const lines = [`// ${w()} ${w()} module ${i}: generated for the benchmark.`, `import { ${w()}Helper } from './${w()}-helpers${t ? '' : '.js'}';`, ''];
  for (let b = 0; b < blocks; b++) {
    const name = `${w()}${capital(w())}${b}`;
    switch (Math.floor(rand() * 4)) {
      case 0:
        lines.push(
          `export function ${name}(input${t ? ': Record<string, unknown>' : ''}, limit = ${Math.floor(rand() * 100)}) {`,
          `  const items = Object.entries(input).slice(0, limit);`,
          `  return items.map(([key, value]) => \`\${key}=\${String(value)}\`).join('&');`,
          '}',
        );
        break;
      case 1:
        lines.push(
          `export class ${capital(name)} {`,
          `  ${t ? 'private ' : ''}cache = new Map();`,
          `  get(key${t ? ': string' : ''}) { return this.cache.get(key) ?? '${w()}-${b}'; }`,
          `  set(key${t ? ': string' : ''}, value${t ? ': unknown' : ''}) { this.cache.set(key, value); return this; }`,
          '}',
        );
        break;
      case 2:
        lines.push(
          `/** Calls the ${w()} service; retries ${Math.floor(rand() * 5)} times. */`,
          `export async function ${name}(id${t ? ': number' : ''}) {`,
          `  const res = await fetch(\`https://${w()}.internal.example.com/v1/${w()}s/\${id}\`, { headers: { Accept: 'application/json' } });`,
          `  if (!res.ok) throw new Error('${w()} failed: ' + res.status);`,
          '  return res.json();',
          '}',
        );
        break;
      default:
        if (ext === 'tsx') {
          lines.push(
            `export function ${capital(name)}({ label }: { label: string }) {`,
            `  return <div className="${w()}-${b}"><span>{label}</span><button onClick={() => console.log('${w()}')}>${w()}</button></div>;`,
            '}',
          );
        } else {
          lines.push(`export const ${name} = Object.freeze({ name: '${w()}', size: ${Math.floor(rand() * 1000)}, tags: ['${w()}', '${w()}'] });`);
        }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function capital(word) {
  return word[0].toUpperCase() + word.slice(1);
}

/** Files a text pre-filter lets through (or that an `/api/v2|Basic|bigcommerce` grep hits) with nothing legacy in them. */
function decoyFile(i, ext, rand) {
  const t = typed(ext);
  const filler = fillerFile(i, ext, rand, 3 + Math.floor(rand() * 10));
  const kinds = [
    // Another product's v2 API with basic auth.
    `const STATUS_API = 'https://status.example-cdn.com/api/v2';\n` +
      `export async function statusSummary${i}() {\n` +
      `  const auth = 'Basic ' + Buffer.from(process.env.STATUS_USER + ':' + process.env.STATUS_KEY).toString('base64');\n` +
      `  const res = await fetch(STATUS_API + '/summary.json', { headers: { Authorization: auth } });\n  return res.json();\n}\n`,
    // "Basic" in prose.
    `/**\n * Basic usage: call init() once. Basic settings live in the ${i} config.\n * See the wiki for Basic vs Advanced mode.\n */\nexport const basicMode${i} = 'Basic';\n`,
    // Storefront URLs on a store host: not the REST API.
    `const STORE = 'https://store-q${(i % 9000) + 1000}x.mybigcommerce.com';\n` +
      `export const cart${i} = () => fetch(\`\${STORE}/api/storefront/carts\`, { credentials: 'include' });\n` +
      `export const addToCart${i} = (id${t ? ': number' : ''}) => fetch(\`\${STORE}/cart.php?action=add&product_id=\${id}\`);\n`,
    // The gateway, already on X-Auth-Token.
    `export async function gatewayOrders${i}(hash${t ? ': string' : ''}) {\n` +
      `  const res = await fetch(\`https://api.bigcommerce.com/stores/\${hash}/v2/orders\`, {\n` +
      `    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN${t ? ' as string' : ''}, Accept: 'application/json' },\n  });\n  return res.json();\n}\n`,
  ];
  return `${filler}\n${kinds[i % kinds.length]}`;
}

function hashFor(i) {
  return `b${(i * 7919).toString(36).padStart(6, '0').slice(-6)}`;
}

function resourcePath(resource, i) {
  return resource.replace('{id}', String(100 + (i % 900)));
}

/** A real legacy call, in one of the example app's styles, inside ordinary code. */
function legacyFile(i, ext, rand) {
  const t = typed(ext);
  const hash = hashFor(i);
  const [resource, method] = RESOURCES[(i >> 2) % RESOURCES.length];
  const path = resourcePath(resource, i);
  const filler = fillerFile(i, ext, rand, 2 + Math.floor(rand() * 8));
  const styles = [
    // order-sync.js: a base constant, a Basic header helper, fetch.
    `const BC_API_BASE = 'https://store-${hash}.mybigcommerce.com/api/v2';\n` +
      `function bcHeaders() {\n  return { Authorization: 'Basic ' + Buffer.from(process.env.BC_API_USER + ':' + process.env.BC_API_KEY).toString('base64'), Accept: 'application/json' };\n}\n` +
      `export async function call${i}() {\n  const res = await fetch(BC_API_BASE + '/${path}.json', { method: '${method}', headers: bcHeaders() });\n  return res.json();\n}\n`,
    // webhook-seeder.js: https.request with hostname, path and auth.
    `import https from 'node:https';\nconst STORE_HOST = 'store-${hash}.mybigcommerce.com';\n` +
      `export function call${i}() {\n  return new Promise((resolve, reject) => {\n    const req = https.request(\n` +
      `      { hostname: STORE_HOST, path: '/api/v2/${path}', method: '${method}', auth: process.env.BC_API_USER + ':' + process.env.BC_API_KEY },\n` +
      `      (res) => resolve(res.statusCode),\n    );\n    req.on('error', reject);\n    req.end();\n  });\n}\n`,
    // product-updater.ts: an axios instance with baseURL and auth.
    `import axios from 'axios';\nconst bigcommerce = axios.create({\n  baseURL: 'https://store-${hash}.mybigcommerce.com/api/v2/',\n` +
      `  auth: { username: process.env.BC_API_USER${t ? ' as string' : ''}, password: process.env.BC_API_KEY${t ? ' as string' : ''} },\n});\n` +
      `export async function call${i}() {\n  const res = await bigcommerce.${method.toLowerCase()}('/${path}.json'${method === 'GET' ? '' : ', {}'});\n  return res.data;\n}\n`,
    // customers-report.ts: a template URL and a Basic template header.
    `const STORE_URL = 'https://store-${hash}.mybigcommerce.com';\n` +
      `export async function call${i}() {\n  const res = await fetch(\`\${STORE_URL}/api/v2/${path}\`, {\n    method: '${method}',\n` +
      `    headers: { Authorization: \`Basic \${Buffer.from(\`\${process.env.BC_API_USER}:\${process.env.BC_API_KEY}\`).toString('base64')}\` },\n  });\n  return res.json();\n}\n`,
  ];
  return `${filler}\n${styles[i % styles.length]}`;
}

function sharedModule() {
  return [
    '// The one place the integration talks to BigCommerce: every caller goes through bcRequest.',
    "export const BC_BASE = 'https://store-bshared.mybigcommerce.com/api/v2';",
    '',
    'function basicAuth(): string {',
    "  return 'Basic ' + Buffer.from(process.env.BC_API_USER + ':' + process.env.BC_API_KEY).toString('base64');",
    '}',
    '',
    'export async function bcRequest(method: string, path: string, body?: unknown) {',
    '  const res = await fetch(BC_BASE + path, {',
    '    method,',
    "    headers: { Authorization: basicAuth(), Accept: 'application/json', 'Content-Type': 'application/json' },",
    '    body: body === undefined ? undefined : JSON.stringify(body),',
    '  });',
    '  return res.json();',
    '}',
    '',
  ].join('\n');
}

/** Ordinary code that calls the shared wrapper with a literal method and path (no needle of its own). */
function importerFile(i, ext, rand, path) {
  const [resource, method] = RESOURCES[(i >> 1) % RESOURCES.length];
  const depth = path.split('/').length - 1;
  const specifier = `${'../'.repeat(depth)}${SHARED_MODULE.replace(/\.ts$/, '.js')}`;
  const filler = fillerFile(i, ext, rand, 2 + Math.floor(rand() * 8));
  const t = typed(ext);
  const body = method === 'GET' ? '' : ', { id: 1 }';
  return `import { bcRequest } from '${specifier}';\n${filler}\n` +
    `export async function sync${i}(${t ? 'id: number' : 'id'}) {\n  const data = await bcRequest('${method}', '/${resourcePath(resource, i)}'${body});\n  return { id, data };\n}\n`;
}
