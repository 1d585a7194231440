// Dual-mode code: an OAuth (gateway / X-Auth-Token) branch beside a legacy branch in one function.
import { isFunction, isStringLiteral, propertyKeyName, templateElementText, walk, type AstNode } from './ast.ts';
import type { FileIndex } from './scope.ts';

const GATEWAY_TEXT = /api\.bigcommerce\.com|^x-auth-token$/i;
const BRANCHES = new Set(['IfStatement', 'ConditionalExpression', 'SwitchCase', 'LogicalExpression']);
const evidenceCache = new WeakMap<AstNode, AstNode[]>();

/**
 * 'none' when no OAuth evidence shares the function with the call; 'separable' when the call sits in
 * a branch of its own (only that branch needs to change); 'inseparable' when the same code path
 * mixes both.
 */
export function dualModeOf(call: AstNode, index: FileIndex): 'none' | 'separable' | 'inseparable' {
  const enclosing = enclosingFunction(call, index);
  // Top-level code is no one function: a client created there chooses between the two only in its
  // own statement, or through a value it reads (`const headers = oauth ? {…} : {…}`). An OAuth client
  // or request elsewhere in a half-migrated file is independent of it.
  const fn = enclosing.type === 'Program' ? topLevelStatement(call, index) : enclosing;
  if (fn !== enclosing && readsGatewayEvidence(fn, index)) return 'inseparable';
  const evidence = gatewayEvidence(fn);
  if (evidence.length === 0) return 'none';
  // Walk up from the call: a branch whose side holding the call has no gateway evidence separates it.
  let child: AstNode = call;
  let node = index.parentOf(call);
  while (node && node !== fn) {
    if (BRANCHES.has(node.type) && child !== node.test && child !== node.discriminant) {
      const branch = child;
      if (!evidence.some((e) => contains(branch, e, index))) return 'separable';
    }
    child = node;
    node = index.parentOf(node);
  }
  // Or every OAuth piece sits in a statement branch of its own (`if (oauth) { return … }`).
  return evidence.every((e) => inStatementBranchWithout(e, call, fn, index)) ? 'separable' : 'inseparable';
}

function inStatementBranchWithout(evidence: AstNode, call: AstNode, fn: AstNode, index: FileIndex): boolean {
  let child: AstNode = evidence;
  let node = index.parentOf(evidence);
  while (node && node !== fn) {
    const isSide = (node.type === 'IfStatement' && child !== node.test) || node.type === 'SwitchCase';
    if (isSide && !contains(child, call, index)) return true;
    child = node;
    node = index.parentOf(node);
  }
  return false;
}

function enclosingFunction(node: AstNode, index: FileIndex): AstNode {
  let current = index.parentOf(node);
  while (current) {
    if (isFunction(current) || current.type === 'Program') return current;
    current = index.parentOf(current);
  }
  return index.root;
}

function topLevelStatement(node: AstNode, index: FileIndex): AstNode {
  let current = node;
  for (let parent = index.parentOf(node); parent && parent.type !== 'Program'; parent = index.parentOf(parent)) current = parent;
  return current;
}

/** Whether a top-level statement reads a top-level value declared with gateway evidence in it. */
function readsGatewayEvidence(statement: AstNode, index: FileIndex): boolean {
  let found = false;
  walk(statement, (node) => {
    if (found || node.type !== 'Identifier') return;
    const binding = index.resolve(node);
    if (!binding || binding.id === node || binding.scope !== index.root || binding.kind === 'import') return;
    const declared = topLevelStatement(binding.declaration, index);
    if (declared !== statement && gatewayEvidence(declared).length > 0) found = true;
  });
  return found;
}

function gatewayEvidence(scope: AstNode): AstNode[] {
  const cached = evidenceCache.get(scope);
  if (cached) return cached;
  const found: AstNode[] = [];
  walk(scope, (node) => {
    if (isStringLiteral(node) && GATEWAY_TEXT.test(String(node.value))) found.push(node);
    else if (node.type === 'TemplateElement' && GATEWAY_TEXT.test(templateElementText(node))) found.push(node);
    else if ((node.type === 'ObjectProperty' || node.type === 'Property') && /^x-auth-token$/i.test(propertyKeyName(node) ?? '')) found.push(node);
  });
  evidenceCache.set(scope, found);
  return found;
}

function contains(ancestor: AstNode, node: AstNode, index: FileIndex): boolean {
  let current: AstNode | null = node;
  while (current) {
    if (current === ancestor) return true;
    current = index.parentOf(current);
  }
  return false;
}
