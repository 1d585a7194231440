import type { Config } from '../types.ts';

export const CONFIG_FILE_NAME = '.bc-oauth-migrate.yml';

/** Where the rewritten official PHP, Python and Ruby clients read the new API account's client ID. */
export const CLIENT_ID_ENV = 'BIGCOMMERCE_CLIENT_ID';

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  stores: {},
  tokenEnv: 'BIGCOMMERCE_ACCESS_TOKEN',
  storeHashEnv: 'BIGCOMMERCE_STORE_HASH',
  include: [],
  exclude: [],
  allowedScopes: null,
  maxFileSize: 1_048_576,
  path: null,
});

/** A fresh copy, safe to change. */
export function defaultConfig(): Config {
  return { ...DEFAULT_CONFIG, stores: {}, include: [], exclude: [] };
}
