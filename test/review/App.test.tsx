import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { ReviewApp } from '../../src/review/App.tsx';
import type { ReviewAppProps } from '../../src/review/App.tsx';
import type { FinalDecisions, ReviewItem } from '../../src/review/model.ts';
import { makeItem, sampleItems, tick } from './fixtures.ts';

const KEY = { enter: '\r', escape: '\u001B', ctrlC: '\u0003', down: '\u001B[B', up: '\u001B[A', backspace: '\u007F' };

afterEach(() => cleanup());

function setup(items: ReviewItem[] = sampleItems(), overrides: Partial<ReviewAppProps> = {}) {
  const onFinish = vi.fn(async (decisions: FinalDecisions, _storeHashes: Record<string, string>) => ({
    filesWritten: [...new Set(decisions.accepted.map((id) => items.find((i) => i.id === id)!.file))],
    changesSkipped: decisions.skipped.length,
  }));
  const onCancel = vi.fn();
  const onStoreHash = vi.fn();
  const app = render(
    <ReviewApp
      items={items}
      envVars={['BIGCOMMERCE_ACCESS_TOKEN', 'BIGCOMMERCE_STORE_HASH']}
      onFinish={onFinish}
      onCancel={onCancel}
      onStoreHash={onStoreHash}
      color={false}
      columns={80}
      {...overrides}
    />,
  );
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      // The first wait lets Ink attach its input listener after the first render.
      await tick();
      app.stdin.write(key);
      await tick();
    }
  };
  const frame = () => app.lastFrame() ?? '';
  return { app, press, frame, onFinish, onCancel, onStoreHash };
}

describe('ReviewApp', () => {
  it('opens on the overview with counts by file and rule and the minimum scopes', async () => {
    const { frame } = setup([...sampleItems(), makeItem('x1', 'src/x.js', 4, { rewritable: false, notes: [{ kind: 'browser-side', message: 'Runs in the browser' }] })]);
    await tick();
    expect(frame()).toContain('6 changes to review in 3 files: 5 can be rewritten, 1 need a human.');
    expect(frame()).toMatch(/3 {2}src\/a\.js/);
    expect(frame()).toMatch(/6 {2}legacy-api-call/);
    expect(frame()).toContain('Orders: modify  (store_v2_orders)');
    expect(frame()).not.toContain('(store_v2_orders_read_only)');
    expect(frame()).toContain('src/x.js:4  Runs in the browser');
  });

  it('shows the scan progress until the items arrive', async () => {
    const { app, frame } = setup(undefined, { items: null, progress: { filesDone: 4, filesTotal: 10, findings: 2 } });
    await tick();
    expect(frame()).toContain('Scanning… 4/10 files · 2 findings so far');
    app.rerender(
      <ReviewApp items={sampleItems()} envVars={[]} onFinish={vi.fn()} onCancel={vi.fn()} color={false} columns={80} />,
    );
    await tick();
    expect(frame()).toContain('5 changes to review in 2 files');
  });

  it('Enter shows the first change with its diff, scope and the empty running checklist', async () => {
    const { press, frame } = setup();
    await press(KEY.enter);
    expect(frame()).toContain('[1/5] src/a.js:3');
    expect(frame()).toContain('@@ -1,1 +1,1 @@');
    expect(frame()).toContain("+fetch('https://api.bigcommerce.com/stores/abc123/v2/orders'");
    expect(frame()).toContain('This call needs: Orders: read-only (store_v2_orders_read_only)');
    expect(frame()).toContain('(none yet)');
  });

  it('an Enter typed before the terminal was in raw mode (a line feed) shows the first change too', async () => {
    const { press, frame } = setup();
    await press('\n');
    expect(frame()).toContain('[1/5] src/a.js:3');
  });

  it('shows where a cross-file finding came from', async () => {
    const item = makeItem('t1', 'src/routes.js', 12);
    item.finding.trace = [{ role: 'host', file: 'src/config.js', line: 3, description: 'BASE_URL' }];
    const { press, frame } = setup([item]);
    await press(KEY.enter);
    expect(frame()).toContain('host ← src/config.js:3  BASE_URL');
  });

  it('y accepts, adds the scope to the running checklist and moves on', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'y');
    expect(frame()).toContain('1 accepted · 0 skipped');
    expect(frame()).toContain('[2/5] src/a.js:10');
    expect(frame()).toContain('[ ] Orders: read-only  (store_v2_orders_read_only) · 1 change');
  });

  it('n skips and leaves the checklist empty', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'n');
    expect(frame()).toContain('0 accepted · 1 skipped');
    expect(frame()).toContain('[2/5] src/a.js:10');
    expect(frame()).toContain('(none yet)');
  });

  it('u undoes the last single decision', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'y', 'y', 'u');
    expect(frame()).toContain('1 accepted · 0 skipped');
    expect(frame()).toContain('[2/5] src/a.js:10');
  });

  it('u undoes a file-level decision whole', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'y', 's');
    expect(frame()).toContain('1 accepted · 2 skipped');
    await press('u');
    expect(frame()).toContain('1 accepted · 0 skipped');
    expect(frame()).toContain('[2/5] src/a.js:10');
  });

  it('a accepts the rest of this file and moves to the next file', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'a');
    expect(frame()).toContain('3 accepted · 0 skipped · 0 ack · 2 left');
    expect(frame()).toContain('[4/5] src/b.js:5');
    expect(frame()).toContain('Orders: modify  (store_v2_orders) · 2 changes');
  });

  it('s skips the rest of this file', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 's');
    expect(frame()).toContain('0 accepted · 3 skipped · 0 ack · 2 left');
    expect(frame()).toContain('[4/5] src/b.js:5');
  });

  it('A accepts all remaining changes', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'n', 'A');
    expect(frame()).toContain('4 accepted · 1 skipped · 0 ack · 0 left');
    expect(frame()).toContain('All decided · q finish');
  });

  it('j/k and the arrow keys move between items without deciding', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, 'j', 'j');
    expect(frame()).toContain('[3/5] src/a.js:20');
    await press('k');
    expect(frame()).toContain('[2/5] src/a.js:10');
    await press(KEY.down, KEY.down);
    expect(frame()).toContain('[4/5] src/b.js:5');
    await press(KEY.up);
    expect(frame()).toContain('[3/5] src/a.js:20');
    expect(frame()).toContain('0 accepted · 0 skipped');
  });

  it('? shows the keys and Esc closes the help', async () => {
    const { press, frame } = setup();
    await press(KEY.enter, '?');
    expect(frame()).toContain('accept the rest of this file');
    expect(frame()).toContain('undo the last decision');
    await press(KEY.escape);
    expect(frame()).toContain('[1/5] src/a.js:3');
  });

  it('q then y calls onFinish with exactly the accepted ids and shows the summary', async () => {
    const { press, frame, onFinish } = setup();
    await press(KEY.enter, 'y', 'n', 'y', 'q');
    expect(frame()).toContain('Write 2 accepted changes to 1 files.');
    await press('y');
    await vi.waitFor(() => expect(frame()).toContain('Files written: 1'));
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish.mock.calls[0][0]).toEqual({ accepted: ['a1', 'a3'], skipped: ['a2'], acknowledged: [], undecided: ['b1', 'b2'] });
    expect(onFinish.mock.calls[0][1]).toEqual({});
    expect(frame()).toContain('Files written: 1');
    expect(frame()).toContain('Changes skipped: 1');
    expect(frame()).toContain('BIGCOMMERCE_ACCESS_TOKEN');
    expect(frame()).toContain('Orders: read-only  (store_v2_orders_read_only)');
    expect(frame()).toContain('Products: read-only  (store_v2_products_read_only)');
  });

  it('q then n goes back without writing', async () => {
    const { press, frame, onFinish } = setup();
    await press(KEY.enter, 'y', 'q', 'n');
    expect(frame()).toContain('[2/5] src/a.js:10');
    await press('q', KEY.escape);
    expect(frame()).toContain('[2/5] src/a.js:10');
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('a failed write is shown and nothing claims success', async () => {
    const { press, frame } = setup(undefined, { onFinish: vi.fn(async () => Promise.reject(new Error('src/a.js has uncommitted changes'))) });
    await press(KEY.enter, 'y', 'q', 'y');
    await vi.waitFor(() => expect(frame()).toContain('Writing stopped.'));
    expect(frame()).toContain('src/a.js has uncommitted changes');
  });

  it('Ctrl-C calls onCancel and never onFinish', async () => {
    const { press, frame, onCancel, onFinish } = setup();
    await press(KEY.enter, 'y', 'q', KEY.ctrlC);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onFinish).not.toHaveBeenCalled();
    expect(frame()).toContain('Cancelled: no file was written.');
  });

  it('a non-rewritable finding shows its advice and y acknowledges it', async () => {
    const items = [makeItem('x1', 'src/x.js', 4, { rewritable: false, notes: [{ kind: 'browser-side', message: 'Runs in the browser' }] })];
    const { press, frame, onFinish } = setup(items);
    await press(KEY.enter);
    expect(frame()).toContain('Cannot be rewritten automatically');
    expect(frame()).toContain('server-side');
    expect(frame()).toContain('y acknowledge');
    await press('y', 'q', 'y');
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0][0]).toMatchObject({ accepted: [], acknowledged: ['x1'] });
  });
});

describe('store hash prompt', () => {
  const items = () => [
    makeItem('c1', 'src/c.js', 1, { domain: 'shop.example.com' }),
    makeItem('c2', 'src/c.js', 2, { domain: 'shop.example.com' }),
    makeItem('d1', 'src/d.js', 1),
  ];

  it('rejects an invalid hash inline, takes a valid one once for the whole domain, and reports the save choice', async () => {
    const { press, frame, onStoreHash, onFinish } = setup(items());
    await press(KEY.enter);
    expect(frame()).toContain('Store hash for shop.example.com');
    await press('A', 'B', 'C', KEY.enter);
    expect(frame()).toContain('5 to 16 lowercase letters and digits');
    await press(KEY.backspace, KEY.backspace, KEY.backspace, 'abc123', KEY.enter);
    expect(frame()).not.toContain('5 to 16 lowercase');
    expect(frame()).toContain('Save it to .bc-oauth-migrate.yml');
    await press('y');
    await vi.waitFor(() => expect(onStoreHash).toHaveBeenCalledWith('shop.example.com', 'abc123', true));
    expect(frame()).toContain('[1/3] src/c.js:1');
    expect(frame()).toContain('Store hash for shop.example.com: abc123 (entered)');
    await press('y');
    // The second item on the same domain is shown directly, with the same hash.
    expect(frame()).toContain('[2/3] src/c.js:2');
    expect(frame()).toContain('Store hash for shop.example.com: abc123 (entered)');
    await press('y', 'y', 'q', 'y');
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onStoreHash).toHaveBeenCalledTimes(1);
    expect(onFinish.mock.calls[0][1]).toEqual({ 'shop.example.com': 'abc123' });
  });

  it('takes a hash typed in one chunk with its corrections and Enter, as a paste or a fast terminal sends it', async () => {
    const { press, frame } = setup(items());
    await press(KEY.enter);
    await press('xy\u007f\u007fabc123\r');
    expect(frame()).toContain('Save it to .bc-oauth-migrate.yml');
  });

  it('after a hash is entered, shows the diff made with that hash instead of the one made without it', async () => {
    const rePlanned = "+fetch('https://api.bigcommerce.com/stores/zzz999/v2/orders', { headers })";
    const previewWithStoreHashes = vi.fn(async (_itemId: string, hashes: Record<string, string>) =>
      hashes['shop.example.com'] === 'zzz999' ? `@@ -1,1 +1,1 @@\n${rePlanned}\n` : null,
    );
    const { press, frame } = setup(items(), { previewWithStoreHashes });
    await press(KEY.enter, 'zzz999', KEY.enter, 'y');
    await vi.waitFor(() => expect(frame()).toContain(rePlanned));
    expect(frame()).not.toContain('/stores/abc123/');
    expect(frame()).not.toContain('updating the preview');
    expect(previewWithStoreHashes).toHaveBeenCalledWith('c1', { 'shop.example.com': 'zzz999' });
  });

  it('redoes the diff with every hash entered so far, as the write will use them', async () => {
    const previewWithStoreHashes = vi.fn(async () => null);
    const twoDomains = [makeItem('c1', 'src/c.js', 1, { domain: 'shop.example.com' }), makeItem('e1', 'src/e.js', 1, { domain: 'outlet.example.com' })];
    const { press } = setup(twoDomains, { previewWithStoreHashes });
    await press(KEY.enter, 'zzz999', KEY.enter, 'y', 'y', 'yyy888', KEY.enter, 'y');
    await vi.waitFor(() => expect(previewWithStoreHashes).toHaveBeenCalledWith('e1', { 'shop.example.com': 'zzz999', 'outlet.example.com': 'yyy888' }));
  });

  it('reports a hash the user chose not to save', async () => {
    const { press, onStoreHash } = setup(items());
    await press(KEY.enter, 'abc123', KEY.enter, 'n');
    await vi.waitFor(() => expect(onStoreHash).toHaveBeenCalledTimes(1));
    expect(onStoreHash).toHaveBeenCalledWith('shop.example.com', 'abc123', false);
  });
});

describe('layout', () => {
  const longItems = () => {
    const item = makeItem('l1', `src/${'deeply/nested/'.repeat(8)}orders.js`, 7, {
      notes: [{ kind: 'custom-domain-no-hash', message: 'The host shop.example.com is a custom domain and its store hash is unknown. '.repeat(3) }],
    });
    return [item, makeItem('l2', 'src/short.js', 1)];
  };

  function maxLineWidth(text: string): number {
    return Math.max(...text.split('\n').map((line) => [...line].length));
  }

  it('no line of any screen is wider than 80 columns', async () => {
    const { press, frame } = setup(longItems());
    await tick();
    const frames = [frame()];
    await press(KEY.enter);
    frames.push(frame());
    await press('?');
    frames.push(frame());
    await press(KEY.escape, 'y', 'q');
    frames.push(frame());
    await press('y');
    await vi.waitFor(() => expect(frame()).toContain('Files written'));
    frames.push(frame());
    expect(frames[1]).toContain('orders.js');
    for (const text of frames) expect(maxLineWidth(text)).toBeLessThanOrEqual(80);
  });

  it('uses the width it is given on a wide terminal', async () => {
    const { press, frame } = setup(longItems(), { columns: 100 });
    await press(KEY.enter);
    expect(maxLineWidth(frame())).toBeGreaterThan(80);
    expect(maxLineWidth(frame())).toBeLessThanOrEqual(100);
  });
});
