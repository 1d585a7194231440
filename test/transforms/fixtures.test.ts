// Every fixture pair in transforms/__testfixtures__ through the real entry transform, the way
// jscodeshift calls it: the output must be exactly the expected file, a second run must change
// nothing, and every line the change does not touch must stay byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import jscodeshift, { type API, type Options } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import transformer from '../../transforms/legacy-to-oauth.ts';
import { rewriteText, settingsFromOptions } from '../../transforms/jscodeshift.ts';

const DIR = join(import.meta.dirname, '../../transforms/__testfixtures__');
/**
 * What a rewritten line may hold: a host or path piece, auth, headers, a request call (which gains
 * its Accept header), or the end of a removed block.
 */
const LEGACY_LINE = /mybigcommerce|https?:\/\/|headers|\/api\/v2|\.json|authoriz|auth|basic|user|key|pass|\.(?:get|post|put|patch|delete|head)\(|^\s*[}\]]\)?,?;?\s*$/i;
const inputs = readdirSync(DIR).filter((name) => name.includes('.input.')).sort();

function api(): API {
  return { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} } as unknown as API;
}

async function run(path: string, source: string, options: Options = {}): Promise<string> {
  return transformer({ path, source }, api(), options);
}

describe('transform fixture pairs', () => {
  it('has a pair for every client style and every case that is not rewritten', () => {
    const names = inputs.map((n) => n.split('.input.')[0]);
    for (const wanted of ['fetch-literal', 'axios-instance', 'axios-defaults', 'got', 'request', 'node-https', 'superagent', 'wrapper-function', 'wrapper-class', 'not-rewritten-browser', 'not-rewritten-xml', 'not-rewritten-dynamic-host', 'not-rewritten-dual-mode', 'not-rewritten-unknown-client', 'dual-mode-separable']) {
      expect(names).toContain(wanted);
    }
  });

  for (const input of inputs) {
    const output = input.replace('.input.', '.output.');
    const path = join('transforms/__testfixtures__', input);
    const source = readFileSync(join(DIR, input), 'utf8');
    const expected = readFileSync(join(DIR, output), 'utf8');

    it(`${input} becomes ${output}`, async () => {
      expect(await run(path, source)).toBe(expected);
    });

    it(`${input}: a second run changes nothing`, async () => {
      expect(await run(path, expected)).toBe(expected);
    });

    it(`${input}: only lines that hold legacy URL or auth pieces change`, async () => {
      const out = await run(path, source);
      const removed = diffLines(source, out).filter((part) => part.removed).flatMap((part) => part.value.split('\n').filter(Boolean));
      if (input.startsWith('not-rewritten-')) expect(removed).toEqual([]);
      else expect(removed.length).toBeGreaterThan(0);
      for (const line of removed) expect(line).toMatch(LEGACY_LINE);
    });
  }
});

describe('transform options', () => {
  const source = readFileSync(join(DIR, 'fetch-custom-domain.input.js'), 'utf8');
  const path = 'transforms/__testfixtures__/fetch-custom-domain.input.js';

  it('reads the token and the store hash from the env var names it is given', async () => {
    const out = await run(path, source, { tokenEnv: 'BC_TOKEN', storeHashEnv: 'BC_HASH' } as Options);
    expect(out).toContain("'X-Auth-Token': process.env.BC_TOKEN");
    expect(out).toContain('/stores/${process.env.BC_HASH}/v2/gift_certificates');
  });

  it('writes a store hash it is given where the host carries none', async () => {
    const out = await run(path, source, { storeHash: 'q9w8e7' } as Options);
    expect(out).toContain('/stores/q9w8e7/v2/gift_certificates');
    expect(out).not.toContain('BIGCOMMERCE_STORE_HASH');
  });

  it('applies only the finding ids it is given, and a change that shares code only with all of them', async () => {
    const shared = readFileSync(join(DIR, 'fetch-shared-base.input.js'), 'utf8');
    const all = rewriteText(shared, 'shared.js', jscodeshift, settingsFromOptions({}));
    const [group] = all.groups;
    expect(group.length).toBe(3);
    expect(await run('shared.js', shared, { only: group.slice(0, 2).join(',') } as Options)).toBe(shared);
    expect(await run('shared.js', shared, { only: group.join(',') } as Options)).toBe(all.output);
    expect(all.output).not.toBe(shared);
  });
});

describe('axios defaults set by assignment', () => {
  const source = readFileSync(join(DIR, 'axios-defaults.input.js'), 'utf8');

  it('ask for JSON once, after their statement, in the file\'s semicolon style', async () => {
    const asi = source.replace(/;$/gm, '');
    const out = await run('asi.js', asi);
    expect(out).toContain("axios.defaults.headers.common['X-Auth-Token'] = process.env.BIGCOMMERCE_ACCESS_TOKEN\naxios.defaults.headers.common.Accept = 'application/json'\n");
    expect(out).not.toContain('{ headers: { Accept');
  });

  it('get no second Accept when the file already sets one', async () => {
    const withAccept = source.replace("import axios from 'axios';\n", "import axios from 'axios';\naxios.defaults.headers.common['Accept'] = 'application/json';\n");
    const out = await run('accept.js', withAccept);
    expect(out.match(/Accept/g)).toHaveLength(1);
  });
});

