import { describe, expect, it } from 'vitest';
import { isDefaultExcluded, makeGlobFilter } from '../../src/discover/excludes.ts';

describe('isDefaultExcluded', () => {
  it.each(['node_modules/a/index.js', 'packages/x/node_modules/y.js', 'dist/a.js', 'build/a.js', 'coverage/a.js',
    'vendor/a.php', 'bower_components/a.js', '.git/config.json', 'public/app.min.js', 'public/app.bundle.js', 'x.min.mjs'])(
    'excludes %s',
    (path) => expect(isDefaultExcluded(path)).toBe(true),
  );

  it.each(['src/build.js', 'src/dist-config.json', 'src/vendors/a.js', 'admin.js', 'builder/a.js', 'src/dist', 'a/xgit/b.js', 'my.git/a.js'])('keeps %s', (path) =>
    expect(isDefaultExcluded(path)).toBe(false),
  );
});

describe('makeGlobFilter', () => {
  it('keeps everything with no globs', () => {
    expect(makeGlobFilter([], []).keepsFile('any/where.js')).toBe(true);
  });

  it('narrows to --include matches, by path or by base name', () => {
    const filter = makeGlobFilter(['src/**', '*.py'], []);
    expect(filter.keepsFile('src/a/b.ts')).toBe(true);
    expect(filter.keepsFile('tools/c.py')).toBe(true);
    expect(filter.keepsFile('tools/c.js')).toBe(false);
  });

  it('removes --exclude matches, including everything under an excluded folder', () => {
    const filter = makeGlobFilter([], ['**/*.test.ts', 'legacy']);
    expect(filter.keepsFile('src/a.test.ts')).toBe(false);
    expect(filter.keepsFile('src/legacy/a.ts')).toBe(false);
    expect(filter.entersDir('src/legacy')).toBe(false);
    expect(filter.keepsFile('src/a.ts')).toBe(true);
    expect(filter.entersDir('src')).toBe(true);
  });

  it('lets exclude win over include', () => {
    const filter = makeGlobFilter(['src/**'], ['src/generated/**']);
    expect(filter.keepsFile('src/generated/a.ts')).toBe(false);
  });
});
