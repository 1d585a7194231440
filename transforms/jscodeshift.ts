// The transform as jscodeshift calls it: parse with the parser the file's extension needs (never
// one parser for all), rewrite, and give back the text. CRLF files are rewritten as LF and turned
// back, so inserted lines match the rest of the file.
import type { API, FileInfo, Options } from 'jscodeshift';
import { componentCode, isComponentPath } from '../src/analyze/components.ts';
import { defaultConfig } from '../src/config/defaults.ts';
import type { Config } from '../src/types.ts';
import { rewriteProgram, type FileRewrite, type RewriteSettings } from './engine.ts';

export type ParserName = 'ts' | 'tsx' | 'babel';

export function parserFor(path: string): ParserName {
  if (/\.(ts|mts|cts)$/i.test(path)) return 'ts';
  if (/\.tsx$/i.test(path)) return 'tsx';
  return 'babel';
}

/** Options as the jscodeshift CLI passes them (`--tokenEnv=X --only=id1,id2`), or a Config in process. */
export function settingsFromOptions(options: Options): RewriteSettings {
  const base: Config = options.config ? { ...(options.config as Config) } : defaultConfig();
  if (typeof options.tokenEnv === 'string' && options.tokenEnv) base.tokenEnv = options.tokenEnv;
  if (typeof options.storeHashEnv === 'string' && options.storeHashEnv) base.storeHashEnv = options.storeHashEnv;
  if (typeof options.stores === 'string' && options.stores) base.stores = { ...base.stores, ...(JSON.parse(options.stores) as Record<string, string>) };
  return {
    config: base,
    only: onlySet(options.only),
    storeHash: typeof options.storeHash === 'string' && options.storeHash ? options.storeHash : null,
  };
}

function onlySet(value: unknown): ReadonlySet<string> | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Set) return value as Set<string>;
  if (Array.isArray(value)) return new Set(value.map(String));
  return new Set(String(value).split(',').map((s) => s.trim()).filter(Boolean));
}

/** Rewrites one file's text; `j` is jscodeshift (the parser is picked here from the path). */
export function rewriteText(source: string, path: string, j: API['jscodeshift'], settings: RewriteSettings): FileRewrite {
  const crlf = source.includes('\r\n') && !/(^|[^\r])\n/.test(source);
  const text = crlf ? source.replace(/\r\n/g, '\n') : source;
  // A component is parsed with its markup blanked (same offsets), and rewritten as written.
  const component = isComponentPath(path) ? componentCode(text, path) : null;
  const parser = component ? (component.typescript ? 'ts' : 'babel') : parserFor(path);
  const program = j.withParser(parser)(component ? component.text : text).get().node.program;
  const result = rewriteProgram(text, path, program, settings);
  if (!crlf) return result;
  // Back to CRLF: the output's line ends, and the edits' offsets and texts.
  const shift = (offset: number) => offset + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  return {
    ...result,
    output: result.output.replace(/\n/g, '\r\n'),
    edits: result.edits.map((e) => ({ start: shift(e.start), end: shift(e.end), text: e.text.replace(/\n/g, '\r\n') })),
  };
}

export function transformFile(file: FileInfo, api: API, options: Options): string {
  return rewriteText(file.source, file.path, api.jscodeshift, settingsFromOptions(options)).output;
}
