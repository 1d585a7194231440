// Review items for the tests, built without touching any file.
import type { Finding, Note } from '../../src/types.ts';
import type { ReviewItem } from '../../src/review/model.ts';

function finding(id: string, file: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    id,
    rule: 'legacy-api-call',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 40,
    confidence: 'high',
    host: { kind: 'store-hostname', name: 'store-abc123.mybigcommerce.com', storeHash: 'abc123' },
    method: 'GET',
    endpoint: '/v2/orders',
    scope: 'store_v2_orders_read_only',
    client: 'fetch',
    fixable: true,
    message: 'Legacy API call',
    notes: [],
    trace: [],
    ...overrides,
  };
}

const DIFF = [
  '@@ -1,1 +1,1 @@',
  "-fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json', { headers: { Authorization: auth } })",
  "+fetch('https://api.bigcommerce.com/stores/abc123/v2/orders', { headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN } })",
].join('\n');

export interface ItemOptions {
  scope?: string | null;
  label?: string | null;
  rewritable?: boolean;
  notes?: Note[];
  domain?: string;
  method?: Finding['method'];
}

export function makeItem(id: string, file: string, line: number, options: ItemOptions = {}): ReviewItem {
  const scope = options.scope === undefined ? 'store_v2_orders_read_only' : options.scope;
  const rewritable = options.rewritable ?? true;
  const host = options.domain
    ? { kind: 'custom-domain' as const, name: options.domain, storeHash: null }
    : { kind: 'store-hostname' as const, name: 'store-abc123.mybigcommerce.com', storeHash: 'abc123' };
  return {
    id,
    finding: finding(id, file, line, { scope, fixable: rewritable, host, method: options.method ?? 'GET' }),
    patchChange: rewritable ? { findingId: id, line, summary: 'gateway URL and X-Auth-Token' } : undefined,
    diff: rewritable ? DIFF : null,
    scope,
    label: options.label === undefined ? 'Orders: read-only' : options.label,
    notes: options.notes ?? [],
    file,
    line,
    codeFrame: `> ${line} | fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json')`,
    rewritable,
    needsStoreHash: options.domain ? { domain: options.domain } : undefined,
  };
}

/** Two files: a.js with three changes, b.js with two. */
export function sampleItems(): ReviewItem[] {
  return [
    makeItem('a1', 'src/a.js', 3),
    makeItem('a2', 'src/a.js', 10, { scope: 'store_v2_orders', label: 'Orders: modify', method: 'PUT' }),
    makeItem('a3', 'src/a.js', 20, { scope: 'store_v2_products_read_only', label: 'Products: read-only' }),
    makeItem('b1', 'src/b.js', 5, { scope: 'store_v2_customers', label: 'Customers: modify', method: 'POST' }),
    makeItem('b2', 'src/b.js', 9, { scope: 'store_v2_customers_read_only', label: 'Customers: read-only' }),
  ];
}

export const tick = (ms = 20) => new Promise<void>((resolve) => setTimeout(resolve, ms));
