import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isMap, YAMLMap } from 'yaml';
import { ConfigError } from './errors.ts';
import { parseConfigDocument, displayName } from './load.ts';
import { validateConfig } from './validate.ts';

/**
 * Adds or updates `stores.<domain>: <hash>` in a config file, keeping everything else in it
 * (comments, order, formatting) as it was. Creates the file when it does not exist.
 */
export async function saveStoreHash(configPath: string, domain: string, hash: string): Promise<void> {
  const label = displayName(dirname(configPath), configPath);
  const host = domain.toLowerCase();
  // The same rules as loading, so a saved entry always loads again.
  validateConfig({ stores: { [host]: hash } }, label);

  let source = '';
  try {
    source = await readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`config error in ${label}: ${(error as Error).message}`, label);
    }
  }
  const document = parseConfigDocument(source, label);
  if (document.contents === null) document.contents = new YAMLMap();
  if (!isMap(document.contents)) {
    throw new ConfigError(`config error in ${label}: the file must be a mapping of settings; not changed`, label);
  }
  const stores = document.get('stores', true);
  if (stores === undefined || stores === null || (stores as { value?: unknown }).value === null) {
    document.set('stores', new YAMLMap());
  } else if (!isMap(stores)) {
    throw new ConfigError(`config error in ${label}: 'stores' must be a mapping of domain to store hash; not changed`, label, 'stores');
  } else if (stores.flow && stores.items.length === 0) {
    stores.flow = false; // `stores: {}` grows into a block mapping
  }
  document.setIn(['stores', host], hash);
  await writeFileAtomic(configPath, document.toString({ lineWidth: 0 }));
}
