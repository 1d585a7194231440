// Drives the real CLI's review session in a pseudo-terminal (tmux): types keys, reads the screen,
// then checks the files. tmux runs its own server on a private socket, so nothing outside leaks in.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanTempDirsAfterAll, copyFixture, hashTree, runCli } from './helpers.ts';

cleanTempDirsAfterAll();

const SOCKET = `bc-review-e2e-${process.pid}`;
const SCREEN_TIMEOUT_MS = 20_000;
/** Each terminal test waits for several screens; generous, so a busy CI machine does not fail it. */
const TERMINAL_TEST_TIMEOUT_MS = 120_000;
const sessions: string[] = [];
let counter = 0;

function tmux(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`tmux ${args[0]} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Starts `bc-oauth-migrate review` in a 100×40 terminal in `dir`. When the CLI ends, the pane
 * prints `[exit N]` and stays open, so the test can read the last screen and the exit code.
 */
async function startReview(dir: string, args: string[] = []): Promise<string> {
  const name = `review-${++counter}`;
  sessions.push(name);
  const command = [
    `cd ${shellQuote(dir)}`,
    `env -u FORCE_COLOR -u CI NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(BIN)} review ${args.map(shellQuote).join(' ')}`,
    'echo "[exit $?]"',
    'sleep 3600',
  ].join('; ');
  await tmux(['new-session', '-d', '-x', '100', '-y', '40', '-s', name, command]);
  return name;
}

function screen(name: string): Promise<string> {
  return tmux(['capture-pane', '-p', '-J', '-t', name]);
}

/** Polls the screen until `wanted` is on it; fails with the last screen when it does not come. */
async function waitFor(name: string, wanted: string | RegExp): Promise<string> {
  const deadline = Date.now() + SCREEN_TIMEOUT_MS;
  let text = '';
  while (Date.now() < deadline) {
    text = await screen(name);
    if (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${String(wanted)} on the screen:\n${text}`);
}

/** Types one key (tmux key name, e.g. `y`, `Enter`, `C-c`), then waits for what it should show. */
async function press(name: string, key: string, expected: string | RegExp): Promise<string> {
  await tmux(['send-keys', '-t', name, key]);
  return waitFor(name, expected);
}

beforeAll(async () => {
  try {
    await new Promise<void>((resolve, reject) => execFile('tmux', ['-V'], (error) => (error ? reject(error) : resolve())));
  } catch {
    throw new Error('tmux is required for the review session e2e test: install it (apt-get install tmux); .ci/run does this on a fresh machine');
  }
});

afterEach(async () => {
  for (const name of sessions.splice(0)) await tmux(['kill-session', '-t', name]).catch(() => {});
});

afterAll(async () => {
  await tmux(['kill-server']).catch(() => {});
});

describe('review in a terminal', () => {
  it('writes the accepted change, leaves the skipped one untouched, and shows the summary', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const before = await hashTree(dir);
    const name = await startReview(dir);

    await waitFor(name, 'Minimum scopes for everything found');
    await press(name, 'Enter', '[1/4] src/customers-report.ts:32');
    await press(name, 'j', '[2/4] src/order-sync.js:29');
    await press(name, 'y', '[3/4] src/product-updater.ts:28');
    // The item screen is taller than 40 rows, so its header (with the counts) scrolls away: the
    // counts are checked on the confirm screen.
    let text = await press(name, 'n', '[4/4] src/webhook-seeder.js:27');
    expect(text).toMatch(/Scopes for the changes accepted so far\n\s+\[ \] Orders: modify {2}\(store_v2_orders\) · 1 change\n\n/);
    text = await press(name, 'q', 'Finish the review?');
    expect(text).toContain('1 skipped, 0 acknowledged, 2 undecided (not written).');
    text = await press(name, 'y', 'Files written: 1');
    expect(text).toContain('  src/order-sync.js');
    expect(text).toContain('Changes skipped: 3');
    expect(text).toContain('BIGCOMMERCE_ACCESS_TOKEN');
    expect(text).toMatch(/Scopes to request for the new API account\n\s+\[ \] Orders: modify {2}\(store_v2_orders\)/);
    await press(name, 'q', '[exit 0]');

    const after = await hashTree(dir);
    expect(Object.keys(after).filter((path) => after[path] !== before[path])).toEqual(['src/order-sync.js']);
    const orders = await readFile(join(dir, 'src/order-sync.js'), 'utf8');
    expect(orders).toContain("const BC_API_BASE = 'https://api.bigcommerce.com/stores/abc123/v2';");
    expect(orders).toContain("'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN");
  }, TERMINAL_TEST_TIMEOUT_MS);

  it('leaves every file byte-identical on Ctrl-C, even after accepting changes', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const before = await hashTree(dir);
    const name = await startReview(dir);

    await waitFor(name, 'Minimum scopes for everything found');
    await press(name, 'Enter', '[1/4]');
    await press(name, 'A', 'All decided');
    const text = await press(name, 'C-c', '[exit 130]');
    expect(text).toContain('Cancelled: no file was written.');
    expect(await hashTree(dir)).toEqual(before);
  }, TERMINAL_TEST_TIMEOUT_MS);

  it('asks once for the store hash of a custom domain, uses it, and saves it to the config', async () => {
    const dir = await copyFixture('e2e/custom-domain', { git: true });
    const name = await startReview(dir);

    await waitFor(name, 'store hash unknown for shop.acme-outfitters.example');
    await press(name, 'Enter', 'Store hash: _');
    let typed = '';
    for (const ch of 'zzz999') {
      typed += ch;
      await press(name, ch, `Store hash: ${typed}_`);
    }
    await press(name, 'Enter', 'Save it to .bc-oauth-migrate.yml for next time? (y/n)');
    await press(name, 'y', 'Store hash for shop.acme-outfitters.example: zzz999 (entered)');
    await press(name, 'y', 'All decided');
    await press(name, 'q', 'Finish the review?');
    await press(name, 'y', 'Files written: 1');
    await press(name, 'q', '[exit 0]');

    expect(await readFile(join(dir, 'src/shop.js'), 'utf8')).toContain('`${SHOP}/stores/zzz999/v2/orders/${orderId}/shipments`');
    expect(await readFile(join(dir, '.bc-oauth-migrate.yml'), 'utf8')).toBe('stores:\n  shop.acme-outfitters.example: zzz999\n');
  }, TERMINAL_TEST_TIMEOUT_MS);

  it('refuses a dirty tree before the session opens, naming --allow-dirty', async () => {
    const dir = await copyFixture('example-app', { git: true });
    await writeFile(join(dir, 'src/order-sync.js'), '// local work in progress\n', { flag: 'a' });
    const name = await startReview(dir);
    const text = await waitFor(name, '[exit 2]');
    expect(text).toContain('bc-oauth-migrate: uncommitted changes in src/order-sync.js');
    expect(text).toContain('--allow-dirty');
    expect(text).not.toContain('Minimum scopes');
  }, TERMINAL_TEST_TIMEOUT_MS);
});

describe('review without a terminal', () => {
  it('exits 2 with one line pointing to fix --dry-run and check', async () => {
    const dir = await copyFixture('example-app', { git: true });
    const before = await hashTree(dir);
    const result = await runCli(['review'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('bc-oauth-migrate: review needs an interactive terminal; use `fix --dry-run` to see the changes, or `check` in CI\n');
    expect(await hashTree(dir)).toEqual(before);
  });
});
