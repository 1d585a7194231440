// The part every config-format detector shares: given the key/value entries of one file, grouped
// the way the format groups them, decide which hold legacy store credentials, which are legacy API
// URLs on their own, and which are commands that call the legacy API (shell.ts reads those).
import { makeFinding } from '../finding.ts';
import { classifyHost } from '../hosts.ts';
import { judgeUrl } from '../languages/evidence.ts';
import { isTooShortForASecret, redactSecret } from '../../redact.ts';
import { redactSnippet, snippetOf } from '../snippet.ts';
import { withoutUserinfo } from '../url.ts';
import { addScriptFindings } from './shell.ts';
import type { Config, Finding, HostInfo, Note } from '../../types.ts';

export interface ConfigEntry {
  /** Dotted key path as written (`bigcommerce.store_url`, `BC_STORE_URL`). */
  key: string;
  value: string;
  line: number;
  column: number;
  /** Entries in the same group (same object, or the whole .env file) are read together. */
  group: string;
  /** Where the value's text starts, when not on the key's line (a YAML block scalar `run: |`). */
  valueLine?: number;
  /** Offsets in the file's text of the value as written (quotes included), when the reader knows them. */
  valueStart?: number;
  valueEnd?: number;
}

export interface ConfigFileAnalysis {
  findings: Finding[];
  secrets: string[];
}

/** Key names of a legacy account's user and key; the rewrite of `.env` templates removes the same ones. */
export const USERNAME_KEY = /(^|[._-])(user(name)?|login|api_?user|email)$/i;
export const SECRET_KEY = /(api_?key|api_?token|token|password|passwd|pass|secret)$|^key$/i;
const BIGCOMMERCE_WORD = /bigcommerce|(^|[._-])bc([._-]|$)/i;

/** Values that stand for a credential rather than being one. */
const PLACEHOLDER = /^(|x+|\*+|changeme|change_me|secret|password|your[-_ ].*|<.*>|\$\{.*\}|%.*%|\{\{.*\}\}|todo|null|none|example)$/i;

/**
 * The value without a comment after it (`commentStart`, such as ` #`): after its closing quote when
 * it is quoted, where the comment may hold anything.
 */
export function withoutComment(value: string, commentStart: RegExp): string {
  if (/^["']/.test(value)) {
    const close = value.indexOf(value[0], 1);
    return close === -1 ? value : value.slice(0, close + 1);
  }
  const at = value.search(commentStart);
  return at === -1 ? value : value.slice(0, at).trimEnd();
}

/** A value without the one pair of quotes around it. */
export function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2] : value;
}

/**
 * What `fix` does with the file: a real `.env` holds live secrets and is only reported; a `.env`
 * template's account settings are rewritten (../../rewrite/env-example.ts); other config is
 * reported for a person to change.
 */
export type ConfigFileRole = 'real-env' | 'env-template' | 'config';

export function analyzeConfigEntries(file: string, text: string, entries: ConfigEntry[], config: Config, role: ConfigFileRole): ConfigFileAnalysis {
  const realEnvFile = role === 'real-env';
  const rewritten = role === 'env-template';
  const findings: Finding[] = [];
  const secrets: string[] = [];
  const groups = new Map<string, ConfigEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.group) ?? [];
    list.push(entry);
    groups.set(entry.group, list);
  }
  // URLs a credentials finding stands for; every other legacy API URL is reported on its own.
  const accountUrls = new Set<ConfigEntry>();
  for (const group of groups.values()) {
    const urlEntry = group.find((e) => isLegacyStoreUrl(e));
    if (!urlEntry) {
      findings.push(...leftoverKeys(file, text, group, secrets));
      continue;
    }
    const userEntry = group.find((e) => USERNAME_KEY.test(leafKey(e.key)));
    const keyEntries = group.filter((e) => e !== urlEntry && (SECRET_KEY.test(leafKey(e.key)) || SECRET_KEY.test(lastTwoKeys(e.key))));
    if (!userEntry && keyEntries.length === 0) continue;
    accountUrls.add(urlEntry);

    const host = hostOf(urlEntry.value, config);
    const notes: Note[] = [];
    if (realEnvFile) {
      notes.push({
        kind: 'real-env-file',
        message: 'This looks like a real environment file: it is reported, never rewritten. Replace the values by hand and rotate the key.',
      });
    }
    findings.push(
      makeFinding({
        rule: 'legacy-credentials-config',
        client: clientName(file),
        location: at(file, urlEntry),
        confidence: userEntry && keyEntries.length > 0 ? 'high' : 'medium',
        host,
        method: null,
        endpoint: null,
        fixable: rewritten,
        message: `Legacy API account settings: store URL in \`${urlEntry.key}\` beside ${describeCredentialKeys(userEntry, keyEntries)}. Replace them with ${config.storeHashEnv} and ${config.tokenEnv}.`,
        code: `${urlEntry.key}=${urlEntry.value}`,
        notes,
        snippet: lineAsWritten(text, urlEntry),
      }),
    );
    for (const keyEntry of keyEntries) {
      if (PLACEHOLDER.test(keyEntry.value.trim()) || isTooShortForASecret(keyEntry.value)) continue;
      secrets.push(keyEntry.value);
      findings.push(
        makeFinding({
          rule: 'hardcoded-credential',
          client: clientName(file),
          location: at(file, keyEntry),
          confidence: 'high',
          host,
          method: null,
          endpoint: null,
          fixable: rewritten,
          message: `A legacy API credential is written in \`${keyEntry.key}\`. Delete it from the file (and from history), rotate it, and delete the legacy API account once migrated.`,
          code: `${keyEntry.key}=<credential>`,
          notes: [...notes],
          snippet: lineAsWritten(text, keyEntry, keyEntry.value),
        }),
      );
    }
  }
  const commands: ConfigFileAnalysis = { findings, secrets };
  const links = resourceLinkGroups(groups);
  for (const entry of entries) {
    if (accountUrls.has(entry) || links.has(entry.group)) continue;
    const finding = legacyApiUrlFinding(file, text, entry, config, secrets, realEnvFile);
    if (finding) findings.push(finding);
    // A value that holds a URL without being one may be a command (`run: curl -u ... https://...`).
    else if (/\s/.test(entry.value.trim()) && entry.value.includes('://')) {
      const source = entry.valueStart !== undefined && entry.valueEnd !== undefined ? { text, start: entry.valueStart, end: entry.valueEnd } : undefined;
      addScriptFindings(file, { text: entry.value, line: entry.valueLine ?? entry.line, column: entry.column }, config, commands, true, source);
    }
  }
  return { findings, secrets };
}

/**
 * Groups shaped like the V2 API's resource links, `{ "url": "https://store-….mybigcommerce.com/api/v2/orders/1/products",
 * "resource": "/orders/1/products" }`: a saved API response (a test fixture), whose URLs nothing calls
 * as written (BCFACTS §3.4, "Resource links in bodies").
 */
function resourceLinkGroups(groups: ReadonlyMap<string, ConfigEntry[]>): Set<string> {
  const links = new Set<string>();
  for (const [group, list] of groups) {
    if (list.some((e) => leafKey(e.key) === 'resource' && e.value.trim().startsWith('/')) && list.some((e) => leafKey(e.key) === 'url')) links.add(group);
  }
  return links;
}

/**
 * A value that is a legacy API URL, with no account settings beside it: a table of endpoints, a base
 * URL read by code the analysis cannot follow (`JSON.parse(readFileSync(...))`). A bare store URL is
 * not one (it is also the storefront's address); the /api/v2 path is what says legacy API.
 */
function legacyApiUrlFinding(file: string, text: string, entry: ConfigEntry, config: Config, secrets: string[], realEnvFile: boolean): Finding | null {
  if (!isLegacyStoreUrl(entry) || !/^\/api\/v2(\/|$)/i.test(new URL(entry.value.trim()).pathname)) return null;
  const evidence = judgeUrl([{ text: withoutUserinfo(entry.value.trim(), secrets) }], config);
  const notes: Note[] = [...evidence.notes];
  if (realEnvFile) notes.push({ kind: 'real-env-file', message: 'This looks like a real environment file: it is reported, never rewritten.' });
  return makeFinding({
    rule: 'legacy-api-url',
    client: clientName(file),
    location: at(file, entry),
    confidence: 'medium',
    host: evidence.host,
    method: null,
    endpoint: evidence.endpoint,
    fixable: false,
    message:
      `\`${entry.key}\` holds a legacy API URL (${evidence.shown}): the code that reads it talks to the legacy API. ` +
      'Move those requests to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header, then replace the value.',
    code: `${entry.key}=${entry.value}`,
    notes,
    snippet: lineAsWritten(text, entry),
  });
}

function isLegacyStoreUrl(entry: ConfigEntry): boolean {
  const value = entry.value.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'api.bigcommerce.com') return false;
  const storeHost = host.endsWith('.mybigcommerce.com');
  const apiPath = /^\/api\/v2(\/|$)/.test(url.pathname);
  if (storeHost) return url.pathname === '/' || url.pathname === '' || apiPath;
  // A custom domain only counts with the legacy API path and a BigCommerce name on the key.
  return apiPath && BIGCOMMERCE_WORD.test(entry.key);
}

function hostOf(value: string, config: Config): HostInfo {
  try {
    return classifyHost(new URL(value.trim()).hostname, config.stores);
  } catch {
    return classifyHost(null, config.stores);
  }
}

function leafKey(key: string): string {
  const parts = key.split('.');
  return parts[parts.length - 1];
}

/** `shop.api.key` as `api_key`: a dotted path may spell a credential's name across its last two keys. */
function lastTwoKeys(key: string): string {
  return key.split('.').slice(-2).join('_');
}

function describeCredentialKeys(user: ConfigEntry | undefined, keys: ConfigEntry[]): string {
  const names = [user, ...keys].filter((e): e is ConfigEntry => Boolean(e)).map((e) => `\`${e.key}\``);
  return names.join(' and ');
}

function clientName(file: string): string {
  const base = file.split('/').pop() ?? file;
  if (base.startsWith('.env')) return 'env';
  if (/\.ya?ml$/i.test(base)) return 'yaml';
  // `.properties`, `.ini`, `.cfg`, `.conf`, `.toml`: named by their own format.
  return /\.(properties|ini|cfg|conf|toml)$/i.exec(base)?.[1].toLowerCase() ?? 'json';
}

/** Names of a legacy account's key (not an OAuth token, which sits beside a gateway URL by right). */
const LEGACY_KEY = /(api_?key|apikey|password|passwd|pass)$|^key$/i;

/**
 * A legacy username and key left beside the OAuth gateway's URL: what a half-done migration leaves
 * (`fix` rewrote the URL the code reads). The key still opens the legacy API until the account is
 * deleted, so it is reported as long as it is written there.
 */
function leftoverKeys(file: string, text: string, group: readonly ConfigEntry[], secrets: string[]): Finding[] {
  const gateway = group.find((e) => /^https:\/\/api\.bigcommerce\.com\/stores\//i.test(e.value.trim()));
  const user = group.find((e) => USERNAME_KEY.test(leafKey(e.key)));
  if (!gateway || !user) return [];
  const keys = group.filter((e) => LEGACY_KEY.test(leafKey(e.key)) && !PLACEHOLDER.test(e.value.trim()) && !isTooShortForASecret(e.value));
  return keys.map((keyEntry) => {
    secrets.push(keyEntry.value);
    return makeFinding({
      rule: 'hardcoded-credential',
      client: clientName(file),
      location: at(file, keyEntry),
      confidence: 'high',
      host: null,
      method: null,
      endpoint: null,
      fixable: false,
      message: `A legacy API key is still written in \`${keyEntry.key}\`, beside \`${user.key}\` and the OAuth gateway's URL in \`${gateway.key}\`. Delete both from the file (and from history), rotate the key, and delete the legacy API account.`,
      code: `${keyEntry.key}=<credential>`,
      notes: [],
      snippet: lineAsWritten(text, keyEntry, keyEntry.value),
    });
  });
}

/** Longer lines (minified JSON) are shown as `key: value` instead. */
const MAX_SNIPPET_LINE = 240;

/**
 * The entry's line as written, for the code frame, with `secret` blanked in it. Only a line that
 * holds this entry alone is shown: another value on it (YAML flow style, a JSON array, a comment)
 * may be a key no reader recognised. Otherwise, or when the line does not show the entry plainly
 * (too long, a Secret's base64 value), `key: value` stands for it.
 */
function lineAsWritten(text: string, entry: ConfigEntry, secret?: string): string {
  const line = snippetOf(text, entry.line, entry.line);
  const key = leafKey(entry.key);
  const value = secret ?? entry.value;
  const plain = line.length <= MAX_SNIPPET_LINE && line.includes(key) && line.includes(value) && !/[A-Za-z0-9]/.test(line.replace(key, '').replace(value, '').replace(/^\s*export\s/, ''));
  if (!plain) return `${entry.key}: ${secret === undefined ? entry.value : redactSecret(secret)}`;
  return secret === undefined ? line : redactSnippet(line, [secret]);
}

function at(file: string, entry: ConfigEntry) {
  return {
    file,
    line: entry.line,
    column: entry.column,
    endLine: entry.line,
    endColumn: entry.column + entry.key.length,
  };
}
