export { CONFIG_FILE_NAME, DEFAULT_CONFIG } from './defaults.ts';
export { ConfigError } from './errors.ts';
export { loadConfig, type LoadConfigOptions } from './load.ts';
export { saveStoreHash } from './save.ts';
export { STORE_HASH, validateConfig } from './validate.ts';
