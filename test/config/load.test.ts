import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { loadConfig } from '../../src/config/load.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bcom-config-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeConfig(text: string, name = '.bc-oauth-migrate.yml'): Promise<string> {
  const file = join(root, name);
  await writeFile(file, text);
  return file;
}

async function loadError(text: string): Promise<ConfigError> {
  await writeConfig(text);
  const error = await loadConfig({ root }).catch((caught: unknown) => caught);
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('loadConfig', () => {
  it('gives the defaults when there is no config file', async () => {
    expect(await loadConfig({ root })).toEqual({
      stores: {}, tokenEnv: 'BIGCOMMERCE_ACCESS_TOKEN', storeHashEnv: 'BIGCOMMERCE_STORE_HASH',
      include: [], exclude: [], allowedScopes: null, maxFileSize: 1_048_576, path: null,
    });
  });

  it('reads every setting from .bc-oauth-migrate.yml at the root', async () => {
    const file = await writeConfig(`# settings
stores:
  shop.example.com: abc123
  Store.Example.ORG: x9
tokenEnv: BC_TOKEN
storeHashEnv: BC_HASH
include: ['src/**']
exclude: ['**/*.test.ts']
allowedScopes: [store_v2_orders_read_only]
maxFileSize: 2 MiB
`);
    expect(await loadConfig({ root })).toEqual({
      stores: { 'shop.example.com': 'abc123', 'store.example.org': 'x9' },
      tokenEnv: 'BC_TOKEN', storeHashEnv: 'BC_HASH', include: ['src/**'], exclude: ['**/*.test.ts'],
      allowedScopes: ['store_v2_orders_read_only'], maxFileSize: 2 * 1024 * 1024, path: file,
    });
  });

  it('fills in defaults for keys the file leaves out, and treats an empty file as defaults', async () => {
    const file = await writeConfig('tokenEnv: MY_TOKEN\n');
    expect(await loadConfig({ root })).toEqual({ ...DEFAULT_CONFIG, tokenEnv: 'MY_TOKEN', path: file });
    await writeConfig('# nothing yet\n');
    expect((await loadConfig({ root })).tokenEnv).toBe('BIGCOMMERCE_ACCESS_TOKEN');
  });

  it('reads a config file given by path', async () => {
    await mkdir(join(root, 'ci'));
    const file = await writeConfig('storeHashEnv: HASH\n', 'ci/migrate.yml');
    expect(await loadConfig({ root, path: 'ci/migrate.yml' })).toMatchObject({ storeHashEnv: 'HASH', path: file });
  });

  it('fails when a config file given by path is missing', async () => {
    await expect(loadConfig({ root, path: 'nope.yml' })).rejects.toThrow(new ConfigError('config error in nope.yml: file not found', 'nope.yml'));
  });

  it('names the key and the value for a store hash of the wrong type', async () => {
    const error = await loadError('stores:\n  shop.example.com: 42\n');
    expect(error.message).toBe(
      "config error in .bc-oauth-migrate.yml: 'stores.shop.example.com' must be a store hash (lowercase letters and digits), got 42 (a number: quote it, e.g. '42')",
    );
    expect(error.key).toBe('stores.shop.example.com');
  });

  it('does not quote a long or key-shaped value back: a .env given as the config keeps its key', async () => {
    const error = await loadError('BC_STORE_URL=https://store-abc123.mybigcommerce.com\nBC_API_USER=u\nBC_API_KEY=zz9PLANTEDkey1234567890abcd\n');
    expect(error.message).toBe('config error in .bc-oauth-migrate.yml: the file must be a mapping of settings (key: value), got a text of 104 characters');
    expect((await loadError('tokenEnv: zz9PLANTEDkey1234567890abcd-\n')).message).not.toContain('zz9');
  });

  it('rejects a store hash with capitals or punctuation', async () => {
    expect((await loadError("stores:\n  shop.example.com: 'ABC-1'\n")).message).toContain("got 'ABC-1'");
  });

  it('rejects a store key that is a URL rather than a host name', async () => {
    expect((await loadError('stores:\n  https://shop.example.com/: abc\n')).message).toBe(
      "config error in .bc-oauth-migrate.yml: 'stores.https://shop.example.com/' must be a host name such as shop.example.com (no https:// or path)",
    );
  });

  it('rejects an unknown key and suggests the closest one', async () => {
    const error = await loadError('token_env: X\n');
    expect(error.message).toContain("'token_env' is not a setting; did you mean 'tokenEnv'?");
    expect((await loadError('allowedScope: []\n')).message).toContain("did you mean 'allowedScopes'?");
    expect((await loadError('colour: red\n')).message).not.toContain('did you mean');
  });

  it('rejects env var names that are not valid', async () => {
    expect((await loadError('tokenEnv: 1TOKEN\n')).message).toContain("'tokenEnv' must be an environment variable name");
    expect((await loadError('storeHashEnv: [A]\n')).message).toContain("'storeHashEnv' must be an environment variable name");
  });

  it('requires allowedScopes to be a list of scope names', async () => {
    expect((await loadError('allowedScopes: store_v2_orders\n')).message).toContain("'allowedScopes' must be a list, got 'store_v2_orders'");
    expect((await loadError('allowedScopes: [store_v2_orders, 7]\n')).message).toContain("'allowedScopes[1]' must be a scope name");
    expect((await loadError("allowedScopes: ['Orders: modify']\n")).message).toContain("got 'Orders: modify'");
  });

  it('accepts an empty scope budget, which allows no scope', async () => {
    await writeConfig('allowedScopes: []\n');
    expect((await loadConfig({ root })).allowedScopes).toEqual([]);
  });

  it('requires include and exclude to be lists of globs', async () => {
    expect((await loadError('include: src\n')).message).toContain("'include' must be a list, got 'src'");
    expect((await loadError("exclude: ['']\n")).message).toContain("'exclude[0]' must be a glob");
  });

  it('refuses an include glob with an unclosed bracket, which would match no file', async () => {
    expect((await loadError("include: ['src/[']\n")).message).toContain("'include[0]' must be a glob such as src/** (every [ and { closed), got 'src/['");
  });

  it('requires maxFileSize to be a positive size', async () => {
    expect((await loadError('maxFileSize: -5\n')).message).toContain("'maxFileSize' must be a positive number of bytes");
    expect((await loadError('maxFileSize: lots\n')).message).toContain("got 'lots'");
    await writeConfig('maxFileSize: 500 KB\n');
    expect((await loadConfig({ root })).maxFileSize).toBe(500_000);
  });

  it('rejects a file that is not a mapping', async () => {
    expect((await loadError('- a\n- b\n')).message).toBe(
      'config error in .bc-oauth-migrate.yml: the file must be a mapping of settings (key: value), got a list',
    );
  });

  it('gives the line and column of a YAML syntax error', async () => {
    const error = await loadError('tokenEnv: X\nstores:\n  shop.example.com: [abc\n');
    expect(error.message).toMatch(/^config error in \.bc-oauth-migrate\.yml: line \d+, column \d+: /);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a duplicated key as a syntax error', async () => {
    const error = await loadError('tokenEnv: A\ntokenEnv: B\n');
    expect(error.message).toContain('line 2, column 1');
  });
});
