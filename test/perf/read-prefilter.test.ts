// The fast reader (`readIfMightBeLegacy`: scratch buffer, pre-filter before any allocation) must
// answer exactly as reading in full and then pre-filtering would.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mightBeLegacy } from '../../src/discover/prefilter.ts';
import { readIfMightBeLegacy, readSourceFileSync } from '../../src/discover/read.ts';
import type { DiscoveredFile, FileKind } from '../../src/discover/types.ts';

const LEGACY = "fetch('https://store-abc123.mybigcommerce.com/api/v2/orders')\n";
const FILES: Record<string, string | Buffer> = {
  'plain.js': 'export const a = 1;\n',
  'legacy.js': LEGACY,
  'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEGACY)]),
  'empty.js': '',
  'binary.js': Buffer.concat([Buffer.from(LEGACY), Buffer.from([0, 1, 2])]),
  // Larger than the scratch buffer, with the needle only at the very end.
  'large-legacy.js': `${'// filler line\n'.repeat(6000)}${LEGACY}`,
  'large-plain.js': '// filler line\n'.repeat(6000),
  'over-cap.js': `${LEGACY}${'x'.repeat(5000)}`,
  'settings.yml': 'bigcommerce:\n  store_url: https://shop.example.com\n',
  'imports-bc.js': "import { bcGet } from './bigcommerce';\n",
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bc-perf-read-'));
  for (const [name, content] of Object.entries(FILES)) await writeFile(join(root, name), content);
  execFileSync('mkfifo', [join(root, 'fifo.js')]);
});
afterAll(async () => rm(root, { recursive: true, force: true }));

function fileAt(path: string, kind: FileKind = path.endsWith('.yml') ? 'yaml' : 'js'): DiscoveredFile {
  return { path, absolutePath: join(root, path), size: -1, kind };
}

/** The slow reference: read everything, then pre-filter. */
function reference(file: DiscoveredFile, maxFileSize: number) {
  const full = readSourceFileSync(file, maxFileSize);
  return 'reason' in full || mightBeLegacy(full.buffer, file.kind) ? full : null;
}

/** Comparable form of a result (SourceText has lazy getters). */
function shape(result: ReturnType<typeof reference>) {
  if (result === null || 'reason' in result) return result;
  return { file: result.file, bytes: result.buffer.toString('hex'), text: result.text, bom: result.bom, mode: result.mode, eol: result.eol };
}

describe('readIfMightBeLegacy', () => {
  it('answers as reading in full and pre-filtering would, for every kind of file', () => {
    for (const name of [...Object.keys(FILES), 'fifo.js', 'missing.js']) {
      for (const cap of [1 << 20, 1024]) {
        expect({ name, cap, result: shape(readIfMightBeLegacy(fileAt(name), cap)) }).toEqual({ name, cap, result: shape(reference(fileAt(name), cap)) });
      }
    }
  });

  it('returns null for a file without a needle and the full source for one with', () => {
    expect(readIfMightBeLegacy(fileAt('plain.js'), 1 << 20)).toBeNull();
    expect(readIfMightBeLegacy(fileAt('large-legacy.js'), 1 << 20)).toMatchObject({ file: { path: 'large-legacy.js' } });
  });

  it('does not hand out the shared scratch buffer', () => {
    const first = readIfMightBeLegacy(fileAt('legacy.js'), 1 << 20);
    readIfMightBeLegacy(fileAt('settings.yml'), 1 << 20);
    expect(first && !('reason' in first) ? first.buffer.toString() : null).toBe(LEGACY);
  });
});

describe('readIfMightBeLegacy with keepRejected', () => {
  it('hands over a rejected file that names BigCommerce, as reading it in full gives it, and still returns null', () => {
    const kept: unknown[] = [];
    expect(readIfMightBeLegacy(fileAt('imports-bc.js'), 1 << 20, undefined, (source) => kept.push(shape(source)))).toBeNull();
    expect(kept).toEqual([shape(readSourceFileSync(fileAt('imports-bc.js'), 1 << 20))]);
  });

  it('keeps neither a file without any needle nor one the pre-filter passes', () => {
    const kept: unknown[] = [];
    readIfMightBeLegacy(fileAt('plain.js'), 1 << 20, undefined, (source) => kept.push(source));
    readIfMightBeLegacy(fileAt('legacy.js'), 1 << 20, undefined, (source) => kept.push(source));
    expect(kept).toEqual([]);
  });
});
