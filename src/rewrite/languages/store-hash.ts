// Where a rewritten configuration takes its store hash from: the store hostname, the config file's
// `stores:` mapping, or (when neither knows it) an environment read.
import type { HostInfo } from '../../types.ts';

export type StoreHashSource = { kind: 'literal'; hash: string } | { kind: 'env' };

export function storeHashSource(host: HostInfo | null): StoreHashSource {
  if (host?.storeHash && /^[a-z0-9]+$/i.test(host.storeHash)) return { kind: 'literal', hash: host.storeHash };
  return { kind: 'env' };
}
