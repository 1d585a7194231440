import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/discover/kinds.ts';

describe('fileKindOf', () => {
  it.each([
    ['src/a.js', 'js'], ['a.jsx', 'js'], ['a.ts', 'js'], ['a.tsx', 'js'], ['a.mjs', 'js'], ['a.cjs', 'js'],
    ['a.mts', 'js'], ['a.cts', 'js'], ['UPPER.JS', 'js'],
    ['.env', 'env'], ['config/.env', 'env'], ['.env.example', 'env'], ['.env.production', 'env'], ['docker/prod.env', 'env'],
    ['a.yml', 'yaml'], ['a.yaml', 'yaml'], ['config.json', 'json'], ['package.json', 'json'],
    ['api.php', 'php'], ['client.py', 'python'], ['client.rb', 'ruby'],
  ])('reads %s as %s', (path, kind) => {
    expect(fileKindOf(path)).toBe(kind);
  });

  it.each([
    'README.md', 'image.png', 'Makefile', '.envrc', 'a.json5',
    'package-lock.json', 'npm-shrinkwrap.json', 'tsconfig.json', 'tsconfig.build.json', 'jsconfig.json',
    'types.d.ts', 'lib/index.d.mts',
  ])('leaves %s alone', (path) => {
    expect(fileKindOf(path)).toBeNull();
  });
});
