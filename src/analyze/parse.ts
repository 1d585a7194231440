// Parses one JavaScript/TypeScript file with @babel/parser, with plugins chosen by extension.
import { createRequire } from 'node:module';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { AstNode } from './ast.ts';
import { componentCode, isComponentPath } from './components.ts';

// @babel/parser is CommonJS; require() loads it several times faster than an ESM import does,
// and every scan pays that on start-up.
const { parse } = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');

export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/**
 * Syntax shipped code uses that Babel keeps behind a plugin: decorators (`decorators-legacy`, for
 * TypeScript too: NestJS-style services are common homes for legacy API clients) with TypeScript
 * 5's `accessor` fields, and the `assert { type: 'json' }` import attributes Node 16-20 code wrote.
 */
const SHIPPED: ParserPlugin[] = ['decorators-legacy', 'decoratorAutoAccessors', 'deprecatedImportAssert'];
/** Proposals that cost nothing when unused. */
const HARMLESS: ParserPlugin[] = [...SHIPPED, 'doExpressions', 'exportDefaultFrom', 'functionBind', 'throwExpressions'];

export function pluginsFor(filePath: string): ParserPlugin[] {
  const ext = /\.([a-z]+)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'js';
  switch (ext) {
    case 'ts':
    case 'mts':
    case 'cts':
      return ['typescript', ...SHIPPED];
    case 'tsx':
      return ['typescript', 'jsx', ...SHIPPED];
    default:
      return ['jsx', ...HARMLESS];
  }
}

/** Files parseJs reads: JS and TS of every extension, and components' code. */
export function parsesAsJs(path: string): boolean {
  return /\.(?:[cm]?[jt]sx?)$/i.test(path) || isComponentPath(path);
}

export interface ParsedFile {
  /** The Babel `File` node. */
  ast: AstNode;
  program: AstNode;
  comments: AstNode[];
}

export function parseJs(source: string, filePath: string): ParsedFile {
  let text = source;
  let plugins = pluginsFor(filePath);
  if (isComponentPath(filePath)) {
    const code = componentCode(source, filePath);
    text = code.text;
    plugins = code.typescript ? pluginsFor('component.ts') : pluginsFor('component.js');
  }
  try {
    return run(text, plugins);
  } catch (error) {
    // Plain .js files sometimes carry Flow annotations; try once more before giving up.
    if (!plugins.includes('typescript')) {
      try {
        return run(text, [...plugins, 'flow']);
      } catch {
        // report the first error: it describes the file as the user wrote it
      }
    }
    throw toParseError(error);
  }
}

function run(text: string, plugins: ParserPlugin[]): ParsedFile {
  const options: ParserOptions = {
    sourceType: 'unambiguous',
    plugins,
    errorRecovery: false,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
  };
  const ast = parse(text, options) as unknown as AstNode;
  return { ast, program: ast.program, comments: ast.comments ?? [] };
}

function toParseError(error: unknown): ParseError {
  const e = error as { message?: string; loc?: { line: number; column: number } };
  const line = e.loc?.line ?? 1;
  const column = (e.loc?.column ?? 0) + 1;
  const message = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new ParseError(`${message} (${line}:${column})`, line, column);
}
