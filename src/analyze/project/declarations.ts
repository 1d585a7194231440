// Where a name used in one module is defined in another, answered by the TypeScript checker through
// ts-morph: imports, re-exports, default exports, CommonJS `module.exports` / `exports.x`, `require`
// chains, JSON modules and members of imported instances and classes. Only the involved files are in
// the program, and nothing else is resolved or loaded (no lib files, no node_modules typings).
import { createRequire } from 'node:module';
import { isCall, unwrap, type AstNode } from '../ast.ts';
import { isLocalSpecifier, pathAliasesOf, relativeSpecifiers, specifierResolver } from './module-specifiers.ts';
import { plainExport } from './plain-exports.ts';
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
  /** Whether some question needed the TypeScript checker (and so loaded ts-morph). */
  checkerLoaded(): boolean;
}

type Ts = typeof import('ts-morph')['ts'];
type TsNode = import('ts-morph').ts.Node;
type TsSymbol = import('ts-morph').ts.Symbol;
type TsChecker = import('ts-morph').ts.TypeChecker;
type TsSourceFile = import('ts-morph').ts.SourceFile;
type TsProgram = import('ts-morph').ts.Program;

const MAX_HOPS = 8;

/** Kept for callers that await it; the finder itself is made synchronously (see `createDefinitionFinder`). */
export async function loadDefinitionFinder(units: readonly ModuleUnit[]): Promise<DefinitionFinder> {
  return createDefinitionFinder(units);
}

/** What the checker side needs, made on the first question the Babel trees cannot answer. */
interface CheckerState {
  ts: Ts;
  host: import('ts-morph').ts.CompilerHost;
  options: import('ts-morph').ts.CompilerOptions;
  sources: Map<string, TsSourceFile>;
  /** Unit file -> the checker's path, and back. */
  byPath: Map<string, string>;
  checker: TsChecker | null;
  built: TsProgram | undefined;
}

/**
 * A finder over exactly these files. ts-morph costs about half a second to load, so it is loaded
 * only when a question needs the checker: a name imported from an involved module that exports it
 * plainly (`export function f`, `export const X = …`) is answered from the Babel tree (see
 * plain-exports.ts). The program is made with the compiler API ts-morph ships (`ts`) rather than a
 * ts-morph `Project`: the Project's wrapper objects doubled the cost of adding a thousand files,
 * and only the checker is needed here.
 */
export function createDefinitionFinder(units: readonly ModuleUnit[], options: { plainExports?: boolean } = {}): DefinitionFinder {
  const plainExports = options.plainExports !== false;
  // The program starts with the modules some involved file imports: that is where definitions are.
  // A file that only imports (a route calling a shared wrapper) joins it only if a question about
  // it cannot be answered from its import declaration alone; then every file joins at once, so the
  // program is rebuilt at most once.
  const unitByFile = new Map(units.filter((u) => u.kind !== 'env').map((u) => [u.file, u]));
  const known = new Set(unitByFile.keys());
  const resolveSpecifier = specifierResolver(known);
  const imported = new Set<string>();
  for (const unit of unitByFile.values()) {
    if (unit.kind !== 'js') continue;
    for (const spec of relativeSpecifiers(unit.text)) {
      const target = resolveSpecifier(unit.file, spec);
      if (target) imported.add(target);
    }
  }
  const files = [...unitByFile.keys()];
  let everything = files.every((file) => imported.has(file));
  const inProgram = (file: string) => everything || imported.has(file);
  const roots = () => (everything ? files : files.filter((file) => imported.has(file)));
  let state: CheckerState | null = null;
  const checkerState = (): CheckerState => (state ??= startChecker(unitByFile));
  const program = (): { ts: Ts; checker: TsChecker; state: CheckerState } => {
    const s = checkerState();
    if (!s.checker) {
      s.built = s.ts.createProgram({ rootNames: roots().map((file) => s.byPath.get(file)!), options: s.options, host: s.host, oldProgram: s.built });
      s.checker = s.built.getTypeChecker();
    }
    return { ts: s.ts, checker: s.checker, state: s };
  };
  const widen = () => {
    everything = true;
    if (state) state.checker = null;
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
      return source !== undefined && !isLocalSpecifier(source, file) ? null : undefined;
    }
    const ref = esImportOf(unit, root);
    if (!ref) return undefined;
    if (!isLocalSpecifier(ref.source, file)) return null;
    if (root !== node || ref.imported === '*') return undefined;
    const target = resolveSpecifier(file, ref.source);
    if (!target || !inProgram(target)) return undefined;
    const plain = plainExports ? plainExportOf(target, ref.imported) : undefined;
    if (plain !== undefined) return plain;
    const { ts, checker: c, state: s } = program();
    const sourceFile = s.sources.get(s.byPath.get(target)!);
    const moduleSymbol = sourceFile ? c.getSymbolAtLocation(sourceFile) : undefined;
    if (!moduleSymbol) return undefined;
    let exported: TsSymbol | undefined;
    try {
      exported = c.getExportsOfModule(moduleSymbol).find((sym) => sym.escapedName === ref.imported);
    } catch {
      return undefined;
    }
    if (!exported) return undefined;
    return siteOf(ts, s, valueOfSymbol(ts, c, exported, 0));
  };

  // An imported module is never narrowed (see narrow.ts), so its Babel tree is whole.
  const plainAnswers = new Map<string, DefinitionSite | undefined>();
  const plainExportOf = (target: string, name: string): DefinitionSite | undefined => {
    const key = `${target}\0${name}`;
    if (!plainAnswers.has(key)) plainAnswers.set(key, plainExport(unitByFile.get(target)!, name));
    return plainAnswers.get(key);
  };

  const esImportOf = (unit: ModuleUnit, id: AstNode) => {
    const binding = unit.index.resolve(id);
    if (!binding || binding.kind !== 'import' || binding.declaration.type === 'TSImportEqualsDeclaration') return null;
    return unit.imports.ofBinding(binding);
  };

  return {
    programFiles: () => (state?.checker ? roots().length : 0),
    checkerLoaded: () => state !== null,
    definitionOf(file, start, end, babelNode) {
      if (!unitByFile.has(file)) return null;
      if (!inProgram(file)) {
        const quick = throughImport(file, babelNode);
        if (quick !== undefined) return quick;
        if (!everything) widen();
      }
      const { ts, checker: c, state: s } = program();
      const sourceFile = s.sources.get(s.byPath.get(file)!);
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
      return siteOf(ts, s, symbol ? valueOfSymbol(ts, c, symbol, 0) : null);
    },
  };
}

/** Loads ts-morph (synchronously: it is CommonJS, and `require` skips ESM's export scan of it) and prepares the host. */
function startChecker(unitByFile: ReadonlyMap<string, ModuleUnit>): CheckerState {
  const { ts } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
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
    ...aliasOptions(unitByFile),
  };
  const byPath = new Map<string, string>();
  const sources = new Map<string, TsSourceFile>();
  const texts = new Map<string, string>();
  for (const unit of unitByFile.values()) {
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
  return { ts, host, options, sources, byPath, checker: null, built: undefined };
}

/**
 * The project's path aliases, for the checker to resolve `'@/lib/x'` as the scan does (targets are
 * root-relative). One program has one set: the root config's (the plain-export answers, which come
 * first, follow each file's own).
 */
function aliasOptions(unitByFile: ReadonlyMap<string, ModuleUnit>): { baseUrl?: string; paths?: Record<string, string[]> } {
  const table = pathAliasesOf('');
  const unit = unitByFile.values().next().value;
  if (!table || !unit) return {};
  const root = unit.absolutePath.slice(0, unit.absolutePath.length - unit.file.length);
  return { baseUrl: root, paths: Object.fromEntries(table.aliases.map((a) => [a.pattern, a.targets])) };
}

function siteOf(ts: Ts, state: CheckerState, value: TsNode | null): DefinitionSite | null {
  if (!value) return null;
  const valueFile = state.byPath.get(value.getSourceFile().fileName);
  if (!valueFile) return null;
  return { file: valueFile, start: value.getStart(value.getSourceFile()), end: value.getEnd(), kind: kindOf(ts, value) };
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
  // `HttpMethod.Get` of an imported string enum: the member's value (a numbered member has none).
  if (ts.isEnumMember(declaration)) return declaration.initializer ?? null;
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
