export { discoverFiles, type DiscoverOptions } from './discover.ts';
export { DiscoverError } from './errors.ts';
export { fileKindOf } from './kinds.ts';
export { ALL_PREFILTER_NEEDLES, BIGCOMMERCE_NEEDLES, LEGACY_URL_NEEDLES, mightBeLegacy, needlesFor } from './prefilter.ts';
export { isSkipped, readSourceFile, readSourceFileSync, readSourceFiles } from './read.ts';
export type { DiscoveredFile, Discovery, FileKind, SourceText } from './types.ts';
