// Bundles the CLI (tsc's output under dist/src) into dist/cli/ with esbuild. Node's ESM loader
// pays about a millisecond per module, and an unbundled scan loads some 190 of them (ours and
// yaml's); the bundle cuts start-up by 100-150 ms on every run (issue 7). Every dynamic import
// stays a separate chunk, so a command still loads only what it uses, and the heavy or native
// packages (ink/react, jscodeshift, ts-morph, the tree-sitter grammars, @babel/parser, which is
// loaded with require, and jsonc-parser, a UMD package whose parts esbuild cannot follow) stay
// outside and load only when a chunk that needs them does.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';

const OUT = 'dist/cli';
const EXTERNAL = ['ink', 'react', 'react/*', 'jscodeshift', 'jscodeshift/*', 'ts-morph', 'web-tree-sitter', 'tree-sitter-*', '@babel/parser', 'jsonc-parser'];

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: ['dist/src/cli/main.js'],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS packages call require() for Node's built-ins and read __filename
  // (write-file-atomic names its temp files with it); an ES module has neither.
  banner: {
    js: [
      "import { createRequire as __bcomCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bcomFileURLToPath } from 'node:url';",
      'const require = __bcomCreateRequire(import.meta.url);',
      'const __filename = __bcomFileURLToPath(import.meta.url);',
    ].join(' '),
  },
  logLevel: 'warning',
});

// Data the code finds beside itself (new URL(..., import.meta.url)): src/scopes/catalogue.ts reads
// ./catalogue.json, src/analyze/cache.ts reads ../build-id.txt.
copyFileSync('dist/src/scopes/catalogue.json', `${OUT}/catalogue.json`);
copyFileSync('dist/src/build-id.txt', 'dist/build-id.txt');
