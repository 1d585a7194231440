// Where a name used in one module is defined in another, answered by the TypeScript checker through
// ts-morph: imports, re-exports, default exports, CommonJS `module.exports` / `exports.x`, `require`
// chains, JSON modules and members of imported instances and classes. Only the involved files are in
// the program, and nothing else is resolved or loaded (no lib files, no node_modules typings).
import type { ModuleUnit } from './units.ts';

/** A definition, as a span in one of the involved files. */
export interface DefinitionSite {
  file: string;
  start: number;
  end: number;
  kind: 'value' | 'function' | 'class';
}

export interface DefinitionFinder {
  /** The definition of the expression spanning [start, end) in `file`, or null when it is not known. */
  definitionOf(file: string, start: number, end: number): DefinitionSite | null;
}

type Ts = typeof import('ts-morph')['ts'];
type TsNode = import('ts-morph').ts.Node;
type TsSymbol = import('ts-morph').ts.Symbol;
type TsChecker = import('ts-morph').ts.TypeChecker;
type TsSourceFile = import('ts-morph').ts.SourceFile;

const MAX_HOPS = 8;

/**
 * Loads ts-morph (only now: it costs about half a second) and builds a program of exactly these
 * files. The program is made with the compiler API ts-morph ships (`ts`) rather than a ts-morph
 * `Project`: the Project's wrapper objects doubled the cost of adding a thousand files, and only the
 * checker is needed here.
 */
export async function loadDefinitionFinder(units: readonly ModuleUnit[]): Promise<DefinitionFinder> {
  const { ts } = await import('ts-morph');
  const options: import('ts-morph').ts.CompilerOptions = {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    // Bound the program to the files given: imports of anything else stay unresolved.
    noResolve: true,
    noLib: true,
    types: [],
  };
  const byPath = new Map<string, string>();
  const sources = new Map<string, TsSourceFile>();
  const texts = new Map<string, string>();
  for (const unit of units) {
    if (unit.kind === 'env') continue;
    const path = ts.sys.resolvePath(unit.absolutePath).replace(/\\/g, '/');
    // The same decoded text the Babel side parsed, so offsets agree.
    texts.set(path, unit.text);
    byPath.set(path, unit.file);
    byPath.set(unit.file, path);
  }
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => texts.get(name) ?? readFile(name);
  host.fileExists = (name) => texts.has(name) || ts.sys.fileExists(name);
  host.getSourceFile = (name, languageVersion) => {
    const text = texts.get(name);
    if (text === undefined) return undefined;
    let sf = sources.get(name);
    if (!sf) {
      sf = ts.createSourceFile(name, text, languageVersion, true);
      sources.set(name, sf);
    }
    return sf;
  };
  let checker: TsChecker | null = null;
  const program = () => {
    checker ??= ts.createProgram({ rootNames: [...texts.keys()], options, host }).getTypeChecker();
    return checker;
  };

  return {
    definitionOf(file, start, end) {
      const path = byPath.get(file);
      const c = program();
      const sourceFile = path ? sources.get(path) : undefined;
      if (!sourceFile) return null;
      const node = nodeAt(ts, sourceFile, start, end);
      const target = node ? queryNode(ts, node) : null;
      if (!target) return null;
      let symbol: TsSymbol | undefined;
      try {
        symbol = c.getSymbolAtLocation(target);
      } catch {
        return null;
      }
      const value = symbol ? valueOfSymbol(ts, c, symbol, 0) : null;
      if (!value) return null;
      const valueFile = byPath.get(value.getSourceFile().fileName);
      if (!valueFile) return null;
      return { file: valueFile, start: value.getStart(value.getSourceFile()), end: value.getEnd(), kind: kindOf(ts, value) };
    },
  };
}

/** The innermost node with exactly this span. */
function nodeAt(ts: Ts, sourceFile: TsSourceFile, start: number, end: number): TsNode | null {
  let found: TsNode | null = null;
  const visit = (node: TsNode): void => {
    if (node.pos > start || node.end < end) return;
    if (node.getStart(sourceFile) === start && node.end === end) found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** The node to ask the checker about: the name of a property access, the module of a `require`. */
function queryNode(ts: Ts, node: TsNode): TsNode | null {
  if (ts.isIdentifier(node)) return node;
  if (ts.isPropertyAccessExpression(node)) return node.name;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression;
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) return node.arguments[0];
  if (ts.isParenthesizedExpression(node)) return queryNode(ts, node.expression);
  return null;
}

function valueOfSymbol(ts: Ts, checker: TsChecker, start: TsSymbol, hops: number): TsNode | null {
  if (hops > MAX_HOPS) return null;
  let symbol = start;
  if (symbol.flags & ts.SymbolFlags.Alias) {
    try {
      symbol = checker.getAliasedSymbol(symbol);
    } catch {
      return null;
    }
  }
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return null;
  return valueOfDeclaration(ts, checker, declaration, symbol, hops);
}

function valueOfDeclaration(ts: Ts, checker: TsChecker, declaration: TsNode, symbol: TsSymbol, hops: number): TsNode | null {
  if (ts.isVariableDeclaration(declaration)) return ts.isIdentifier(declaration.name) ? declaration.initializer ?? null : null;
  if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) return declaration.initializer ?? null;
  if (ts.isShorthandPropertyAssignment(declaration)) {
    const value = checker.getShorthandAssignmentValueSymbol(declaration);
    return value ? valueOfSymbol(ts, checker, value, hops + 1) : null;
  }
  if (ts.isExportAssignment(declaration)) return declaration.expression;
  if (ts.isBinaryExpression(declaration)) return declaration.right;
  if ((ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration) {
    return declaration.parent.right;
  }
  if (
    ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isClassDeclaration(declaration) ||
    ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration) || ts.isClassExpression(declaration)
  ) {
    return declaration;
  }
  if (ts.isSourceFile(declaration)) {
    // A whole module: a JSON file's value, or what a CommonJS module assigns to `module.exports`.
    if (declaration.fileName.endsWith('.json')) {
      const first = declaration.statements[0];
      return first && ts.isExpressionStatement(first) ? first.expression : null;
    }
    const exported = symbol.exports?.get('export=' as import('ts-morph').ts.__String);
    return exported ? valueOfSymbol(ts, checker, exported, hops + 1) : null;
  }
  return null;
}

function kindOf(ts: Ts, node: TsNode): DefinitionSite['kind'] {
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return 'class';
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return 'function';
  return 'value';
}
