// What edits made outside the transform (the cross-file pass's, at a call site) leave unused: the
// imports of the project's own modules, helpers and constants only the edited code read.
import { describe, expect, it } from 'vitest';
import { parseJs } from '../../src/analyze/parse.ts';
import { leftUnusedBy } from '../../transforms/engine.ts';
import { applyTextEdits, type TextEdit } from '../../transforms/lib/text.ts';
import { testConfig } from '../analyze/helpers.ts';

const settings = { config: testConfig, only: null, storeHash: null };

/** The text after replacing `old` (its first occurrence) and cleaning up after that edit. */
function afterEdit(source: string, old: string, replacement: string, file = 'a.ts', done: TextEdit[] = []): string {
  const start = source.indexOf(old);
  const edit = { start, end: start + old.length, text: replacement };
  const cleanup = leftUnusedBy(source, file, parseJs(source, file).program, [edit], done, settings);
  return applyTextEdits(source, [edit, ...done, ...cleanup.edits]);
}

describe('leftUnusedBy', () => {
  it('takes out one named import from the middle or the end of its list, and the whole import when none is left', () => {
    const source = "import { a, basicAuth, b } from './auth';\nimport { sign } from './sign';\nexport const h = { x: basicAuth(), y: sign(), z: a + b };\n";
    expect(afterEdit(source, 'x: basicAuth(), y: sign(), ', '')).toBe("import { a, b } from './auth';\nexport const h = { z: a + b };\n");
  });

  it('takes out adjacent properties of a destructured require together', () => {
    const source = "const { user, basicAuth, key, agent, region } = require('./auth');\nmodule.exports = { h: basicAuth(user, key), agent, region };\n";
    expect(afterEdit(source, 'h: basicAuth(user, key), ', '', 'a.js')).toBe("const { agent, region } = require('./auth');\nmodule.exports = { agent, region };\n");
  });

  it('keeps an import of a package, one still named in a type, and a default beside named ones', () => {
    const source = [
      "import { basicAuth } from 'bc-auth-kit';",
      "import { authHeader } from './auth';",
      "import makeAuth, { token } from './token';",
      'type Header = ReturnType<typeof authHeader>;',
      'export const h = [basicAuth(), authHeader(), token()];',
      '',
    ].join('\n');
    expect(afterEdit(source, '[basicAuth(), authHeader(), token()]', '[]')).toBe(source.replace('[basicAuth(), authHeader(), token()]', '[]'));
  });

  it('does not remove again what the transform\'s own edits took out', () => {
    const source = "import { basicAuth } from './auth';\nconst KEY = 'k';\nexport const a = basicAuth();\nexport const b = KEY;\n";
    const keyDeclaration = "const KEY = 'k';\n";
    const done = [{ start: source.indexOf(keyDeclaration), end: source.indexOf(keyDeclaration) + keyDeclaration.length, text: '' }, { start: source.indexOf('KEY;'), end: source.indexOf('KEY;') + 3, text: 'null' }];
    expect(afterEdit(source, 'basicAuth()', 'null', 'a.ts', done)).toBe('export const a = null;\nexport const b = null;\n');
  });

  it('takes a line comment after a constant it removes with it', () => {
    const source = "const KEY = 'k'; // old: 1111\nconst NAME = 'n';\nexport const h = { a: KEY, b: NAME };\n";
    expect(afterEdit(source, 'a: KEY, ', '', 'a.js')).toBe("const NAME = 'n';\nexport const h = { b: NAME };\n");
  });
});
