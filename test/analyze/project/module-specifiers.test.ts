// The specifier readers the project pass runs tens of thousands of times must answer exactly as the
// plain forms they stand for: `posix.normalize(posix.join(...))`, `resolveSpecifier`, `possibleImports`.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { possibleImports, possibleImportsReader, relativeSpecifiers, resolveSpecifier, specifierResolver, targetOf } from '../../../src/analyze/project/module-specifiers.ts';

const SEGMENTS = ['a', 'b', 'lib', 'index', 'c.js', 'c.ts', 'd.json', 'x.mjs', '.', '..', '...', '.hidden', ''];
const segment = fc.constantFrom(...SEGMENTS);
const path = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/'));
const relative = fc.tuple(fc.constantFrom('.', '..', './', '../', './/'), path).map(([head, rest]) => (rest ? `${head}/${rest}` : head));
const files = fc.uniqueArray(
  fc.tuple(fc.array(fc.constantFrom('a', 'b', 'lib', 'index'), { minLength: 1, maxLength: 3 }), fc.constantFrom('.js', '.ts', '.tsx', '.mjs', '.json', '.mts', '/index.js', '/index.ts', '')).map(([dirs, ext]) => dirs.join('/') + ext),
  { maxLength: 12 },
);

describe('relativeSpecifiers', () => {
  it('reads every relative specifier of each text, whatever was read before', () => {
    const long = "import a from './a.js';\nexport * from '../b';\nconst c = require('./c');\nconst d = await import('..');\nimport './a.js';\n";
    const short = "import x from './x';\n";
    expect([relativeSpecifiers(long), relativeSpecifiers(short), relativeSpecifiers(long), relativeSpecifiers('')]).toEqual([['./a.js', '../b', './c', '..'], ['./x'], ['./a.js', '../b', './c', '..'], []]);
  });
});

describe('targetOf', () => {
  it('names the path posix.normalize(posix.join(...)) names, without a leading ./', () => {
    fc.assert(
      fc.property(path, fc.oneof(relative, path), (fromFile, specifier) => {
        expect(targetOf(fromFile, specifier)).toBe(posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/^\.\//, ''));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same answer for a file asked about twice in a row', () => {
    expect([targetOf('src/a/b.js', '../c'), targetOf('src/a/b.js', './d/../e'), targetOf('src/a/b.js', '../../..')]).toEqual(['src/c', 'src/a/e', '..']);
  });
});

describe('specifierResolver', () => {
  it('resolves every specifier as resolveSpecifier does over the same files', () => {
    fc.assert(
      fc.property(files, fc.array(fc.tuple(path, relative), { maxLength: 8 }), (known, asks) => {
        const set = new Set(known);
        const resolve = specifierResolver(set);
        for (const [fromFile, specifier] of [...asks, ...asks]) expect(resolve(fromFile, specifier)).toBe(resolveSpecifier(fromFile, specifier, set));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds index files, extensions and .js written for .ts', () => {
    const resolve = specifierResolver(new Set(['src/lib/index.ts', 'src/lib/bc.ts', 'src/util.mjs']));
    expect([resolve('src/routes/a.js', '../lib'), resolve('src/routes/a.js', '../lib/bc.js'), resolve('src/a.js', './util'), resolve('src/a.js', './none')]).toEqual([
      'src/lib/index.ts',
      'src/lib/bc.ts',
      'src/util.mjs',
      null,
    ]);
  });
});

describe('possibleImportsReader', () => {
  it('finds in every text what possibleImports finds there', () => {
    const quote = fc.constantFrom("'", '"', '`');
    const text = fc.array(fc.oneof(fc.tuple(quote, relative).map(([q, s]) => `${q}${s}${q}`), fc.constantFrom(' ', 'x', "'", '\n', 'import ', 'from ')), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(files, path, text, (among, fromFile, source) => {
        const set = new Set(among);
        expect(possibleImportsReader(set)(fromFile, source)).toEqual(possibleImports(fromFile, source, set));
      }),
      { numRuns: 2000 },
    );
  });
});
