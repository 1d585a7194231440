// Entry point the CLI calls: renders the review app on the given terminal streams until it exits.
import { render } from 'ink';
import { ReviewApp } from './App.tsx';
import type { ReviewAppProps } from './App.tsx';
import type { ReviewItem, ScanProgress } from './model.ts';

/** Produces the items while reporting scan progress, so the session can show it. */
export type ReviewItemLoader = (onProgress: (progress: ScanProgress) => void) => Promise<ReviewItem[]>;

export interface RunReviewOptions {
  items: ReviewItem[] | ReviewItemLoader;
  envVars: string[];
  color: boolean;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  onFinish: ReviewAppProps['onFinish'];
  onStoreHash?: ReviewAppProps['onStoreHash'];
  storeHashes?: Record<string, string>;
  scopeChecklist?: ReviewAppProps['scopeChecklist'];
  previewWithStoreHashes?: ReviewAppProps['previewWithStoreHashes'];
}

/**
 * Resolves 'cancelled' when the user pressed Ctrl-C (nothing written), 'written' once `onFinish`
 * has run and the user left the summary. Rejects when loading the items or `onFinish` failed.
 * Needs a TTY stdin (raw mode); the CLI checks that first.
 */
export async function runReview(opts: RunReviewOptions): Promise<'written' | 'cancelled'> {
  // Set from callbacks; an object so the compiler does not narrow it to its initial value.
  const session: { outcome: 'written' | 'cancelled' } = { outcome: 'written' };
  let failure: unknown = null;
  let items: ReviewItem[] | null = Array.isArray(opts.items) ? opts.items : null;
  let progress: ScanProgress | null = null;
  let exited = false;

  const onFinish: ReviewAppProps['onFinish'] = async (decisions, storeHashes) => {
    try {
      return await opts.onFinish(decisions, storeHashes);
    } catch (error) {
      failure = error;
      throw error;
    }
  };

  const element = () => (
    <ReviewApp
      items={items}
      progress={progress}
      envVars={opts.envVars}
      color={opts.color}
      columns={opts.stdout.columns || 80}
      rows={opts.stdout.rows || undefined}
      onFinish={onFinish}
      onCancel={() => {
        session.outcome = 'cancelled';
      }}
      onStoreHash={opts.onStoreHash}
      storeHashes={opts.storeHashes}
      scopeChecklist={opts.scopeChecklist}
      previewWithStoreHashes={opts.previewWithStoreHashes}
    />
  );

  const instance = render(element(), {
    stdin: opts.stdin,
    stdout: opts.stdout,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const redraw = () => {
    if (!exited) instance.rerender(element());
  };
  opts.stdout.on('resize', redraw);

  if (typeof opts.items === 'function') {
    opts.items((next) => {
      progress = next;
      redraw();
    }).then(
      (loaded) => {
        items = loaded;
        redraw();
      },
      (error: unknown) => {
        failure = error;
        instance.unmount();
      },
    );
  }

  try {
    await instance.waitUntilExit();
  } finally {
    exited = true;
    opts.stdout.off('resize', redraw);
  }
  if (failure && session.outcome !== 'cancelled') throw failure;
  return session.outcome;
}
