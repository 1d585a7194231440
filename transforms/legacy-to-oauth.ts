// bc-oauth-migrate's jscodeshift transform: BigCommerce legacy API calls (basic auth on the store's
// own host) become OAuth gateway calls with an X-Auth-Token header.
//
//   npx jscodeshift -t transforms/legacy-to-oauth.ts --parser=tsx src/ \
//     [--tokenEnv=BIGCOMMERCE_ACCESS_TOKEN] [--storeHashEnv=BIGCOMMERCE_STORE_HASH] [--storeHash=abc123] [--only=id,id]
//
// Each file is parsed with the parser its extension needs (ts, tsx or babel), whatever --parser says.
// jscodeshift's runner loads this file through babel-register as CommonJS, where the analyzer (which
// is ESM and reads its scope catalogue beside itself) cannot run; there the built copy in dist/ is
// imported natively instead. `npm ci` builds it.
import type { API, FileInfo, Options } from 'jscodeshift';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Adapter = typeof import('./jscodeshift.ts');

export const parser = 'tsx';

export default async function transformer(file: FileInfo, api: API, options: Options): Promise<string> {
  const adapter = await loadAdapter();
  return adapter.transformFile(file, api, options);
}

let adapter: Promise<Adapter> | null = null;

function loadAdapter(): Promise<Adapter> {
  adapter ??= underBabelRegister() ? importBuilt() : import('./jscodeshift.ts');
  return adapter;
}

/** jscodeshift's runner: this file compiled to CommonJS by babel-register, `.ts` hooked in require. */
function underBabelRegister(): boolean {
  return (
    typeof require === 'function' &&
    typeof module === 'object' &&
    typeof __filename === 'string' &&
    /\.ts$/.test(__filename) &&
    Boolean((require as NodeJS.Require).extensions?.['.ts'])
  );
}

function importBuilt(): Promise<Adapter> {
  const built = join(dirname(__filename), '..', 'dist', 'transforms', 'jscodeshift.js');
  // A native import(): babel would turn a written one into require().
  const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Adapter>;
  return nativeImport(pathToFileURL(built).href).catch((error: unknown) => {
    throw new Error(`bc-oauth-migrate is not built (${built}): run \`npm run build\` first. ${(error as Error).message}`);
  });
}
