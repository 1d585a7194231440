import { describe, expect, it } from 'vitest';
import { adviceFor, buildReviewItems, isValidStoreHash, storeHashNeed } from '../../src/review/model.ts';
import { checklistFromItemScopes, scopesBeyond } from '../../src/review/checklist.ts';
import type { Patch } from '../../src/types.ts';
import { makeItem } from './fixtures.ts';

describe('isValidStoreHash', () => {
  it('accepts 5 to 16 lowercase letters and digits only', () => {
    expect(isValidStoreHash('abc12')).toBe(true);
    expect(isValidStoreHash('a1b2c3d4e5f6g7h8')).toBe(true);
    expect(isValidStoreHash('abc1')).toBe(false);
    expect(isValidStoreHash('a1b2c3d4e5f6g7h8i')).toBe(false);
    expect(isValidStoreHash('ABC123')).toBe(false);
    expect(isValidStoreHash('abc-123')).toBe(false);
  });
});

describe('storeHashNeed', () => {
  const base = makeItem('f', 'a.js', 1).finding;

  it('asks for a static custom domain without a hash', () => {
    const finding = { ...base, host: { kind: 'custom-domain' as const, name: 'Shop.Example.com', storeHash: null } };
    expect(storeHashNeed(finding, {})).toEqual({ domain: 'shop.example.com' });
  });

  it('does not ask for a store hostname, a known domain or a dynamic host', () => {
    expect(storeHashNeed(base, {})).toBeUndefined();
    const custom = { ...base, host: { kind: 'custom-domain' as const, name: 'shop.example.com', storeHash: null } };
    expect(storeHashNeed(custom, { 'shop.example.com': 'abc123' })).toBeUndefined();
    const dynamic = { ...base, host: { kind: 'custom-domain' as const, name: '${HOST}', storeHash: null } };
    expect(storeHashNeed(dynamic, {})).toBeUndefined();
  });
});

describe('adviceFor', () => {
  it('gives the server-side advice for a browser-side call', () => {
    const item = makeItem('x', 'a.js', 1, { rewritable: false, notes: [{ kind: 'browser-side', message: 'in a browser' }] });
    expect(adviceFor(item).join(' ')).toContain('server-side');
  });

  it('falls back to the manual rewrite when no note explains it', () => {
    expect(adviceFor(makeItem('x', 'a.js', 1, { rewritable: false }))[0]).toContain('X-Auth-Token');
  });
});

describe('buildReviewItems', () => {
  it('makes one rewritable item per patch change and one non-rewritable item per uncovered finding, by file and line', () => {
    const changed = makeItem('f1', 'src/b.js', 4).finding;
    const browser = { ...makeItem('f2', 'src/a.js', 9).finding, fixable: false };
    const patch: Patch = {
      file: 'src/b.js',
      absolutePath: '/repo/src/b.js',
      before: 'old',
      after: 'new',
      findingIds: ['f1'],
      changes: [{ findingId: 'f1', line: 4, summary: 'gateway' }],
    };
    const items = buildReviewItems({
      findings: [changed, browser],
      patches: [patch],
      diffForChange: (p, change) => `diff of ${p.file}:${change.line}`,
      codeFrameFor: (f) => `frame ${f.line}`,
      labelForScope: (scope) => (scope === 'store_v2_orders_read_only' ? 'Orders: read-only' : null),
    });
    expect(items.map((i) => [i.id, i.file, i.rewritable, i.diff, i.label, i.codeFrame])).toEqual([
      ['f2', 'src/a.js', false, null, 'Orders: read-only', 'frame 9'],
      ['f1', 'src/b.js', true, 'diff of src/b.js:4', 'Orders: read-only', 'frame 4'],
    ]);
  });
});

describe('checklistFromItemScopes', () => {
  it('merges read-only items into the modify scope when both are present', () => {
    const items = [
      makeItem('r', 'a.js', 1, { scope: 'store_v2_orders_read_only' }),
      makeItem('m', 'a.js', 2, { scope: 'store_v2_orders', label: 'Orders: modify' }),
      makeItem('u', 'a.js', 3, { scope: null }),
    ];
    expect(checklistFromItemScopes(items)).toEqual([{ scope: 'store_v2_orders', label: 'Orders: modify', itemIds: ['m', 'r'] }]);
  });

  it('scopesBeyond drops what a granted modify scope already covers', () => {
    const base = [{ scope: 'store_v2_orders', label: null, itemIds: [] }];
    const extra = [
      { scope: 'store_v2_orders_read_only', label: null, itemIds: [] },
      { scope: 'store_v2_products', label: null, itemIds: [] },
    ];
    expect(scopesBeyond(base, extra).map((e) => e.scope)).toEqual(['store_v2_products']);
  });
});
