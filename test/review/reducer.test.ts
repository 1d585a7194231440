import { describe, expect, it } from 'vitest';
import {
  STORE_HASH_FORMAT_ERROR,
  acceptedScopeChecklist,
  finalDecisions,
  initialReviewState,
  reviewReducer,
} from '../../src/review/reducer.ts';
import type { ReviewAction, ReviewState } from '../../src/review/reducer.ts';
import { makeItem, sampleItems } from './fixtures.ts';
import type { ReviewItem } from '../../src/review/model.ts';

function run(state: ReviewState, ...actions: ReviewAction[]): ReviewState {
  return actions.reduce(reviewReducer, state);
}

function reviewing(items: ReviewItem[] = sampleItems()): ReviewState {
  return run(initialReviewState(items), { type: 'start' });
}

const accept: ReviewAction = { type: 'decide', decision: 'accept' };
const skip: ReviewAction = { type: 'decide', decision: 'skip' };

describe('reviewReducer', () => {
  it('starts in scanning without items and moves to overview when they load', () => {
    const scanning = initialReviewState(null);
    expect(scanning.phase).toBe('scanning');
    const withProgress = run(scanning, { type: 'progress', progress: { filesDone: 3, filesTotal: 9, findings: 1 } });
    expect(withProgress.progress).toEqual({ filesDone: 3, filesTotal: 9, findings: 1 });
    const loaded = run(withProgress, { type: 'loaded', items: sampleItems() });
    expect(loaded.phase).toBe('overview');
    expect(loaded.items).toHaveLength(5);
  });

  it('start shows the first item', () => {
    const state = reviewing();
    expect(state.phase).toBe('item');
    expect(state.cursor).toBe(0);
  });

  it('y accepts the current item and moves to the next undecided one', () => {
    const state = run(reviewing(), accept);
    expect(state.decisions).toEqual({ a1: 'accepted' });
    expect(state.cursor).toBe(1);
  });

  it('n skips the current item', () => {
    const state = run(reviewing(), skip);
    expect(state.decisions).toEqual({ a1: 'skipped' });
    expect(state.cursor).toBe(1);
  });

  it('y on a non-rewritable item acknowledges it', () => {
    const state = run(reviewing([makeItem('x', 'src/x.js', 1, { rewritable: false })]), accept);
    expect(state.decisions).toEqual({ x: 'acknowledged' });
  });

  it('after a decision the cursor skips decided items and wraps around', () => {
    // Decide a2 and a3 first, then go back to a1: the next undecided after a1 is b1.
    let state = run(reviewing(), { type: 'move', delta: 1 }, accept, accept);
    expect(state.cursor).toBe(3);
    state = run(state, { type: 'move', delta: -3 }, accept);
    expect(state.cursor).toBe(3);
    // Deciding the last item wraps to the first undecided one.
    state = run(reviewing(), { type: 'move', delta: 4 }, accept);
    expect(state.cursor).toBe(0);
  });

  it('a accepts the undecided items of the current file only', () => {
    const state = run(reviewing(), { type: 'move', delta: 1 }, skip, { type: 'move', delta: -2 }, { type: 'decide-file', decision: 'accept' });
    expect(state.decisions).toEqual({ a1: 'accepted', a2: 'skipped', a3: 'accepted' });
    expect(state.cursor).toBe(3);
  });

  it('a leaves non-rewritable items of the file undecided for the user to read', () => {
    const items = [makeItem('a1', 'a.js', 1), makeItem('a2', 'a.js', 2, { rewritable: false }), makeItem('a3', 'a.js', 3)];
    const state = run(reviewing(items), { type: 'decide-file', decision: 'accept' });
    expect(state.decisions).toEqual({ a1: 'accepted', a3: 'accepted' });
    expect(state.cursor).toBe(1);
  });

  it('s skips the undecided items of the current file', () => {
    const state = run(reviewing(), accept, { type: 'decide-file', decision: 'skip' });
    expect(state.decisions).toEqual({ a1: 'accepted', a2: 'skipped', a3: 'skipped' });
    expect(state.cursor).toBe(3);
  });

  it('A accepts every remaining change and keeps earlier decisions', () => {
    const state = run(reviewing(), skip, { type: 'accept-all' });
    expect(state.decisions).toEqual({ a1: 'skipped', a2: 'accepted', a3: 'accepted', b1: 'accepted', b2: 'accepted' });
  });

  it('u undoes a single decision and returns to its item', () => {
    const state = run(reviewing(), accept, accept, { type: 'undo' });
    expect(state.decisions).toEqual({ a1: 'accepted' });
    expect(state.cursor).toBe(1);
    expect(state.history).toHaveLength(1);
  });

  it('u undoes a file-level decision whole', () => {
    const state = run(reviewing(), accept, { type: 'decide-file', decision: 'skip' }, { type: 'undo' });
    expect(state.decisions).toEqual({ a1: 'accepted' });
    expect(state.cursor).toBe(1);
  });

  it('u undoes accept-all whole', () => {
    const state = run(reviewing(), skip, { type: 'accept-all' }, { type: 'undo' });
    expect(state.decisions).toEqual({ a1: 'skipped' });
  });

  it('u restores the earlier decision when an item was decided twice', () => {
    const state = run(reviewing(), skip, { type: 'move', delta: -1 }, accept, { type: 'undo' });
    expect(state.decisions).toEqual({ a1: 'skipped' });
  });

  it('u with nothing to undo changes nothing', () => {
    const state = reviewing();
    expect(run(state, { type: 'undo' })).toBe(state);
  });

  it('moving stays within the list', () => {
    expect(run(reviewing(), { type: 'move', delta: -1 }).cursor).toBe(0);
    expect(run(reviewing(), { type: 'move', delta: 10 }).cursor).toBe(4);
    expect(run(reviewing(), { type: 'move', delta: 1 }, { type: 'move', delta: 1 }).cursor).toBe(2);
  });

  it('help opens over the current phase and closes back to it', () => {
    const help = run(reviewing(), { type: 'help' });
    expect(help.phase).toBe('help');
    expect(run(help, { type: 'back' }).phase).toBe('item');
    expect(run(initialReviewState(sampleItems()), { type: 'help' }, { type: 'help' }).phase).toBe('overview');
  });

  it('q asks to confirm; back returns, confirm starts writing, finished shows the summary', () => {
    const confirm = run(reviewing(), { type: 'finish' });
    expect(confirm.phase).toBe('confirm');
    expect(run(confirm, { type: 'back' }).phase).toBe('item');
    const writing = run(confirm, { type: 'confirm' });
    expect(writing.phase).toBe('writing');
    const done = run(writing, { type: 'finished', summary: { filesWritten: ['src/a.js'], changesSkipped: 0 } });
    expect(done.phase).toBe('done');
    expect(done.summary?.filesWritten).toEqual(['src/a.js']);
  });

  it('a failed write ends in done with the error', () => {
    const state = run(reviewing(), { type: 'finish' }, { type: 'confirm' }, { type: 'failed', message: 'tree is dirty' });
    expect(state.phase).toBe('done');
    expect(state.error).toBe('tree is dirty');
  });

  it('cancel works from any phase before writing, and not once writing started', () => {
    expect(run(initialReviewState(null), { type: 'cancel' }).phase).toBe('cancelled');
    expect(run(reviewing(), { type: 'help' }, { type: 'cancel' }).phase).toBe('cancelled');
    expect(run(reviewing(), { type: 'finish' }, { type: 'confirm' }, { type: 'cancel' }).phase).toBe('writing');
  });

  it('finalDecisions lists each item once, in item order', () => {
    const state = run(reviewing(), accept, skip, { type: 'move', delta: 1 }, accept);
    expect(finalDecisions(state)).toEqual({ accepted: ['a1', 'b1'], skipped: ['a2'], acknowledged: [], undecided: ['a3', 'b2'] });
  });
});

describe('store hash prompt', () => {
  const items = () => [
    makeItem('c1', 'src/c.js', 1, { domain: 'shop.example.com' }),
    makeItem('c2', 'src/c.js', 2, { domain: 'shop.example.com' }),
    makeItem('d1', 'src/d.js', 1),
  ];

  it('asks when the current item needs a hash for an unknown domain', () => {
    const state = reviewing(items());
    expect(state.phase).toBe('store-hash');
    expect(state.storeHashPrompt).toMatchObject({ domain: 'shop.example.com', step: 'hash' });
  });

  it('does not ask when the hash is already known', () => {
    const state = run(initialReviewState(items(), { storeHashes: { 'shop.example.com': 'abc123' } }), { type: 'start' });
    expect(state.phase).toBe('item');
  });

  it('rejects an invalid hash with an error and keeps asking', () => {
    const state = run(reviewing(items()), { type: 'hash-input', text: 'AB' }, { type: 'hash-submit' });
    expect(state.phase).toBe('store-hash');
    expect(state.storeHashPrompt?.error).toBe(STORE_HASH_FORMAT_ERROR);
  });

  it('takes a valid hash, asks whether to save it, and uses it for every item of the domain', () => {
    let state = run(
      reviewing(items()),
      { type: 'hash-input', text: 'abc1' },
      { type: 'hash-input', text: 'x' },
      { type: 'hash-backspace' },
      { type: 'hash-input', text: '23' },
      { type: 'hash-submit' },
    );
    expect(state.storeHashPrompt).toMatchObject({ step: 'save', input: 'abc123' });
    state = run(state, { type: 'hash-save', save: true });
    expect(state.phase).toBe('item');
    expect(state.storeHashes).toEqual({ 'shop.example.com': 'abc123' });
    expect(state.storeHashEvents).toEqual([{ domain: 'shop.example.com', hash: 'abc123', save: true }]);
    state = run(state, accept);
    expect(state.cursor).toBe(1);
    expect(state.phase).toBe('item');
  });

  it('once dismissed, the domain is not asked again', () => {
    const state = run(reviewing(items()), { type: 'hash-dismiss' }, accept);
    expect(state.cursor).toBe(1);
    expect(state.phase).toBe('item');
    expect(state.storeHashes).toEqual({});
  });
});

describe('acceptedScopeChecklist', () => {
  it('lists the accepted scopes with modify subsuming read-only', () => {
    const state = run(reviewing(), { type: 'accept-all' });
    expect(acceptedScopeChecklist(state).map((e) => [e.scope, e.itemIds])).toEqual([
      ['store_v2_customers', ['b1', 'b2']],
      ['store_v2_orders', ['a2', 'a1']],
      ['store_v2_products_read_only', ['a3']],
    ]);
  });

  it('keeps a read-only scope while its modify counterpart is not accepted', () => {
    const state = run(reviewing(), accept, skip);
    expect(acceptedScopeChecklist(state).map((e) => e.scope)).toEqual(['store_v2_orders_read_only']);
  });

  it('passes only the accepted items to an injected resolver', () => {
    const state = run(reviewing(), accept, skip, accept);
    const seen: string[][] = [];
    const result = acceptedScopeChecklist(state, (items) => {
      seen.push(items.map((i) => i.id));
      return [{ scope: 'from-resolver', label: null, itemIds: [] }];
    });
    expect(seen).toEqual([['a1', 'a3']]);
    expect(result[0].scope).toBe('from-resolver');
  });
});
