// What every language detector receives and returns: the same shape for PHP, Python and Ruby.
import type { Node } from 'web-tree-sitter';
import type { Config, Finding, HostInfo } from '../../types.ts';
import type { PartialString } from '../partial.ts';

export interface LanguageFile {
  path: string;
  text: string;
  root: Node;
  config: Config;
}

/** Where detectors put what they find. Secrets never go anywhere else. */
export interface Collector {
  findings: Finding[];
  secrets: string[];
  /** Wrapper findings whose wrapper other files may call (see ../wrapper-callers.ts), with its name. */
  wrappers?: WrapperReach[];
}

export interface WrapperReach {
  finding: Finding;
  name: string;
}

/** The official client libraries, as reported in `Finding.client`. */
export type LibraryName = 'bigcommerce-api-php' | 'bigcommerce-api-python' | 'bigcommerce-api-ruby' | 'bigcommerce-api-ruby-0.x';

/** One configuration of an official library found in a file, legacy or OAuth. */
export interface LibraryConfigUse {
  library: LibraryName;
  mode: 'legacy' | 'oauth';
  /** The call or block that configures the library. */
  node: Node;
  /**
   * What the configured client is reached through: a receiver's source text (`api`, `self.api`,
   * `@api`) for instance clients, null for the libraries' global configuration.
   */
  binding: string | null;
  host: HostInfo | null;
  storeUrl: PartialString | null;
  /** True when an `if` chooses between this and an OAuth configuration of the same library. */
  dualMode: boolean;
  /** The id of the finding reported for it (legacy only). */
  findingId?: string;
}
