// Basic-auth evidence shared by the Ruby HTTP clients: a `{ username:, password: }` hash, a
// (user, key) argument pair, or an `Authorization` header that starts with `Basic`.
import type { Node } from 'web-tree-sitter';
import type { RubyEvaluator } from './evaluate.ts';
import { hashPairs, keyName } from './evaluate.ts';
import { field, namedChildren } from '../syntax.ts';

export interface RubyBasicAuth {
  node: Node;
  credential: { node: Node; value: string; what: string } | null;
}

export function authFromPair(node: Node, key: Node | undefined, evaluator: RubyEvaluator): RubyBasicAuth {
  const value = key ? evaluator.staticText(key) : null;
  return { node, credential: key && value ? { node: key, value, what: 'the basic-auth API key' } : null };
}

/** `basic_auth: { username: u, password: k }` */
export function authFromHash(node: Node, hash: Node, evaluator: RubyEvaluator): RubyBasicAuth | null {
  if (hash.type !== 'hash') return null;
  const pairs = hashPairs(hash);
  if (!pairs.has('username') && !pairs.has('password')) return null;
  return authFromPair(node, pairs.get('password')?.value, evaluator);
}

/** A headers hash with `'Authorization' => "Basic ..."`. */
export function authFromHeaders(hash: Node | undefined, evaluator: RubyEvaluator): RubyBasicAuth | null {
  if (!hash || hash.type !== 'hash') return null;
  for (const pair of namedChildren(hash).filter((p) => p.type === 'pair')) {
    const key = field(pair, 'key');
    const value = field(pair, 'value');
    if (!key || !value || keyName(key).toLowerCase() !== 'authorization') continue;
    const found = basicHeaderValue(pair, value, evaluator);
    if (found) return found;
  }
  return null;
}

export function basicHeaderValue(at: Node, value: Node, evaluator: RubyEvaluator): RubyBasicAuth | null {
  const parts = evaluator.evaluate(value);
  const first = parts[0];
  const match = first && 'text' in first ? /^\s*basic\s+/i.exec(first.text) : null;
  if (!match) return null;
  const token = parts.length === 1 && 'text' in first ? first.text.slice(match[0].length).trim() : '';
  return { node: at, credential: token ? { node: value, value: token, what: 'a pre-encoded Basic token' } : null };
}
