// Where a name used in one module is defined in another, answered by the TypeScript checker through
// ts-morph: imports, re-exports, default exports, CommonJS `module.exports` / `exports.x`, `require`
// chains, JSON modules and members of imported instances and classes. Only the involved files are in
// the program, and nothing else is resolved or loaded (no lib files, no node_modules typings).
import { isCall, unwrap, type AstNode } from '../ast.ts';
import { relativeSpecifiers, resolveSpecifier } from './module-specifiers.ts';
import { chainRoot } from './project-evaluator.ts';
import type { ModuleUnit } from './units.ts';

/** A definition, as a span in one of the involved files. */
export interface DefinitionSite {
  file: string;
  start: number;
  end: number;
  kind: 'value' | 'function' | 'class';
}

export interface DefinitionFinder {
  /**
   * The definition of the expression spanning [start, end) in `file`, or null when it is not known.
   * `node` (the Babel node of that span) lets a plain imported name be answered without putting
   * `file` in the program.
   */
  definitionOf(file: string, start: number, end: number, node?: AstNode): DefinitionSite | null;
  /** Files in the TypeScript program so far (for tests and the benchmark). */
  programFiles(): number;
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
      // Parent pointers are set by the binder; JSDoc is never asked about.
      const jsDocParsingMode = ts.JSDocParsingMode.ParseNone;
      const options = typeof languageVersion === 'object' ? { ...languageVersion, jsDocParsingMode } : { languageVersion, jsDocParsingMode };
      sf = ts.createSourceFile(name, text, options, false);
      sources.set(name, sf);
    }
    return sf;
  };
  // The program starts with the modules some involved file imports: that is where definitions are.
  // A file that only imports (a route calling a shared wrapper) joins it only if a question about
  // it cannot be answered from its import declaration alone; then every file joins at once, so the
  // program is rebuilt at most once.
  const unitByFile = new Map(units.filter((u) => u.kind !== 'env').map((u) => [u.file, u]));
  const known = new Set(unitByFile.keys());
  const imported = new Set<string>();
  for (const unit of unitByFile.values()) {
    if (unit.kind !== 'js') continue;
    for (const spec of relativeSpecifiers(unit.text)) {
      const target = resolveSpecifier(unit.file, spec, known);
      if (target) imported.add(target);
    }
  }
  let roots = [...texts.keys()].filter((path) => imported.has(byPath.get(path)!));
  let everything = roots.length === texts.size;
  let checker: TsChecker | null = null;
  let built: import('ts-morph').ts.Program | undefined;
  const program = () => {
    if (!checker) {
      built = ts.createProgram({ rootNames: roots, options, host, oldProgram: built });
      checker = built.getTypeChecker();
    }
    return checker;
  };
  const inProgram = new Set<string>(roots);
  const widen = () => {
    everything = true;
    roots = [...texts.keys()];
    roots.forEach((r) => inProgram.add(r));
    checker = null;
  };

  /**
   * `name` in `file`, bound by `import { x as name } from './m'` (or a default import) of an involved
   * module: answered from m's exports. A name or member chain imported from a package: null, as the
   * checker would say (the program resolves nothing outside the involved files). Anything else:
   * undefined (the file must join the program).
   */
  const throughImport = (file: string, node: AstNode | undefined): DefinitionSite | null | undefined => {
    const unit = unitByFile.get(file);
    const root = chainRoot(node ?? null);
    if (!unit || unit.kind !== 'js' || root?.type !== 'Identifier') return undefined;
    const binding = unit.index.resolve(root);
    if (binding && !binding.id.typeAnnotation && binding.path.length === 0 && (binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var')) {
      // `const req = https.request(...)`, `new Client()` from a package: its members are unknown there too.
      const init = unwrap(binding.init);
      const calleeRoot = init && (init.type === 'NewExpression' || isCall(init)) ? chainRoot(unwrap(init.callee)) : null;
      const source = calleeRoot?.type === 'Identifier' ? esImportOf(unit, calleeRoot)?.source : undefined;
      return source !== undefined && !source.startsWith('.') ? null : undefined;
    }
    const ref = esImportOf(unit, root);
    if (!ref) return undefined;
    if (!ref.source.startsWith('.')) return null;
    if (root !== node || ref.imported === '*') return undefined;
    const target = resolveSpecifier(file, ref.source, known);
    const targetPath = target ? byPath.get(target) : undefined;
    if (!targetPath || !inProgram.has(targetPath)) return undefined;
    const c = program();
    const sourceFile = sources.get(targetPath);
    const moduleSymbol = sourceFile ? c.getSymbolAtLocation(sourceFile) : undefined;
    if (!moduleSymbol) return undefined;
    let exported: TsSymbol | undefined;
    try {
      exported = c.getExportsOfModule(moduleSymbol).find((sym) => sym.escapedName === ref.imported);
    } catch {
      return undefined;
    }
    if (!exported) return undefined;
    return siteOf(valueOfSymbol(ts, c, exported, 0));
  };

  const esImportOf = (unit: ModuleUnit, id: AstNode) => {
    const binding = unit.index.resolve(id);
    if (!binding || binding.kind !== 'import' || binding.declaration.type === 'TSImportEqualsDeclaration') return null;
    return unit.imports.ofBinding(binding);
  };

  const siteOf = (value: TsNode | null): DefinitionSite | null => {
    if (!value) return null;
    const valueFile = byPath.get(value.getSourceFile().fileName);
    if (!valueFile) return null;
    return { file: valueFile, start: value.getStart(value.getSourceFile()), end: value.getEnd(), kind: kindOf(ts, value) };
  };

  return {
    programFiles: () => (checker ? roots.length : 0),
    definitionOf(file, start, end, babelNode) {
      const path = byPath.get(file);
      if (path && !inProgram.has(path)) {
        const quick = throughImport(file, babelNode);
        if (quick !== undefined) return quick;
        if (!everything) widen();
      }
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
      return siteOf(symbol ? valueOfSymbol(ts, c, symbol, 0) : null);
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
