import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'bc-oauth-migrate';

/** Read from our package.json, found by walking up from this module (src/ in tests, dist/src/ when built). */
export const TOOL_VERSION: string = findVersion();

function findVersion(): string {
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 5; depth += 1) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking up
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}
