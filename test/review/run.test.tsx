import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { runReview } from '../../src/review/run.tsx';
import type { ReviewItem } from '../../src/review/model.ts';
import { sampleItems, tick } from './fixtures.ts';

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 40;
  isTTY = true;
  output = '';
  write = (chunk: string) => {
    this.output += chunk;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string[] = [];
  type = (data: string) => {
    this.pending.push(data);
    this.emit('readable');
  };
  read = () => this.pending.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

function terminal() {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  return { stdin, stdout, streams: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream } };
}

async function typeKeys(stdin: FakeStdin, ...keys: string[]) {
  for (const key of keys) {
    stdin.type(key);
    // Outside debug mode Ink throttles frames, so wait longer than one frame.
    await tick(100);
  }
}

describe('runReview', () => {
  it('resolves cancelled on Ctrl-C without calling onFinish', async () => {
    const { stdin, streams } = terminal();
    const onFinish = vi.fn();
    const result = runReview({ items: sampleItems(), envVars: [], color: false, ...streams, onFinish });
    await tick(100);
    await typeKeys(stdin, '\r', 'y', '\u0003');
    await expect(result).resolves.toBe('cancelled');
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('resolves written once the accepted changes are written and the summary is closed', async () => {
    const { stdin, stdout, streams } = terminal();
    const onFinish = vi.fn(async () => ({ filesWritten: ['src/a.js'], changesSkipped: 0 }));
    const result = runReview({ items: sampleItems(), envVars: ['BIGCOMMERCE_ACCESS_TOKEN'], color: false, ...streams, onFinish });
    await tick(100);
    await typeKeys(stdin, '\r', 'y', 'q', 'y');
    await vi.waitFor(() => expect(stdout.output).toContain('Files written: 1'));
    await typeKeys(stdin, 'q');
    await expect(result).resolves.toBe('written');
    expect(onFinish).toHaveBeenCalledWith({ accepted: ['a1'], skipped: [], acknowledged: [], undecided: ['a2', 'a3', 'b1', 'b2'] }, {});
  });

  it('shows scan progress from a loader, then the items it returns', async () => {
    const { stdin, stdout, streams } = terminal();
    let finishLoading: (items: ReviewItem[]) => void = () => {};
    const result = runReview({
      items: (onProgress) => {
        onProgress({ filesDone: 1, filesTotal: 2, findings: 3 });
        return new Promise((resolve) => (finishLoading = resolve));
      },
      envVars: [],
      color: false,
      ...streams,
      onFinish: vi.fn(),
    });
    await tick(100);
    await vi.waitFor(() => expect(stdout.output).toContain('Scanning… 1/2 files · 3 findings so far'));
    finishLoading(sampleItems());
    await tick(100);
    await vi.waitFor(() => expect(stdout.output).toContain('5 changes to review in 2 files'));
    await typeKeys(stdin, '\u0003');
    await expect(result).resolves.toBe('cancelled');
  });

  it('rejects with the writer error after the user leaves the error screen', async () => {
    const { stdin, streams } = terminal();
    const failure = new Error('working tree is dirty');
    const result = runReview({ items: sampleItems(), envVars: [], color: false, ...streams, onFinish: () => Promise.reject(failure) });
    result.catch(() => {});
    await tick(100);
    await typeKeys(stdin, '\r', 'y', 'q', 'y', 'q');
    await expect(result).rejects.toBe(failure);
  });
});
