// Review state as a pure reducer over decisions. Components render it; App turns keys into actions.
import { checklistFromItemScopes } from './checklist.ts';
import { isValidStoreHash } from './model.ts';
import type {
  ChecklistEntry,
  Decision,
  FinalDecisions,
  ReviewItem,
  ReviewSummary,
  ScanProgress,
  ScopeChecklistResolver,
} from './model.ts';

export type Phase =
  | 'scanning'
  | 'overview'
  | 'item'
  | 'help'
  | 'confirm'
  | 'store-hash'
  | 'writing'
  | 'done'
  | 'cancelled';

/** One user action as it can be undone: every decision it changed, and where the cursor was. */
export interface HistoryEntry {
  changes: { id: string; previous: Decision | undefined }[];
  cursor: number;
}

export interface StoreHashPrompt {
  domain: string;
  input: string;
  error: string | null;
  /** 'hash' while typing; 'save' once a valid hash was entered and we ask whether to save it. */
  step: 'hash' | 'save';
}

/** A hash the user gave, waiting for App to report it through `onStoreHash`. */
export interface StoreHashEvent {
  domain: string;
  hash: string;
  save: boolean;
}

export interface ReviewState {
  items: ReviewItem[];
  cursor: number;
  decisions: Record<string, Decision>;
  history: HistoryEntry[];
  phase: Phase;
  /** Where help and confirm return to. */
  returnPhase: 'overview' | 'item';
  progress: ScanProgress | null;
  storeHashes: Record<string, string>;
  storeHashPrompt: StoreHashPrompt | null;
  /** Domains whose prompt the user dismissed: never asked again. */
  declinedDomains: string[];
  storeHashEvents: StoreHashEvent[];
  summary: ReviewSummary | null;
  error: string | null;
}

export type ReviewAction =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'loaded'; items: ReviewItem[] }
  | { type: 'start' }
  | { type: 'decide'; decision: 'accept' | 'skip' }
  | { type: 'decide-file'; decision: 'accept' | 'skip' }
  | { type: 'accept-all' }
  | { type: 'undo' }
  | { type: 'move'; delta: number }
  | { type: 'help' }
  | { type: 'finish' }
  | { type: 'confirm' }
  | { type: 'back' }
  | { type: 'hash-input'; text: string }
  | { type: 'hash-backspace' }
  | { type: 'hash-submit' }
  | { type: 'hash-save'; save: boolean }
  | { type: 'hash-dismiss' }
  | { type: 'finished'; summary: ReviewSummary }
  | { type: 'failed'; message: string }
  | { type: 'cancel' };

export const STORE_HASH_FORMAT_ERROR = 'A store hash is 5 to 16 lowercase letters and digits, e.g. abc123.';

export function initialReviewState(
  items: ReviewItem[] | null,
  options: { progress?: ScanProgress | null; storeHashes?: Record<string, string> } = {},
): ReviewState {
  return {
    items: items ?? [],
    cursor: 0,
    decisions: {},
    history: [],
    phase: items ? 'overview' : 'scanning',
    returnPhase: 'overview',
    progress: options.progress ?? null,
    storeHashes: { ...(options.storeHashes ?? {}) },
    storeHashPrompt: null,
    declinedDomains: [],
    storeHashEvents: [],
    summary: null,
    error: null,
  };
}

export function currentItem(state: ReviewState): ReviewItem | undefined {
  return state.items[state.cursor];
}

/** The next undecided item after `from`, wrapping around; -1 when every item is decided. */
function nextUndecided(state: ReviewState, from: number): number {
  const count = state.items.length;
  for (let step = 1; step <= count; step++) {
    const index = (from + step) % count;
    if (!state.decisions[state.items[index].id]) return index;
  }
  return -1;
}

function firstUndecided(state: ReviewState): number {
  const index = nextUndecided(state, state.items.length - 1);
  return index === -1 ? 0 : index;
}

/** On landing on an item whose domain has no hash yet, ask for it (once per domain). */
function arriveAtItem(state: ReviewState): ReviewState {
  const need = currentItem(state)?.needsStoreHash;
  if (!need || state.storeHashes[need.domain] || state.declinedDomains.includes(need.domain)) {
    return { ...state, phase: 'item', storeHashPrompt: null };
  }
  return { ...state, phase: 'store-hash', storeHashPrompt: { domain: need.domain, input: '', error: null, step: 'hash' } };
}

/** Applies `decisions` as one undoable step, then moves to the next undecided item. */
function decideMany(state: ReviewState, decisions: [string, Decision][]): ReviewState {
  const changes = decisions
    .filter(([id, decision]) => state.decisions[id] !== decision)
    .map(([id]) => ({ id, previous: state.decisions[id] }));
  if (changes.length === 0) return state;
  const next: ReviewState = {
    ...state,
    decisions: { ...state.decisions, ...Object.fromEntries(decisions) },
    history: [...state.history, { changes, cursor: state.cursor }],
  };
  const target = nextUndecided(next, state.cursor);
  return arriveAtItem({ ...next, cursor: target === -1 ? state.cursor : target });
}

function decisionFor(item: ReviewItem, choice: 'accept' | 'skip'): Decision {
  if (choice === 'skip') return 'skipped';
  return item.rewritable ? 'accepted' : 'acknowledged';
}

/**
 * Bulk choices skip non-rewritable items when accepting: those need the user to read their advice,
 * so they stay undecided and the cursor comes to them.
 */
function bulkDecisions(state: ReviewState, items: ReviewItem[], choice: 'accept' | 'skip'): [string, Decision][] {
  return items
    .filter((item) => !state.decisions[item.id] && (choice === 'skip' || item.rewritable))
    .map((item) => [item.id, decisionFor(item, choice)]);
}

function reduceItem(state: ReviewState, action: ReviewAction): ReviewState {
  const item = currentItem(state);
  switch (action.type) {
    case 'decide':
      return item ? decideMany(state, [[item.id, decisionFor(item, action.decision)]]) : state;
    case 'decide-file': {
      if (!item) return state;
      const sameFile = state.items.filter((other) => other.file === item.file);
      const decisions = bulkDecisions(state, sameFile, action.decision);
      // The current item is always decided, even when it was decided before.
      if (!decisions.some(([id]) => id === item.id)) {
        if (action.decision === 'skip' || item.rewritable) decisions.unshift([item.id, decisionFor(item, action.decision)]);
      }
      return decideMany(state, decisions);
    }
    case 'accept-all':
      return decideMany(state, bulkDecisions(state, state.items, 'accept'));
    case 'undo': {
      const last = state.history[state.history.length - 1];
      if (!last) return state;
      const decisions = { ...state.decisions };
      for (const change of last.changes) {
        if (change.previous) decisions[change.id] = change.previous;
        else delete decisions[change.id];
      }
      return arriveAtItem({ ...state, decisions, history: state.history.slice(0, -1), cursor: last.cursor });
    }
    case 'move': {
      const count = state.items.length;
      if (count === 0) return state;
      const cursor = Math.min(count - 1, Math.max(0, state.cursor + action.delta));
      return cursor === state.cursor ? state : arriveAtItem({ ...state, cursor });
    }
    default:
      return state;
  }
}

function reduceStoreHash(state: ReviewState, action: ReviewAction): ReviewState {
  const prompt = state.storeHashPrompt;
  if (!prompt) return arriveAtItem(state);
  const withPrompt = (changes: Partial<StoreHashPrompt>): ReviewState => ({
    ...state,
    storeHashPrompt: { ...prompt, ...changes },
  });
  if (prompt.step === 'hash') {
    switch (action.type) {
      case 'hash-input':
        return withPrompt({ input: prompt.input + action.text, error: null });
      case 'hash-backspace':
        return withPrompt({ input: prompt.input.slice(0, -1), error: null });
      case 'hash-submit': {
        const hash = prompt.input.trim();
        return isValidStoreHash(hash) ? withPrompt({ input: hash, step: 'save', error: null }) : withPrompt({ error: STORE_HASH_FORMAT_ERROR });
      }
      case 'hash-dismiss':
        return arriveAtItem({ ...state, declinedDomains: [...state.declinedDomains, prompt.domain] });
      default:
        return state;
    }
  }
  switch (action.type) {
    case 'hash-save':
      return arriveAtItem({
        ...state,
        storeHashes: { ...state.storeHashes, [prompt.domain]: prompt.input },
        storeHashEvents: [...state.storeHashEvents, { domain: prompt.domain, hash: prompt.input, save: action.save }],
      });
    case 'hash-dismiss':
      return withPrompt({ step: 'hash', error: null });
    default:
      return state;
  }
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  if (action.type === 'cancel') {
    // Once writing has begun the user already confirmed; cancelling then could leave half the files done.
    return state.phase === 'writing' || state.phase === 'done' ? state : { ...state, phase: 'cancelled' };
  }
  switch (state.phase) {
    case 'scanning':
      if (action.type === 'progress') return { ...state, progress: action.progress };
      if (action.type === 'loaded') return { ...state, items: action.items, phase: 'overview' };
      return state;
    case 'overview':
      if (action.type === 'start') {
        if (state.items.length === 0) return state;
        return arriveAtItem({ ...state, cursor: firstUndecided(state) });
      }
      if (action.type === 'help') return { ...state, phase: 'help', returnPhase: 'overview' };
      if (action.type === 'finish') return { ...state, phase: 'confirm', returnPhase: 'overview' };
      return state;
    case 'item':
      if (action.type === 'help') return { ...state, phase: 'help', returnPhase: 'item' };
      if (action.type === 'finish') return { ...state, phase: 'confirm', returnPhase: 'item' };
      return reduceItem(state, action);
    case 'help':
      return action.type === 'help' || action.type === 'back' ? { ...state, phase: state.returnPhase } : state;
    case 'confirm':
      if (action.type === 'confirm') return { ...state, phase: 'writing' };
      if (action.type === 'back') return { ...state, phase: state.returnPhase };
      return state;
    case 'store-hash':
      return reduceStoreHash(state, action);
    case 'writing':
      if (action.type === 'finished') return { ...state, phase: 'done', summary: action.summary };
      if (action.type === 'failed') return { ...state, phase: 'done', error: action.message };
      return state;
    default:
      return state;
  }
}

export function finalDecisions(state: ReviewState): FinalDecisions {
  const result: FinalDecisions = { accepted: [], skipped: [], acknowledged: [], undecided: [] };
  for (const item of state.items) {
    const decision = state.decisions[item.id];
    if (decision) result[decision].push(item.id);
    else result.undecided.push(item.id);
  }
  return result;
}

export function itemsWithDecision(state: ReviewState, decision: Decision): ReviewItem[] {
  return state.items.filter((item) => state.decisions[item.id] === decision);
}

/** The minimal scope list for the changes accepted so far. */
export function acceptedScopeChecklist(
  state: ReviewState,
  resolve: ScopeChecklistResolver = checklistFromItemScopes,
): ChecklistEntry[] {
  return resolve(itemsWithDecision(state, 'accepted'));
}
