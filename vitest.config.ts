import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup/terminal-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker per core minus one: a single worker on a 2-core machine. Most
    // of the suite's time is spent waiting on the CLI processes the end-to-end tests spawn, so two
    // workers halve the run there (measured: 260 s → 125 s on the 2-core CI machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
