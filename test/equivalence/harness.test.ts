import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareRecordings,
  copyFixture,
  importFresh,
  proveEquivalence,
  withEnv,
  type EquivalenceOptions,
  type ScenarioRecording,
} from './harness.ts';
import type { RecordedRequest } from '../standin/standin.ts';
import { EXAMPLE_APP_DIR } from './example-app.scenarios.ts';

const MINI_APP = fileURLToPath(new URL('./__fixtures__/mini-app/', import.meta.url));
const MINI_APP_MIGRATED = fileURLToPath(new URL('./__fixtures__/mini-app-migrated/', import.meta.url));

function miniOptions(scopes: string[], edit: (code: string) => string = (code) => code): EquivalenceOptions {
  return {
    fixtureDir: MINI_APP,
    modules: ['src/orders.js'],
    scenarios: [{ name: 'mark shipped', run: (app) => (app['src/orders.js']!.markShipped as (id: number) => Promise<unknown>)(101) }],
    legacyEnv: { BC_API_USER: 'equivalence-user', BC_API_KEY: 'feedfacefeedfacefeedfacefeedfacefeedface' },
    // Stands in for `fix`: the hand-migrated file, optionally spoiled.
    async migrate(appDir) {
      const migrated = await readFile(path.join(MINI_APP_MIGRATED, 'src/orders.js'), 'utf8');
      await writeFile(path.join(appDir, 'src/orders.js'), edit(migrated));
      return { scopes };
    },
  };
}

const request = (over: Partial<RecordedRequest>): RecordedRequest => ({
  api: 'legacy',
  method: 'GET',
  resourcePath: '/v2/orders',
  query: [],
  body: null,
  status: 200,
  outcome: 'ok',
  suffix: null,
  ...over,
});

describe('copyFixture', () => {
  it('copies the app and gives it a shim for each client it declares', async () => {
    const copy = await copyFixture(EXAMPLE_APP_DIR);
    try {
      expect(existsSync(path.join(copy.dir, 'src/order-sync.js'))).toBe(true);
      expect(existsSync(path.join(copy.dir, 'node_modules/axios/index.js'))).toBe(true);
    } finally {
      await copy.remove();
    }
    expect(existsSync(copy.dir)).toBe(false);
  });
});

describe('importFresh', () => {
  it('runs a module again, so it sees the env of the moment', async () => {
    const copy = await copyFixture(MINI_APP);
    try {
      const file = path.join(copy.dir, 'src/env.js');
      await writeFile(file, 'export const user = process.env.BC_API_USER;\n');
      const first = await withEnv({ BC_API_USER: 'one' }, () => importFresh<{ user: string }>(file));
      const second = await withEnv({ BC_API_USER: 'two' }, () => importFresh<{ user: string }>(file));
      expect([first.user, second.user]).toEqual(['one', 'two']);
    } finally {
      await copy.remove();
    }
  });
});

describe('withEnv', () => {
  it('restores process.env, deleting what was not set before', async () => {
    delete process.env.EQUIVALENCE_PROBE;
    await withEnv({ EQUIVALENCE_PROBE: 'x' }, async () => expect(process.env.EQUIVALENCE_PROBE).toBe('x'));
    expect('EQUIVALENCE_PROBE' in process.env).toBe(false);
  });
});

describe('compareRecordings', () => {
  const run = (requests: RecordedRequest[]): ScenarioRecording[] => [{ name: 's', requests }];

  it('matches requests that differ only in API, status and suffix', () => {
    const legacy = run([request({ suffix: '.json' })]);
    const gateway = run([request({ api: 'gateway', status: 403, outcome: 'missing-scope' })]);
    expect(compareRecordings(legacy, gateway)).toEqual([]);
  });

  it('reports a changed body, and a request only one side made', () => {
    const legacy = run([request({ method: 'PUT', body: { a: 1 } })]);
    const gateway = run([request({ method: 'PUT', body: { a: 2 } }), request({})]);
    expect(compareRecordings(legacy, gateway).map((m) => [m.index, m.legacy === null, m.gateway === null])).toEqual([
      [0, false, false],
      [1, true, false],
    ]);
  });
});

describe('proveEquivalence (migration supplied by the test)', () => {
  it('proves a faithful migration with exactly the needed scope', async () => {
    const proof = await proveEquivalence(miniOptions(['store_v2_orders']));
    expect(proof.legacy[0]?.requests).toHaveLength(2);
    expect(proof.mismatches).toEqual([]);
    expect(proof.failedGatewayRequests).toEqual([]);
    expect(proof.probes).toEqual([
      { scope: 'store_v2_orders', change: 'removed', refused: true },
      { scope: 'store_v2_orders', change: 'downgraded', refused: true },
    ]);
    expect(proof.spareScopes).toEqual([]);
  });

  it('names a scope nothing needs as spare', async () => {
    const proof = await proveEquivalence(miniOptions(['store_v2_orders', 'store_v2_customers_read_only']));
    expect(proof.spareScopes).toEqual(['store_v2_customers_read_only']);
  });

  it('lists the refused calls when the scopes are not enough', async () => {
    const proof = await proveEquivalence(miniOptions(['store_v2_orders_read_only']));
    expect(proof.failedGatewayRequests.map((r) => `${r.method} ${r.resourcePath} ${r.outcome}`)).toEqual([
      'PUT /v2/orders/101 missing-scope',
    ]);
  });

  it('reports a migration that changes what is sent', async () => {
    const proof = await proveEquivalence(miniOptions(['store_v2_orders'], (code) => code.replace('status_id: 2', 'status_id: 10')));
    expect(proof.mismatches.map((m) => m.index)).toEqual([1]);
  });
});
