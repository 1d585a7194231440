import ignore, { type Ignore } from 'ignore';

/** The rules of one .gitignore, which apply to paths relative to its folder. */
export interface IgnoreLevel {
  /** Relative to the root, '' for the root itself. */
  dir: string;
  rules: Ignore;
}

export function parseGitignore(dir: string, content: string): IgnoreLevel {
  // Git compares case-sensitively unless core.ignorecase is set; the listing through git must match.
  return { dir, rules: ignore({ ignorecase: false }).add(content) };
}

/**
 * Whether git would ignore `relativePath` (a folder when it ends with '/'). The deepest .gitignore
 * that has an opinion decides, as in git, where a nested file overrides the ones above it.
 */
export function isIgnored(levels: readonly IgnoreLevel[], relativePath: string): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i];
    const local = level.dir === '' ? relativePath : relativePath.slice(level.dir.length + 1);
    const verdict = level.rules.test(local);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
