// The review session: renders the reducer's state and reaches the outside only through its props.
import { useEffect, useReducer, useRef, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import type { Key } from 'ink';
import { checklistFromItemScopes, scopesBeyond } from './checklist.ts';
import { actionForKey, splitTypedChunk } from './keys.ts';
import type { FinalDecisions, ReviewItem, ReviewSummary, ScanProgress, ScopeChecklistResolver } from './model.ts';
import { currentItem, finalDecisions, initialReviewState, itemsWithDecision, reviewReducer } from './reducer.ts';
import type { ReviewAction, ReviewState } from './reducer.ts';
import { Confirm } from './components/Confirm.tsx';
import { Footer } from './components/Footer.tsx';
import { Help } from './components/Help.tsx';
import { ItemView, MAX_TRACE } from './components/ItemView.tsx';
import { Overview } from './components/Overview.tsx';
import { Progress } from './components/Progress.tsx';
import { StoreHashPrompt } from './components/StoreHashPrompt.tsx';
import { Summary } from './components/Summary.tsx';
import { ColorContext, Line } from './components/theme.tsx';

export interface ReviewAppProps {
  /** Null while the scan is still running. */
  items: ReviewItem[] | null;
  progress?: ScanProgress | null;
  /** Environment variables the rewritten code reads, for the summary. */
  envVars: string[];
  /** Writes exactly the accepted changes; called once, after the user confirms. */
  onFinish: (decisions: FinalDecisions, storeHashes: Record<string, string>) => Promise<ReviewSummary>;
  /** Ctrl-C: nothing has been written and nothing will be. */
  onCancel: () => void;
  onStoreHash?: (domain: string, hash: string, save: boolean) => void;
  /** Store hashes already known (for example from the config file's `stores:`). */
  storeHashes?: Record<string, string>;
  color?: boolean;
  columns?: number;
  /** Terminal height, when known: long diffs are cut to fit. */
  rows?: number;
  scopeChecklist?: ScopeChecklistResolver;
  /**
   * The diff of an item redone with entered store hashes (the item's own diff was made before any
   * hash was known). Null when there is nothing better to show than the item's diff.
   */
  previewWithStoreHashes?: (itemId: string, storeHashes: Record<string, string>) => Promise<string | null>;
}

/** The diff to show for the current item, and whether a better one is still on its way. */
interface ShownDiff {
  diff: string | null;
  updating: boolean;
}

type AppAction = ReviewAction | { type: 'key'; input: string; key: Key };

/** Keys are resolved against the state inside the reducer, so fast typing never sees a stale phase. */
function appReducer(state: ReviewState, action: AppAction): ReviewState {
  if (action.type !== 'key') return reviewReducer(state, action);
  const typed = splitTypedChunk(state, action.input);
  if (typed) return typed.reduce((s, press) => appReducer(s, { type: 'key', ...press }), state);
  const resolved = actionForKey(state, action.input, action.key);
  return resolved ? reviewReducer(state, resolved) : state;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function Header({ state }: { state: ReviewState }) {
  const { accepted, skipped, acknowledged, undecided } = finalDecisions(state);
  const counts =
    state.items.length > 0
      ? ` · ${accepted.length} accepted · ${skipped.length} skipped · ${acknowledged.length} ack · ${undecided.length} left`
      : '';
  return (
    <Line tone="heading" bold>
      {`bc-oauth-migrate review${counts}`}
    </Line>
  );
}

function Body({ state, props, shownDiff }: { state: ReviewState; props: ReviewAppProps; shownDiff: ShownDiff }) {
  const resolve = props.scopeChecklist ?? checklistFromItemScopes;
  switch (state.phase) {
    case 'scanning':
      return <Progress progress={state.progress} />;
    case 'overview':
      return <Overview items={state.items} checklist={resolve(state.items)} />;
    case 'help':
      return <Help />;
    case 'confirm': {
      const decisions = finalDecisions(state);
      const files = new Set(itemsWithDecision(state, 'accepted').map((item) => item.file)).size;
      return <Confirm decisions={decisions} files={files} />;
    }
    case 'store-hash':
      return state.storeHashPrompt ? <StoreHashPrompt prompt={state.storeHashPrompt} /> : null;
    case 'item': {
      const item = currentItem(state);
      if (!item) return null;
      const accepted = itemsWithDecision(state, 'accepted');
      return (
        <ItemView
          item={{ ...item, diff: shownDiff.diff }}
          diffUpdating={shownDiff.updating}
          index={state.cursor}
          total={state.items.length}
          decision={state.decisions[item.id]}
          accepted={resolve(accepted)}
          acceptedUnknown={accepted.filter((i) => !i.scope).length}
          storeHash={item.needsStoreHash ? state.storeHashes[item.needsStoreHash.domain] : undefined}
          maxDiffLines={props.rows ? Math.max(6, props.rows - 24 - extraItemLines(item, shownDiff)) : 30}
        />
      );
    }
    case 'writing':
      return <Line>{`Writing ${finalDecisions(state).accepted.length} accepted changes…`}</Line>;
    case 'done': {
      const checklist = resolve(itemsWithDecision(state, 'accepted'));
      const handMigrated = scopesBeyond(checklist, resolve(itemsWithDecision(state, 'acknowledged')));
      return (
        <Summary summary={state.summary} error={state.error} envVars={props.envVars} checklist={checklist} handMigrated={handMigrated} />
      );
    }
    case 'cancelled':
      return <Line tone="warning">Cancelled: no file was written.</Line>;
    default:
      return null;
  }
}

export function ReviewApp(props: ReviewAppProps) {
  const { items, progress, onFinish, onCancel, onStoreHash, color = true, columns = 80 } = props;
  const { exit } = useApp();
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialReviewState(items, { progress, storeHashes: props.storeHashes }),
  );

  useEffect(() => {
    if (items && state.phase === 'scanning') dispatch({ type: 'loaded', items });
  }, [items, state.phase]);

  useEffect(() => {
    if (progress) dispatch({ type: 'progress', progress });
  }, [progress]);

  const reportedHashes = useRef(0);
  useEffect(() => {
    const fresh = state.storeHashEvents.slice(reportedHashes.current);
    reportedHashes.current = state.storeHashEvents.length;
    for (const event of fresh) onStoreHash?.(event.domain, event.hash, event.save);
  }, [state.storeHashEvents, onStoreHash]);

  const writingStarted = useRef(false);
  useEffect(() => {
    if (state.phase !== 'writing' || writingStarted.current) return;
    writingStarted.current = true;
    onFinish(finalDecisions(state), state.storeHashes).then(
      (summary) => dispatch({ type: 'finished', summary }),
      (error: unknown) => dispatch({ type: 'failed', message: messageOf(error) }),
    );
  }, [state, onFinish]);

  const cancelled = useRef(false);
  useEffect(() => {
    if (state.phase !== 'cancelled' || cancelled.current) return;
    cancelled.current = true;
    onCancel();
    exit();
  }, [state.phase, onCancel, exit]);

  useInput((input, key) => {
    if (state.phase === 'done') {
      if (input === 'q' || key.return || key.escape || (key.ctrl && input === 'c')) exit();
      return;
    }
    dispatch({ type: 'key', input, key });
  });

  const item = currentItem(state);
  const shownDiff = useStoreHashPreview(item, state.storeHashes, props.previewWithStoreHashes);
  const allDecided = state.items.length > 0 && state.items.every((i) => state.decisions[i.id]);
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={Math.max(20, columns)}>
        <Header state={state} />
        <Box flexDirection="column" marginY={1}>
          <Body state={state} props={props} shownDiff={shownDiff} />
        </Box>
        <Footer phase={state.phase} rewritable={item?.rewritable ?? true} allDecided={allDecided} />
      </Box>
    </ColorContext.Provider>
  );
}

/** Trace, note and status lines take screen rows too; the diff gives way so the header stays in view. */
function extraItemLines(item: ReviewItem, shownDiff: ShownDiff): number {
  const trace = item.finding.trace.length > 0 ? Math.min(item.finding.trace.length, MAX_TRACE) + 1 : 0;
  const updating = shownDiff.updating ? 2 : 0; // the line and the gap above it
  return trace + item.notes.length + updating;
}

/**
 * The current item's diff, redone once the user entered the store hash for its domain: until then
 * the item's diff reads the hash from the environment, which is not what will be written. It is
 * redone with every hash entered so far, as the write will be. A result counts only for the item
 * and hashes it was asked for; a failed one leaves the item's diff.
 */
function useStoreHashPreview(
  item: ReviewItem | undefined,
  storeHashes: Record<string, string>,
  preview: ReviewAppProps['previewWithStoreHashes'],
): ShownDiff {
  const itemId = item?.rewritable ? item.id : undefined;
  const domain = item?.needsStoreHash?.domain;
  const hash = domain ? storeHashes[domain] : undefined;
  const hashesKey = JSON.stringify(Object.entries(storeHashes).sort());
  const [result, setResult] = useState<{ itemId: string; hashesKey: string; diff: string | null } | null>(null);

  useEffect(() => {
    if (!preview || !itemId || !hash) return;
    let stillShown = true;
    const settle = (diff: string | null) => {
      if (stillShown) setResult({ itemId, hashesKey, diff });
    };
    preview(itemId, Object.fromEntries(JSON.parse(hashesKey) as Array<[string, string]>)).then(settle, () => settle(null));
    return () => {
      stillShown = false;
    };
  }, [preview, itemId, hash, hashesKey]);

  const diff = item?.diff ?? null;
  if (!preview || !itemId || !hash) return { diff, updating: false };
  if (result?.itemId !== itemId || result.hashesKey !== hashesKey) return { diff, updating: true };
  return { diff: result.diff ?? diff, updating: false };
}
