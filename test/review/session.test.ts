// The review glue without a terminal: a stand-in UI makes the decisions the user would.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { DirtyTreeError } from '../../src/rewrite/index.ts';
import type { FinalDecisions, ReviewItem } from '../../src/review/model.ts';
import type { RunReviewOptions } from '../../src/review/run.tsx';
import { runReviewSession, type ReviewUi } from '../../src/review/session.ts';
import { cleanTempDirsAfterAll, copyFixture, gitCommitAll, hashTree, makeTempDir } from '../e2e/helpers.ts';

cleanTempDirsAfterAll();

const HARD_CODED_KEY = 'd1e8a70b5ccab1dc2f56bbf7e99f064a660c08a3';
const ENV_EXAMPLE_KEY = '5f2b8c0e7a9d4163b2e8f0c1a7d3e9b4c6f8a0d2';

async function session(root: string, ui: ReviewUi, extra: { allowDirty?: boolean } = {}) {
  const config = await loadConfig({ root });
  return runReviewSession({
    root,
    paths: ['.'],
    config,
    useGit: true,
    color: false,
    stdin: {} as NodeJS.ReadStream,
    stdout: {} as NodeJS.WriteStream,
    ui,
    ...extra,
  });
}

/** A store reached through its own domain (no hash in the URL, none in a config), with a key in the code. */
async function customDomainWithKey(domain: string): Promise<string> {
  const root = await makeTempDir();
  await mkdir(join(root, 'src'));
  const source = [
    `const AUTH = 'Basic ' + Buffer.from('acme-jobs:${HARD_CODED_KEY}').toString('base64');`,
    '',
    'export function orderShipments(orderId) {',
    `  return fetch(\`https://${domain}/api/v2/orders/\${orderId}/shipments.json\`, { headers: { Authorization: AUTH } });`,
    '}',
    '',
  ].join('\n');
  await writeFile(join(root, 'src/shop.js'), source);
  await gitCommitAll(root);
  return root;
}

function itemsOf(options: RunReviewOptions): ReviewItem[] {
  if (!Array.isArray(options.items)) throw new Error('the session should hand the UI its items');
  return options.items;
}

function itemIn(items: ReviewItem[], file: string): ReviewItem {
  const item = items.find((i) => i.file === file && i.rewritable);
  if (!item) throw new Error(`no rewritable item in ${file}: ${items.map((i) => i.file).join(', ')}`);
  return item;
}

/** A UI that accepts the changes in `accept`, skips those in `skip`, leaves the rest undecided. */
function decidingUi(accept: string[], skip: string[], seen: { options?: RunReviewOptions; summary?: unknown } = {}): ReviewUi {
  return async (options) => {
    seen.options = options;
    const items = itemsOf(options);
    const accepted = accept.map((file) => itemIn(items, file).id);
    const skipped = skip.map((file) => itemIn(items, file).id);
    const decisions: FinalDecisions = {
      accepted,
      skipped,
      acknowledged: [],
      undecided: items.map((i) => i.id).filter((id) => !accepted.includes(id) && !skipped.includes(id)),
    };
    seen.summary = await options.onFinish(decisions, {});
    return 'written';
  };
}

describe('runReviewSession', () => {
  it('writes the accepted change and leaves skipped and undecided files untouched', async () => {
    const root = await copyFixture('example-app', { git: true });
    const before = await hashTree(root);
    const seen: { summary?: unknown } = {};
    const result = await session(root, decidingUi(['src/order-sync.js'], ['src/product-updater.ts'], seen));

    expect(result.outcome).toBe('written');
    const after = await hashTree(root);
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed).toEqual(['src/order-sync.js']);
    const text = await readFile(join(root, 'src/order-sync.js'), 'utf8');
    expect(text).toContain("const BC_API_BASE = 'https://api.bigcommerce.com/stores/abc123/v2';");
    expect(text).toContain("'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN");
    expect(text).not.toContain('Basic');
    expect(seen.summary).toEqual({ filesWritten: ['src/order-sync.js'], changesSkipped: 3, notWritten: [] });
  });

  it('writes nothing when the user finishes without accepting a change', async () => {
    const root = await copyFixture('example-app', { git: true });
    const before = await hashTree(root);
    const seen: { summary?: unknown } = {};
    const result = await session(root, decidingUi([], ['src/order-sync.js'], seen));
    expect(result.written).toEqual({ written: [], refused: [] });
    expect(seen.summary).toEqual({ filesWritten: [], changesSkipped: 4, notWritten: [] });
    expect(await hashTree(root)).toEqual(before);
  });

  it('writes nothing, and saves no store hash, when the UI is cancelled', async () => {
    const root = await copyFixture('e2e/custom-domain', { git: true });
    const before = await hashTree(root);
    const result = await session(root, async (options) => {
      itemsOf(options);
      options.onStoreHash?.('shop.acme-outfitters.example', 'zzz999', true);
      return 'cancelled';
    });
    expect(result).toEqual({ outcome: 'cancelled' });
    expect(await hashTree(root)).toEqual(before);
  });

  it('uses an entered store hash for the change on that domain and saves it to the config when asked', async () => {
    const root = await copyFixture('e2e/custom-domain', { git: true });
    const domain = 'shop.acme-outfitters.example';
    const result = await session(root, async (options) => {
      const [item] = itemsOf(options);
      expect(item.needsStoreHash).toEqual({ domain });
      options.onStoreHash?.(domain, 'zzz999', true);
      await options.onFinish({ accepted: [item.id], skipped: [], acknowledged: [], undecided: [] }, { [domain]: 'zzz999' });
      return 'written';
    });
    expect(result.written?.written).toEqual(['src/shop.js']);
    expect(await readFile(join(root, 'src/shop.js'), 'utf8')).toContain('/stores/zzz999/v2/orders/');
    expect(await readFile(join(root, '.bc-oauth-migrate.yml'), 'utf8')).toContain(`${domain}: zzz999`);
  });

  it('previews a change with an entered store hash as it will be written, credentials redacted', async () => {
    const domain = 'shop.acme-outfitters.example';
    const root = await customDomainWithKey(domain);
    const seen: { item?: ReviewItem; preview?: string | null } = {};
    await session(root, async (options) => {
      const [item] = itemsOf(options);
      seen.item = item;
      seen.preview = await options.previewWithStoreHashes?.(item.id, { [domain]: 'zzz999' });
      return 'cancelled';
    });
    expect(seen.item?.needsStoreHash).toEqual({ domain });
    expect(seen.preview).toContain('api.bigcommerce.com/stores/zzz999/');
    expect(seen.preview).not.toMatch(/process\.env\.\w*STORE_HASH/);
    expect(seen.preview).toContain('-const AUTH');
    expect(seen.preview).not.toContain(HARD_CODED_KEY);
  });

  it('does not save an entered store hash the user chose not to keep', async () => {
    const root = await copyFixture('e2e/custom-domain', { git: true });
    const domain = 'shop.acme-outfitters.example';
    await session(root, async (options) => {
      const [item] = itemsOf(options);
      options.onStoreHash?.(domain, 'zzz999', false);
      await options.onFinish({ accepted: [item.id], skipped: [], acknowledged: [], undecided: [] }, { [domain]: 'zzz999' });
      return 'written';
    });
    expect(await readFile(join(root, 'src/shop.js'), 'utf8')).toContain('/stores/zzz999/v2/orders/');
    await expect(readFile(join(root, '.bc-oauth-migrate.yml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a dirty tree before the UI opens', async () => {
    const root = await copyFixture('example-app', { git: true });
    await writeFile(join(root, 'src/order-sync.js'), '// local work in progress\n', { flag: 'a' });
    const ui = vi.fn<ReviewUi>();
    await expect(session(root, ui)).rejects.toThrow(DirtyTreeError);
    await expect(session(root, ui)).rejects.toThrow(/uncommitted changes in src\/order-sync\.js.*--allow-dirty/);
    expect(ui).not.toHaveBeenCalled();
  });

  it('opens the UI on a dirty tree with allowDirty', async () => {
    const root = await copyFixture('example-app', { git: true });
    await writeFile(join(root, 'src/order-sync.js'), '// local work in progress\n', { flag: 'a' });
    const ui = vi.fn<ReviewUi>(async () => 'cancelled' as const);
    await session(root, ui, { allowDirty: true });
    expect(ui).toHaveBeenCalledTimes(1);
  });

  it('groups calls that share code into one change, with the scope they need together', async () => {
    const root = await copyFixture('example-app', { git: true });
    const seen: { options?: RunReviewOptions } = {};
    await session(root, async (options) => {
      seen.options = options;
      return 'cancelled';
    });
    const items = itemsOf(seen.options!);
    const orders = itemIn(items, 'src/order-sync.js');
    // GET /v2/orders, GET /v2/orders/{id}/products and PUT /v2/orders/{id} share BC_API_BASE and bcHeaders.
    expect(items.filter((i) => i.file === 'src/order-sync.js')).toHaveLength(1);
    expect(orders.scope).toBe('store_v2_orders');
    expect(orders.label).toBe('Orders: modify');
    expect(orders.diff).toContain('+const BC_API_BASE = \'https://api.bigcommerce.com/stores/abc123/v2\';');
  });

  it('gives the UI a scope checklist where modify subsumes read-only', async () => {
    const root = await copyFixture('example-app', { git: true });
    const seen: { options?: RunReviewOptions } = {};
    await session(root, async (options) => {
      seen.options = options;
      return 'cancelled';
    });
    const options = seen.options!;
    const items = itemsOf(options);
    const chosen = [itemIn(items, 'src/order-sync.js'), itemIn(items, 'src/product-updater.ts')];
    expect(options.scopeChecklist!(chosen)).toEqual([
      { scope: 'store_v2_orders', label: 'Orders: modify', itemIds: [chosen[0].id] },
      { scope: 'store_v2_products', label: 'Products: modify', itemIds: [chosen[1].id] },
    ]);
  });

  it('never hands the UI a credential: diffs, code frames and notes are redacted', async () => {
    const root = await copyFixture('example-app', { git: true });
    const seen: { options?: RunReviewOptions } = {};
    await session(root, async (options) => {
      seen.options = options;
      return 'cancelled';
    });
    const items = itemsOf(seen.options!);
    const seeder = itemIn(items, 'src/webhook-seeder.js');
    expect(seeder.diff).toContain('-const API_KEY');
    const everything = JSON.stringify(items);
    expect(everything).not.toContain(HARD_CODED_KEY);
    expect(everything).not.toContain(ENV_EXAMPLE_KEY);
  });
});
