// Generic REST behaviour over StoreData, in the platform's two dialects:
// V2 answers an empty list with 204 and bare JSON; V3 wraps everything in { data, meta }.

import type { Item, StoreData } from './store-data.ts';

export interface ResourceResponse {
  status: number;
  /** JSON to send; undefined sends no body. */
  body?: unknown;
}

const PAGING_KEYS = new Set(['page', 'limit', 'sort', 'include', 'include_fields', 'exclude_fields']);

function isId(segment: string): boolean {
  return /^\d+$/.test(segment);
}

function applyFilters(items: Item[], query: [string, string][]): Item[] {
  const filters = query.filter(([key]) => !PAGING_KEYS.has(key));
  return items.filter((item) =>
    filters.every(([key, value]) => !(key in item) || String(item[key]) === value),
  );
}

function paginate(items: Item[], query: [string, string][]): Item[] {
  const get = (key: string) => query.find(([k]) => k === key)?.[1];
  const limit = Math.min(Math.max(Number(get('limit') ?? 50) || 50, 1), 250);
  const page = Math.max(Number(get('page') ?? 1) || 1, 1);
  return items.slice((page - 1) * limit, page * limit);
}

function nextId(items: Item[]): number {
  return items.reduce((max, item) => (typeof item.id === 'number' && item.id > max ? item.id : max), 0) + 1;
}

function wrap(version: string, payload: unknown, total?: number): unknown {
  if (version !== 'v3') return payload;
  return total === undefined ? { data: payload, meta: {} } : { data: payload, meta: { pagination: { total } } };
}

function asObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * Serve `method resourcePath` (already normalized: `/v2/orders/101`, no suffix) from `data`.
 * Paths the data does not hold but whose last segment is a name are empty collections, created on first write.
 */
export function serveResource(
  data: StoreData,
  method: string,
  resourcePath: string,
  query: [string, string][],
  body: unknown,
): ResourceResponse {
  const version = resourcePath.split('/')[1] ?? 'v2';
  const segments = resourcePath.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  const parentPath = '/' + segments.slice(0, -1).join('/');
  const reads = method === 'GET' || method === 'HEAD';

  const singleton = data.singletons.get(resourcePath);
  if (singleton) {
    if (reads) return { status: 200, body: wrap(version, singleton) };
    if (method === 'PUT') return { status: 200, body: wrap(version, Object.assign(singleton, asObject(body))) };
    return { status: 405, body: [{ status: 405, message: 'Method not allowed' }] };
  }

  if (last === 'count' && reads) {
    const items = data.collections.get(parentPath) ?? [];
    return { status: 200, body: wrap(version, { count: applyFilters(items, query).length }) };
  }

  if (isId(last) || data.collections.get(parentPath)?.some((item) => String(item.id) === last)) {
    const items = data.collections.get(parentPath);
    const index = items?.findIndex((item) => String(item.id) === last) ?? -1;
    if (!items || index < 0) return { status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] };
    if (reads) return { status: 200, body: wrap(version, items[index]) };
    if (method === 'PUT') return { status: 200, body: wrap(version, Object.assign(items[index], asObject(body))) };
    if (method === 'DELETE') {
      items.splice(index, 1);
      return { status: 204 };
    }
    return { status: 405, body: [{ status: 405, message: 'Method not allowed' }] };
  }

  let items = data.collections.get(resourcePath);
  if (reads) {
    const matching = applyFilters(items ?? [], query);
    const page = paginate(matching, query);
    if (version === 'v2' && page.length === 0) return { status: 204 };
    return { status: 200, body: wrap(version, page, matching.length) };
  }
  if (method === 'POST') {
    if (!items) data.collections.set(resourcePath, (items = []));
    const created: Item = { ...asObject(body), id: nextId(items) };
    items.push(created);
    return { status: 201, body: wrap(version, created) };
  }
  if (method === 'DELETE') {
    data.collections.set(resourcePath, []);
    return { status: 204 };
  }
  return { status: 405, body: [{ status: 405, message: 'Method not allowed' }] };
}
