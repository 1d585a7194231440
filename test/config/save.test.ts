import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { loadConfig } from '../../src/config/load.ts';
import { saveStoreHash } from '../../src/config/save.ts';

let root: string;
let file: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bcom-config-save-'));
  file = join(root, '.bc-oauth-migrate.yml');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('saveStoreHash', () => {
  it('adds a store entry keeping the rest of the file and its comments', async () => {
    const before = `# Migration settings for the shop
tokenEnv: BC_TOKEN # read by the sync job

stores:
  # the main shop
  shop.example.com: abc123
exclude:
  - legacy/**
`;
    await writeFile(file, before);
    await saveStoreHash(file, 'outlet.example.com', 'def456');
    expect(await readFile(file, 'utf8')).toBe(before.replace('  shop.example.com: abc123\n', '  shop.example.com: abc123\n  outlet.example.com: def456\n'));
  });

  it('updates an existing entry in place', async () => {
    await writeFile(file, 'stores:\n  shop.example.com: old1 # set by hand\n  b.example.com: bbb\n');
    await saveStoreHash(file, 'Shop.Example.com', 'new2');
    expect(await readFile(file, 'utf8')).toBe('stores:\n  shop.example.com: new2 # set by hand\n  b.example.com: bbb\n');
  });

  it('adds a stores section when the file has none', async () => {
    await writeFile(file, '# settings\ntokenEnv: T\n');
    await saveStoreHash(file, 'shop.example.com', 'abc');
    expect(await readFile(file, 'utf8')).toBe('# settings\ntokenEnv: T\nstores:\n  shop.example.com: abc\n');
  });

  it('turns an empty `stores: {}` into a block mapping', async () => {
    await writeFile(file, 'stores: {}\n');
    await saveStoreHash(file, 'shop.example.com', 'abc');
    expect(await readFile(file, 'utf8')).toBe('stores:\n  shop.example.com: abc\n');
  });

  it('creates the file when it does not exist, and the result loads', async () => {
    await saveStoreHash(file, 'shop.example.com', 'abc');
    expect((await loadConfig({ root })).stores).toEqual({ 'shop.example.com': 'abc' });
  });

  it('refuses an invalid store hash and leaves the file alone', async () => {
    await writeFile(file, 'stores: {}\n');
    await expect(saveStoreHash(file, 'shop.example.com', 'Not A Hash')).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(file, 'utf8')).toBe('stores: {}\n');
  });

  it('refuses to edit a file whose stores key is not a mapping', async () => {
    await writeFile(file, 'stores: [a]\n');
    await expect(saveStoreHash(file, 'shop.example.com', 'abc')).rejects.toThrow(/'stores' must be a mapping/);
    expect(await readFile(file, 'utf8')).toBe('stores: [a]\n');
  });
});
