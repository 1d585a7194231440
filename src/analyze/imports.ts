// Which module a name in this file comes from: `import x from 'm'`, `const x = require('m')`,
// `const { get } = require('m')`, `require('m').default`, `await import('m')`.
import { calleeName, isCall, isMember, memberPropertyName, stringValue, unwrap, type AstNode } from './ast.ts';
import type { Binding, FileIndex } from './scope.ts';

export interface ImportRef {
  source: string;
  /** 'default', '*' (namespace / whole CommonJS module) or the exported name. */
  imported: string;
}

export interface ImportMap {
  /**
   * For an identifier: the module it is imported from; 'global' when the name is not declared in
   * this file; null when it is a local variable, function or parameter.
   */
  of(identifier: AstNode): ImportRef | 'global' | null;
  /** The module a binding is imported from, or null. */
  ofBinding(binding: Binding): ImportRef | null;
}

export function buildImportMap(index: FileIndex): ImportMap {
  const cache = new Map<Binding, ImportRef | null>();

  function ofBinding(binding: Binding): ImportRef | null {
    if (cache.has(binding)) return cache.get(binding)!;
    const ref = computeRef(binding);
    cache.set(binding, ref);
    return ref;
  }

  function computeRef(binding: Binding): ImportRef | null {
    if (binding.kind === 'import') {
      const spec = binding.declaration;
      if (spec.type === 'TSImportEqualsDeclaration') {
        const source = stringValue(spec.moduleReference?.expression);
        return source ? { source, imported: '*' } : null;
      }
      const declaration = index.parentOf(spec);
      const source = stringValue(declaration?.source);
      if (!source) return null;
      if (spec.type === 'ImportDefaultSpecifier') return { source, imported: 'default' };
      if (spec.type === 'ImportNamespaceSpecifier') return { source, imported: '*' };
      const imported = spec.imported?.name ?? stringValue(spec.imported) ?? binding.name;
      return { source, imported };
    }
    if ((binding.kind === 'const' || binding.kind === 'let' || binding.kind === 'var') && binding.init && !index.isReassigned(binding)) {
      const found = requireOf(binding.init);
      if (!found) return null;
      const [first] = binding.path;
      if (first === undefined) return found;
      if (found.imported === '*' || found.imported === 'default') return { source: found.source, imported: first };
      return null;
    }
    return null;
  }

  function of(identifier: AstNode): ImportRef | 'global' | null {
    const binding = index.resolve(identifier);
    if (!binding) return 'global';
    return ofBinding(binding);
  }

  return { of, ofBinding };
}

/**
 * The module an expression loads in place, as `require('axios').delete(url)` or
 * `require('node-fetch')(url)` use it: `require('m')`, `require('m').x`,
 * `interop(require('m')).default`, `await import('m')`; null for anything else.
 */
export function inlineImport(raw: AstNode | null | undefined): ImportRef | null {
  return raw ? requireOf(raw) : null;
}

function requireOf(raw: AstNode): ImportRef | null {
  let node = unwrap(raw);
  if (node?.type === 'AwaitExpression') node = unwrap(node.argument);
  if (!node) return null;
  if (isMember(node)) {
    const inner = requireOf(node.object);
    const prop = memberPropertyName(node);
    if (!inner || prop === null) return null;
    return inner.imported === '*' ? { source: inner.source, imported: prop } : null;
  }
  if (node.type === 'ImportExpression') {
    const source = stringValue(node.source);
    return source ? { source, imported: '*' } : null;
  }
  if (!isCall(node)) return null;
  const callee = unwrap(node.callee);
  if (callee?.type === 'Import') {
    const source = stringValue(node.arguments[0]);
    return source ? { source, imported: '*' } : null;
  }
  const name = calleeName(callee);
  if (name === 'require') {
    const source = stringValue(node.arguments[0]);
    return source ? { source, imported: '*' } : null;
  }
  // Transpiled interop helpers: `_interopRequireDefault(require('m'))`.
  if (name && /interop|__importDefault|__importStar/i.test(name) && node.arguments.length === 1) return requireOf(node.arguments[0]);
  return null;
}

/** True when `ref` is the module's main export: default import, namespace, or the CommonJS module itself. */
export function isMainExport(ref: ImportRef): boolean {
  return ref.imported === 'default' || ref.imported === '*';
}
