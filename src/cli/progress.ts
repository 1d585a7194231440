import type { ScanProgress } from '../analyze/index.ts';
import { wantsProgress, type CliIO } from './io.ts';

/** A one-line progress display on stderr in a terminal; silent in CI and when piped. */
export function progressReporter(io: CliIO): { onProgress?: (p: ScanProgress) => void; clear: () => void } {
  if (!wantsProgress(io)) return { clear: () => {} };
  let last = 0;
  let shown = false;
  return {
    onProgress(p) {
      const now = Date.now();
      if (now - last < 80 && p.done < p.total && !p.crossFile) return;
      last = now;
      shown = true;
      const what = p.crossFile ? `scanned ${p.total} files, ${p.findings} findings; resolving across files…` : `scanning ${p.done}/${p.total} files, ${p.findings} findings`;
      io.stderr.write(`\r\x1b[2K${what}`);
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}
