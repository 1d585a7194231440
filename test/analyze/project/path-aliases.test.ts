// Path aliases (tsconfig.json `paths`): importers that name a legacy wrapper as '@/lib/store-api'
// are followed as relative importers are (fixtures/deep/path-aliases).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { aliasesFor, aliasTargets, readPathAliases, readProjectAliases } from '../../../src/analyze/project/path-aliases.ts';
import { possibleImports, relativeSpecifierHints, relativeSpecifiers, resolveSpecifier, usePathAliases } from '../../../src/analyze/project/module-specifiers.ts';
import { DEEP_FIXTURES, scanDeep, summarize } from './helpers.ts';

const FIXTURE = join(DEEP_FIXTURES, 'path-aliases');
const HOST = 'store-q4p8z2.mybigcommerce.com';

afterEach(() => usePathAliases(null));

describe('readPathAliases', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const project = async (files: Record<string, string>) => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-aliases-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  };

  it('reads paths with comments and trailing commas, relative to baseUrl, longest prefix first', () => {
    const aliases = readPathAliases(FIXTURE)!;
    expect(aliases.aliases.slice(0, 2).map((a) => [a.pattern, a.targets])).toEqual([
      ['~lib/*', ['src/lib/*']],
      ['@/*', ['src/*']],
    ]);
    // Then what `baseUrl: "."` allows: the root's entries.
    expect(aliases.aliases.slice(2).map((a) => a.pattern)).toContain('src/*');
    expect(aliasTargets(aliases, '@/lib/store-api')).toEqual(['src/lib/store-api']);
    expect(aliasTargets(aliases, 'react')).toEqual([]);
  });

  it('takes paths from an extended config and resolves them from its folder when no baseUrl is set', async () => {
    const dir = await project({
      'jsconfig.json': '{ "extends": "./config/base" }',
      // A target outside the project is left out.
      'config/base.json': '{ "compilerOptions": { "paths": { "#app": ["../src/app.js"], "out/*": ["../../elsewhere/*"] } } }',
    });
    const aliases = readPathAliases(dir)!;
    expect(aliases.aliases.map((a) => [a.pattern, a.targets])).toEqual([['#app', ['src/app.js']]]);
    expect(aliasTargets(aliases, '#app')).toEqual(['src/app.js']);
  });

  it('turns baseUrl, and an alias of `*` alone, into one alias per entry of their folder', async () => {
    const dir = await project({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "*": ["types/*"] } } }',
      'src/lib/store.ts': 'export {};',
      'src/config.ts': 'export {};',
      'src/types/shop.d.ts': 'export {};',
    });
    const aliases = readPathAliases(dir)!;
    expect(aliases.aliases.map((a) => a.pattern).sort()).toEqual(['config', 'lib', 'lib/*', 'shop.d', 'types', 'types/*']);
    expect(aliasTargets(aliases, 'lib/store')).toEqual(['src/lib/store']);
    expect(aliasTargets(aliases, 'config')).toEqual(['src/config']);
    expect(aliasTargets(aliases, 'react')).toEqual([]);
  });

  it('is null for a project without paths or baseUrl, or without a config', async () => {
    expect(readPathAliases(await project({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' }))).toBeNull();
    expect(readPathAliases(await project({}))).toBeNull();
  });
});

describe('readProjectAliases', () => {
  it('reads the config of each package of a monorepo, and gives a file the one of its nearest folder', () => {
    const project = readProjectAliases(join(DEEP_FIXTURES, 'monorepo-aliases'), ['apps/web/tsconfig.json'])!;
    expect(project.scopes.map((s) => [s.dir, s.aliases?.aliases.map((a) => [a.pattern, a.targets]) ?? null])).toEqual([
      ['apps/web', [['@/*', ['apps/web/src/*']]]],
      // The root is always read; it maps nothing here.
      ['', null],
    ]);
    expect(aliasTargets(aliasesFor(project, 'apps/web/src/app/brands.ts')!, '@/lib/bc')).toEqual(['apps/web/src/lib/bc']);
    expect(aliasesFor(project, 'packages/tools/src/report.ts')).toBeNull();
  });
});

describe('module specifiers under path aliases', () => {
  it('reads, hints at and resolves an aliased specifier like a relative one', () => {
    usePathAliases(readProjectAliases(FIXTURE, []));
    const text = "import { storeFetch } from '@/lib/store-api';\nconst x = '~lib/format';\n";
    expect(relativeSpecifiers(text)).toEqual(['@/lib/store-api']);
    expect(relativeSpecifierHints(Buffer.from(text)).sort()).toEqual(['@/lib/store-api', '~lib/format']);
    const known = new Set(['src/lib/store-api.ts', 'src/lib/format.ts']);
    expect(resolveSpecifier('src/app/orders/page.tsx', '@/lib/store-api', known)).toBe('src/lib/store-api.ts');
    expect(possibleImports('src/app/orders/page.tsx', text, known)).toEqual(['src/lib/store-api.ts', 'src/lib/format.ts']);
  });

  it('leaves aliased specifiers alone when no aliases are in force', () => {
    expect(relativeSpecifiers("import { storeFetch } from '@/lib/store-api';")).toEqual([]);
  });
});

describe('the monorepo-aliases fixture', () => {
  it('follows an alias in the package whose config maps it, and not the same alias in another package', async () => {
    const { report } = await scanDeep('monorepo-aliases');
    expect(summarize(report.findings)).toEqual(['apps/web/src/app/brands.ts:3 legacy-api-call GET /v2/brands store_v2_products_read_only store-m3n8k1.mybigcommerce.com']);
  });
});

describe('a project importing from its baseUrl', () => {
  it('follows `lib/store-api` to src/lib/store-api.ts when baseUrl is src', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-baseurl-'));
    try {
      await mkdir(join(dir, 'src/lib'), { recursive: true });
      await writeFile(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": "src" } }');
      await writeFile(join(dir, 'src/lib/store-api.ts'), await readFile(join(FIXTURE, 'src/lib/store-api.ts'), 'utf8'));
      await writeFile(join(dir, 'src/orders.ts'), "import { storeFetch } from 'lib/store-api';\nimport React from 'react';\nexport const list = () => storeFetch('/orders');\n");
      const { report } = await scanDeep(dir);
      expect(summarize(report.findings)).toEqual([`src/orders.ts:3 legacy-api-call GET /v2/orders store_v2_orders_read_only ${HOST}`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a package with subpath imports', () => {
  it('follows `#lib/store-api` through package.json imports, a target under conditions included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-imports-'));
    try {
      await mkdir(join(dir, 'src/lib'), { recursive: true });
      await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module', imports: { '#lib/*': './src/lib/*.js', '#store': { node: './src/lib/store-api.js', default: './src/browser.js' } } }));
      await writeFile(join(dir, 'src/lib/store-api.ts'), await readFile(join(FIXTURE, 'src/lib/store-api.ts'), 'utf8'));
      await writeFile(join(dir, 'src/orders.ts'), "import { storeFetch } from '#lib/store-api';\nexport const list = () => storeFetch('/orders');\n");
      await writeFile(join(dir, 'src/brands.ts'), "import { storeFetch } from '#store';\nexport const brands = () => storeFetch('/brands');\n");
      const { report } = await scanDeep(dir);
      expect(summarize(report.findings)).toEqual([
        `src/brands.ts:2 legacy-api-call GET /v2/brands store_v2_products_read_only ${HOST}`,
        `src/orders.ts:2 legacy-api-call GET /v2/orders store_v2_orders_read_only ${HOST}`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a workspace package with its own subpath imports', () => {
  it('follows `#bc` through the package\'s package.json, and the root tsconfig\'s paths in the same file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-workspace-imports-'));
    try {
      await mkdir(join(dir, 'packages/sync/src/lib'), { recursive: true });
      await mkdir(join(dir, 'shared'), { recursive: true });
      await writeFile(join(dir, 'package.json'), JSON.stringify({ private: true, workspaces: ['packages/*'] }));
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@shared/*': ['shared/*'] } } }));
      await writeFile(join(dir, 'packages/sync/package.json'), JSON.stringify({ name: 'sync', imports: { '#bc': './src/lib/store-api.ts' } }));
      await writeFile(join(dir, 'packages/sync/src/lib/store-api.ts'), await readFile(join(FIXTURE, 'src/lib/store-api.ts'), 'utf8'));
      await writeFile(join(dir, 'shared/store-api.ts'), await readFile(join(FIXTURE, 'src/lib/store-api.ts'), 'utf8'));
      await writeFile(
        join(dir, 'packages/sync/src/orders.ts'),
        "import { storeFetch } from '#bc';\nimport { storeFetch as shared } from '@shared/store-api';\nexport const list = () => storeFetch('/orders');\nexport const brands = () => shared('/brands');\n",
      );
      const { report } = await scanDeep(dir);
      expect(summarize(report.findings)).toEqual([
        `packages/sync/src/orders.ts:3 legacy-api-call GET /v2/orders store_v2_orders_read_only ${HOST}`,
        `packages/sync/src/orders.ts:4 legacy-api-call GET /v2/brands store_v2_products_read_only ${HOST}`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the path-aliases fixture', () => {
  it('reports the calls of importers that name the wrapper through either alias', async () => {
    const { report } = await scanDeep('path-aliases');
    expect(summarize(report.findings)).toEqual([
      `src/app/orders/page.tsx:4 legacy-api-call GET /v2/orders store_v2_orders_read_only ${HOST}`,
      `src/jobs/reprice.ts:4 legacy-api-call PUT /v2/products/{id} store_v2_products ${HOST}`,
    ]);
  });
});
