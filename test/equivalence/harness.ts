// Reusable parts of the behaviour-equivalence proof (issue 8):
// copy a fixture app, load its modules fresh, run scenarios against the BigCommerce stand-in,
// and (second half) compare the legacy run with the migrated gateway run and probe each scope.

import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStandin, type RecordedRequest, type Standin } from '../standin/standin.ts';
import { readOnlyVariant } from '../standin/scope-rules.ts';

const SHIMS_DIR = fileURLToPath(new URL('./client-shims/', import.meta.url));

/** The fixture apps' test account: never a real credential. */
export const TEST_ACCOUNT = { username: 'equivalence-user', apiKey: 'feedfacefeedfacefeedfacefeedfacefeedface' };
export const TEST_STORE_HASH = 'abc123';
/** The one token string the gateway runs use; probes change what it is granted, not its value. */
export const TEST_TOKEN = 'equivalence-token';

export type Env = Record<string, string | undefined>;
/** Loaded modules by their path relative to the app root (`src/order-sync.js`). */
export type AppModules = Record<string, Record<string, unknown>>;

export interface Scenario {
  name: string;
  run(app: AppModules): Promise<unknown>;
}

export interface ScenarioRecording {
  name: string;
  requests: RecordedRequest[];
  /** What the scenario returned, or the message it threw. */
  result?: unknown;
  error?: string;
}

export interface FixtureCopy {
  dir: string;
  remove(): Promise<void>;
}

async function availableShims(): Promise<string[]> {
  const entries = await readdir(SHIMS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

async function declaredDependencies(appDir: string): Promise<string[]> {
  try {
    const pkg = JSON.parse(await readFile(path.join(appDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  } catch {
    return [];
  }
}

/**
 * Copy `fixtureDir` to a new temporary directory (its node_modules left behind) and put a client
 * shim in the copy's node_modules for each dependency the app declares that has one (or for `shims`).
 */
export async function copyFixture(fixtureDir: string, options: { shims?: string[] } = {}): Promise<FixtureCopy> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bc-equivalence-'));
  await cp(fixtureDir, dir, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'node_modules',
  });
  const known = await availableShims();
  const wanted = options.shims ?? (await declaredDependencies(dir)).filter((name) => known.includes(name));
  for (const name of wanted) {
    if (!known.includes(name)) throw new Error(`no client shim for "${name}" in ${SHIMS_DIR}`);
    await cp(path.join(SHIMS_DIR, name), path.join(dir, 'node_modules', name), { recursive: true });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

let freshness = 0;

/** Import a module as a new instance, so its top-level code (env reads, client creation) runs again. */
export async function importFresh<T = Record<string, unknown>>(file: string): Promise<T> {
  freshness += 1;
  return (await import(/* @vite-ignore */ `${pathToFileURL(file).href}?fresh=${freshness}`)) as T;
}

export async function loadApp(appDir: string, modules: readonly string[]): Promise<AppModules> {
  const app: AppModules = {};
  for (const module of modules) app[module] = await importFresh(path.join(appDir, module));
  return app;
}

/** Run `fn` with `env` applied to process.env (undefined deletes), then put process.env back. */
export async function withEnv<T>(env: Env, fn: () => Promise<T>): Promise<T> {
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Iterable<[string, string | undefined]>) => {
    for (const [key, value] of values) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(Object.entries(env));
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

export interface RecordOptions {
  appDir: string;
  /** Module paths relative to appDir, loaded fresh (after env is applied) before the scenarios run. */
  modules: readonly string[];
  scenarios: readonly Scenario[];
  /** A running stand-in; it is reset first, so the store data starts clean. */
  standin: Standin;
  env: Env;
}

/** Run the scenarios in order, one store for the whole list, and return what each one sent. */
export async function recordScenarios(options: RecordOptions): Promise<ScenarioRecording[]> {
  options.standin.reset();
  return withEnv(options.env, async () => {
    const app = await loadApp(options.appDir, options.modules);
    const recordings: ScenarioRecording[] = [];
    for (const scenario of options.scenarios) {
      const start = options.standin.requests.length;
      const recording: ScenarioRecording = { name: scenario.name, requests: [] };
      try {
        recording.result = await scenario.run(app);
      } catch (err) {
        recording.error = err instanceof Error ? err.message : String(err);
      }
      recording.requests = options.standin.requests.slice(start);
      recordings.push(recording);
    }
    return recordings;
  });
}

/** `GET /v2/orders`: the short form tests compare against. */
export function methodAndPath(request: RecordedRequest): string {
  return `${request.method} ${request.resourcePath}`;
}

/** What must be equal between a legacy request and its migrated counterpart. */
export function requestKey(request: RecordedRequest): string {
  return JSON.stringify([request.method, request.resourcePath, request.query, request.body]);
}

export interface RequestMismatch {
  scenario: string;
  index: number;
  legacy: string | null;
  gateway: string | null;
}

/** Compare two runs of the same scenarios request for request; an empty list means they match. */
export function compareRecordings(legacy: ScenarioRecording[], gateway: ScenarioRecording[]): RequestMismatch[] {
  const mismatches: RequestMismatch[] = [];
  const names = [...new Set([...legacy.map((r) => r.name), ...gateway.map((r) => r.name)])];
  for (const name of names) {
    const a = legacy.find((r) => r.name === name)?.requests ?? [];
    const b = gateway.find((r) => r.name === name)?.requests ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const left = a[i] ? requestKey(a[i]) : null;
      const right = b[i] ? requestKey(b[i]) : null;
      if (left !== right) mismatches.push({ scenario: name, index: i, legacy: left, gateway: right });
    }
  }
  return mismatches;
}

// ---------------------------------------------------------------------------------------------
// Second half: used once `fix` exists. The lead supplies `migrate`, which runs `fix` in the copy
// and returns the scopes the report printed; the assertions go in the per-app test.

export interface MigrationResult {
  /** The report's scope list, e.g. ['store_v2_orders', 'store_v2_products_read_only']. */
  scopes: string[];
}

export interface EquivalenceOptions {
  fixtureDir: string;
  modules: readonly string[];
  scenarios: readonly Scenario[];
  /** Env for both runs that is not a credential (e.g. WEBHOOK_BASE_URL). */
  sharedEnv?: Env;
  /** The legacy credentials' env (store URL, user, key). Unset during the gateway run, so a half-migrated app fails. */
  legacyEnv: Env;
  /** The migrated app's env for a token; default BIGCOMMERCE_ACCESS_TOKEN and BIGCOMMERCE_STORE_HASH. */
  gatewayEnv?: (token: string, storeHash: string) => Env;
  /** Rewrite the app in `appDir` (run `fix`) and say which scopes the report asks for. */
  migrate(appDir: string): Promise<MigrationResult>;
}

export interface ScopeProbe {
  scope: string;
  /** 'removed': token without the scope; 'downgraded': modify scope swapped for its read-only variant. */
  change: 'removed' | 'downgraded';
  /** True when at least one call was refused with 403 for a missing scope: the scope was needed. */
  refused: boolean;
}

export interface EquivalenceProof {
  scopes: string[];
  legacy: ScenarioRecording[];
  gateway: ScenarioRecording[];
  /** Differences between the two runs, request for request. Empty when equivalent. */
  mismatches: RequestMismatch[];
  /** Gateway requests with the full token that did not succeed. Empty when the scopes suffice. */
  failedGatewayRequests: RecordedRequest[];
  probes: ScopeProbe[];
  /** Scopes whose removal refused nothing, or whose read-only variant was enough. Empty when minimal. */
  spareScopes: string[];
}

export function defaultGatewayEnv(token: string, storeHash: string): Env {
  return { BIGCOMMERCE_ACCESS_TOKEN: token, BIGCOMMERCE_STORE_HASH: storeHash };
}

/**
 * The whole proof for one app: record the scenarios on the legacy API, migrate a fresh copy,
 * record them on the gateway with exactly the reported scopes, then probe every scope.
 * Starts and closes its own stand-ins: no other msw server may be listening meanwhile.
 */
export async function proveEquivalence(options: EquivalenceOptions): Promise<EquivalenceProof> {
  const gatewayEnvFor = options.gatewayEnv ?? defaultGatewayEnv;
  const legacyUnset = Object.fromEntries(Object.keys(options.legacyEnv).map((key) => [key, undefined]));
  const gatewayEnv: Env = { ...legacyUnset, ...options.sharedEnv, ...gatewayEnvFor(TEST_TOKEN, TEST_STORE_HASH) };

  const legacyCopy = await copyFixture(options.fixtureDir);
  const migratedCopy = await copyFixture(options.fixtureDir);
  try {
    const legacy = await withStandin([], (standin) =>
      recordScenarios({ ...options, appDir: legacyCopy.dir, standin, env: { ...options.sharedEnv, ...options.legacyEnv } }),
    );
    const { scopes } = await options.migrate(migratedCopy.dir);
    const runGateway = (granted: string[]) =>
      withStandin(granted, (standin) => recordScenarios({ ...options, appDir: migratedCopy.dir, standin, env: gatewayEnv }));

    const gateway = await runGateway(scopes);
    const failedGatewayRequests = gateway.flatMap((r) => r.requests).filter((r) => r.outcome !== 'ok');

    const probes: ScopeProbe[] = [];
    for (const scope of scopes) {
      const others = scopes.filter((s) => s !== scope);
      probes.push({ scope, change: 'removed', refused: refusedForScope(await runGateway(others)) });
      const readOnly = readOnlyVariant(scope);
      if (readOnly && !scopes.includes(readOnly)) {
        probes.push({ scope, change: 'downgraded', refused: refusedForScope(await runGateway([...others, readOnly])) });
      }
    }
    const spareScopes = [...new Set(probes.filter((p) => !p.refused).map((p) => p.scope))];
    return { scopes, legacy, gateway, mismatches: compareRecordings(legacy, gateway), failedGatewayRequests, probes, spareScopes };
  } finally {
    await legacyCopy.remove();
    await migratedCopy.remove();
  }
}

function refusedForScope(recordings: ScenarioRecording[]): boolean {
  return recordings.some((r) => r.requests.some((req) => req.outcome === 'missing-scope'));
}

async function withStandin<T>(scopes: string[], fn: (standin: Standin) => Promise<T>): Promise<T> {
  const standin = startStandin({ account: TEST_ACCOUNT, storeHash: TEST_STORE_HASH, tokens: { [TEST_TOKEN]: scopes } });
  try {
    return await fn(standin);
  } finally {
    standin.close();
  }
}
