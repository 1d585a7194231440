import type { Config } from '../types.ts';
import { defaultConfig } from './defaults.ts';
import { ConfigError } from './errors.ts';
import { closestWord } from './suggest.ts';
import { globProblem } from '../discover/glob-syntax.ts';

type Settings = Omit<Config, 'path'>;

const KNOWN_KEYS = ['stores', 'tokenEnv', 'storeHashEnv', 'include', 'exclude', 'allowedScopes', 'maxFileSize'] as const;

/** A store hash as BigCommerce writes it, e.g. `cl1xgr`. */
export const STORE_HASH = /^[a-z0-9]+$/;
/** A host name with an optional port, no scheme or path. */
const HOST = /^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SCOPE_NAME = /^[a-z][a-z0-9_]*$/;
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1 << 20, gb: 1e9, gib: 1 << 30 };

/**
 * Checks the parsed file and fills in defaults. `file` is how the file is named in messages.
 * Throws ConfigError naming the key and the problem.
 */
export function validateConfig(raw: unknown, file: string): Settings {
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(`config error in ${file}: '${key}' ${problem}`, file, key);
  };
  const settings = defaultConfig();
  if (raw === null || raw === undefined) return settings;
  if (!isMapping(raw)) {
    throw new ConfigError(`config error in ${file}: the file must be a mapping of settings (key: value), got ${describe(raw)}`, file);
  }
  for (const key of Object.keys(raw)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
    const suggestion = closestWord(key, KNOWN_KEYS);
    fail(key, `is not a setting${suggestion ? `; did you mean '${suggestion}'?` : ''} (known: ${KNOWN_KEYS.join(', ')})`);
  }

  if (raw.stores !== undefined && raw.stores !== null) {
    if (!isMapping(raw.stores)) fail('stores', `must be a mapping of domain to store hash, got ${describe(raw.stores)}`);
    for (const [domain, hash] of Object.entries(raw.stores as Record<string, unknown>)) {
      const host = domain.toLowerCase();
      if (host === '') fail('stores', 'has an entry with an empty domain');
      if (!HOST.test(host)) {
        fail(`stores.${domain}`, `must be a host name such as shop.example.com (no https:// or path)`);
      }
      if (typeof hash !== 'string' || !STORE_HASH.test(hash)) {
        const quoteHint = typeof hash === 'number' ? ` (a number: quote it, e.g. '${hash}')` : '';
        fail(`stores.${domain}`, `must be a store hash (lowercase letters and digits), got ${describe(hash)}${quoteHint}`);
      }
      settings.stores[host] = hash as string;
    }
  }
  for (const key of ['tokenEnv', 'storeHashEnv'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !ENV_NAME.test(value)) {
      fail(key, `must be an environment variable name (letters, digits and _, not starting with a digit), got ${describe(value)}`);
    }
    settings[key] = value as string;
  }
  for (const key of ['include', 'exclude'] as const) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    settings[key] = stringList(value, (i) => `${key}[${i}]`, 'a glob such as src/** (every [ and { closed)', (glob) => globProblem(glob) === null, fail, key);
  }
  if (raw.allowedScopes !== undefined && raw.allowedScopes !== null) {
    settings.allowedScopes = stringList(
      raw.allowedScopes, (i) => `allowedScopes[${i}]`, 'a scope name such as store_v2_orders_read_only',
      (scope) => SCOPE_NAME.test(scope), fail, 'allowedScopes',
    );
  }
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    settings.maxFileSize = byteCount(raw.maxFileSize) ?? fail('maxFileSize', `must be a positive number of bytes (e.g. 1048576 or '2 MiB'), got ${describe(raw.maxFileSize)}`);
  }
  return settings;
}

function stringList(
  value: unknown,
  itemKey: (index: number) => string,
  itemShape: string,
  valid: (item: string) => boolean,
  fail: (key: string, problem: string) => never,
  key: string,
): string[] {
  if (!Array.isArray(value)) return fail(key, `must be a list, got ${describe(value)}`);
  return value.map((item, index) =>
    typeof item === 'string' && item.trim() !== '' && valid(item)
      ? item
      : fail(itemKey(index), `must be ${itemShape}, got ${describe(item)}`),
  );
}

function byteCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = SIZE.exec(value.trim());
  if (!match) return null;
  const bytes = Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]);
  return bytes > 0 ? bytes : null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longer texts are not quoted back. */
const MAX_QUOTED = 32;

/**
 * The value as an error names it. A text is quoted only when short, on one line and not shaped like
 * a key: `-c .env` by mistake reads the whole file as one text, and the error must not print it.
 */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const quotable = value.length <= MAX_QUOTED && !/[\r\n]/.test(value) && !/[A-Za-z0-9+/_-]{20,}/.test(value);
    return quotable ? `'${value}'` : `a text of ${value.length} characters`;
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
