import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { fileKindOf, gitSearchesFile, KIND_NAME_GLOBS } from '../../src/discover/kinds.ts';

describe('fileKindOf', () => {
  it.each([
    ['src/a.js', 'js'], ['a.jsx', 'js'], ['a.ts', 'js'], ['a.tsx', 'js'], ['a.mjs', 'js'], ['a.cjs', 'js'],
    ['a.mts', 'js'], ['a.cts', 'js'], ['UPPER.JS', 'js'], ['src/App.vue', 'js'], ['Brands.svelte', 'js'], ['pages/index.astro', 'js'], ['apps-script/Code.gs', 'js'],
    ['.env', 'env'], ['config/.env', 'env'], ['.env.example', 'env'], ['.env.production', 'env'], ['docker/prod.env', 'env'],
    ['a.yml', 'yaml'], ['a.yaml', 'yaml'], ['config.json', 'json'], ['package.json', 'json'],
    ['api.php', 'php'], ['client.py', 'python'], ['client.rb', 'ruby'],
    ['ops/sync.sh', 'shell'], ['x.bash', 'shell'], ['Makefile', 'shell'], ['GNUmakefile', 'shell'], ['build/rules.mk', 'shell'],
    ['Dockerfile', 'shell'], ['Dockerfile.dev', 'shell'], ['web.dockerfile', 'shell'],
    ['src/Orders.java', 'unparsed'], ['Catalog.CS', 'unparsed'], ['main.go', 'unparsed'], ['Update.ps1', 'unparsed'],
    ['Jenkinsfile', 'unparsed'], ['Jenkinsfile.release', 'unparsed'], ['build.gradle', 'unparsed'],
    ['templates/order.hbs', 'unparsed'], ['application.properties', 'unparsed'], ['infra/main.tf', 'unparsed'], ['model.jl', 'unparsed'],
    ['analysis/Orders Report.ipynb', 'notebook'],
  ])('reads %s as %s', (path, kind) => {
    expect(fileKindOf(path)).toBe(kind);
  });

  it.each([
    'README.md', 'CHANGELOG.txt', 'docs/guide.rst', 'image.png', 'Makefile-notes.md', '.envrc', 'a.json5', 'Jenkinsfile-notes.md',
    'package-lock.json', 'npm-shrinkwrap.json', 'tsconfig.json', 'tsconfig.build.json', 'jsconfig.json',
    'types.d.ts', 'lib/index.d.mts',
  ])('leaves %s alone', (path) => {
    expect(fileKindOf(path)).toBeNull();
  });
});

describe('KIND_NAME_GLOBS', () => {
  it('match every file of a kind git searches, so that no such file passes for searched when it was not', () => {
    const names = ['a.js', 'b.TSX', 'c.mts', 'd.yml', 'e.json', 'f.php', 'g.py', 'h.rb', '.env', '.env.local', 'prod.env'];
    for (const name of names) {
      const kind = fileKindOf(name)!;
      expect(gitSearchesFile(name, kind)).toBe(true);
      expect(KIND_NAME_GLOBS.some((glob) => picomatch.isMatch(name, glob, { nocase: true, dot: true }))).toBe(true);
    }
  });

  it('leave shell files, components, Apps Script, notebooks and the languages read as plain text to the scan itself', () => {
    const names = ['run.sh', 'Makefile', 'Dockerfile', 'Orders.java', 'Jenkinsfile', 'App.vue', 'B.svelte', 'index.astro', 'Code.gs', 'report.ipynb'];
    expect(names.filter((name) => gitSearchesFile(name, fileKindOf(name)!))).toEqual([]);
    expect(names.filter((name) => KIND_NAME_GLOBS.some((glob) => picomatch.isMatch(name, glob, { nocase: true, dot: true })))).toEqual([]);
  });
});
