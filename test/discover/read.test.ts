import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dominantEol, holdsNeedle, isSkipped, looksMinified, readIfMightBeLegacy, readSourceFile, readSourceFiles } from '../../src/discover/read.ts';
import type { DiscoveredFile, SourceText } from '../../src/discover/types.ts';
import { makeTree, removeTree } from './tree.ts';

let root: string;
beforeAll(async () => {
  root = await makeTree({
    'plain.js': 'const a = 1;\nconst b = 2;\n',
    'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const x = 1;\r\n')]),
    'crlf.js': 'a\r\nb\r\nc\n',
    'latin1.js': Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]), // "// é" in Latin-1: not UTF-8
    'binary.js': Buffer.concat([Buffer.from('var a;'), Buffer.from([0]), Buffer.from('more')]),
    'big.js': 'x'.repeat(2048),
    'bundle.js': `${'var a=1;'.repeat(200)}\n`,
    'script.sh.js': '#!/usr/bin/env node\n',
    // A needle across the 1 MiB boundary of holdsNeedle's chunks.
    'huge-legacy.js': `${'x'.repeat((1 << 20) - 5)}mybigcommerce.com`,
    'huge-clean.js': 'x'.repeat((1 << 20) + 100),
  });
  await chmod(join(root, 'script.sh.js'), 0o755);
  execFileSync('mkfifo', [join(root, 'fifo.js')]);
});
afterAll(async () => removeTree(root));

function fileAt(path: string): DiscoveredFile {
  return { path, absolutePath: join(root, path), size: -1, kind: 'js' };
}

async function read(path: string, maxFileSize = 1 << 20): Promise<SourceText> {
  const result = await readSourceFile(fileAt(path), maxFileSize);
  if (isSkipped(result)) throw new Error(`unexpected skip: ${result.message}`);
  return result;
}

describe('readSourceFile', () => {
  it('returns the buffer, the decoded text and the real size', async () => {
    const source = await read('plain.js');
    expect(source.text).toBe('const a = 1;\nconst b = 2;\n');
    expect(source.buffer.toString()).toBe(source.text);
    expect(source.file).toEqual({ ...fileAt('plain.js'), size: 26 });
    expect(source).toMatchObject({ bom: false, eol: '\n', validUtf8: true, minified: false });
  });

  it('strips a UTF-8 BOM from the text and records it, keeping it in the buffer', async () => {
    const source = await read('bom.ts');
    expect(source.bom).toBe(true);
    expect(source.text).toBe('export const x = 1;\r\n');
    expect(source.buffer[0]).toBe(0xef);
  });

  it('reports the dominant line ending', async () => {
    expect((await read('crlf.js')).eol).toBe('\r\n');
    expect((await read('plain.js')).eol).toBe('\n');
  });

  it('decodes invalid UTF-8 leniently and says it was invalid', async () => {
    const source = await read('latin1.js');
    expect(source.validUtf8).toBe(false);
    expect(source.text).toBe('// \uFFFD\n');
  });

  it('keeps the permission bits for the writer', async () => {
    expect((await read('script.sh.js')).mode).toBe(0o755);
  });

  it('flags a file whose first KiB holds a line over 1000 characters as minified', async () => {
    expect((await read('bundle.js')).minified).toBe(true);
  });

  it('skips a file over maxFileSize as too-large, naming the limit', async () => {
    expect(await readSourceFile(fileAt('big.js'), 1024)).toEqual({
      file: 'big.js',
      reason: 'too-large',
      message: '2 KiB is over the 1 KiB limit (maxFileSize)',
    });
    expect(isSkipped(await readSourceFile(fileAt('big.js'), 4096))).toBe(false);
  });

  it('finds a needle in a file too large to analyze, across the chunks it reads, and none where there is none', () => {
    expect(['huge-legacy.js', 'huge-clean.js', 'missing.js'].map((path) => holdsNeedle(fileAt(path)))).toEqual([true, false, true]);
  });

  it('skips a file with a NUL byte in its first 8 KiB as binary', async () => {
    expect(await readSourceFile(fileAt('binary.js'), 1 << 20)).toMatchObject({ file: 'binary.js', reason: 'binary' });
  });

  it('says a binary file may hold legacy calls when it names BigCommerce once its NULs are dropped (UTF-16 too)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Invoke-RestMethod -Uri 'https://store-abc123.mybigcommerce.com/api/v2/orders'\r\n", 'utf16le')]);
    const path = join(await mkdtemp(join(tmpdir(), 'bc-utf16-')), 'sync.ps1');
    await writeFile(path, utf16);
    const file = { path: 'sync.ps1', absolutePath: path, kind: 'unparsed' as const, size: utf16.length };
    expect(await readSourceFile(file, 1 << 20)).toMatchObject({ reason: 'binary', mightBeLegacy: true });
    expect(readIfMightBeLegacy(file, 1 << 20)).toMatchObject({ reason: 'binary', mightBeLegacy: true });
    expect(await readSourceFile(fileAt('binary.js'), 1 << 20)).not.toHaveProperty('mightBeLegacy');
  });

  it('skips a missing file as unreadable with the OS message', async () => {
    expect(await readSourceFile(fileAt('missing.js'), 1 << 20)).toMatchObject({
      file: 'missing.js',
      reason: 'unreadable',
      message: expect.stringContaining('ENOENT'),
    });
  });

  it('skips a FIFO under a source name without blocking', async () => {
    expect(await readSourceFile(fileAt('fifo.js'), 1 << 20)).toMatchObject({ reason: 'unreadable', message: 'not a regular file' });
  });

  it('does not follow a symlink', async () => {
    const linked = await makeTree({ 'real.js': 'x\n', 'link.js': { link: 'real.js' } });
    try {
      const result = await readSourceFile({ path: 'link.js', absolutePath: join(linked, 'link.js'), size: -1, kind: 'js' }, 1 << 20);
      expect(result).toMatchObject({ reason: 'unreadable', message: expect.stringContaining('symbolic link') });
    } finally {
      await removeTree(linked);
    }
  });
});

describe('readSourceFiles', () => {
  it('hands every file to the visitor in order, skips included', async () => {
    const seen: string[] = [];
    const files = ['plain.js', 'binary.js', 'crlf.js'].map(fileAt);
    await readSourceFiles(files, 1 << 20, (result) => {
      seen.push(isSkipped(result) ? `skipped ${result.file}` : result.file.path);
    });
    expect(seen).toEqual(['plain.js', 'skipped binary.js', 'crlf.js']);
  });

  it('reports a file removed after listing as unreadable and goes on', async () => {
    const gone = await makeTree({ 'a.js': 'x\n', 'b.js': 'y\n' });
    try {
      await unlink(join(gone, 'a.js'));
      const results: string[] = [];
      const files = ['a.js', 'b.js'].map((path): DiscoveredFile => ({ path, absolutePath: join(gone, path), size: -1, kind: 'js' }));
      await readSourceFiles(files, 1 << 20, (result) => {
        results.push(isSkipped(result) ? result.reason : 'read');
      });
      expect(results).toEqual(['unreadable', 'read']);
    } finally {
      await removeTree(gone);
    }
  });
});

describe('dominantEol', () => {
  it('prefers LF on a tie and with no line endings', () => {
    expect(dominantEol(Buffer.from('a\r\nb\n'))).toBe('\n');
    expect(dominantEol(Buffer.from('one line'))).toBe('\n');
  });
});

describe('looksMinified', () => {
  it('ignores long lines that start after the first KiB', () => {
    const text = `${'short line\n'.repeat(100)}${'x'.repeat(2000)}\n`;
    expect(looksMinified(Buffer.from(text))).toBe(false);
  });

  it('counts a line that starts inside the first KiB and runs past it', () => {
    const text = `${'short line\n'.repeat(50)}${'x'.repeat(2000)}\n`;
    expect(looksMinified(Buffer.from(text))).toBe(true);
  });
});
