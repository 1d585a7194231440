// Redaction: applied once to the report before any reporter sees it, and to every other text the
// tool writes out (diffs, patch files, the review screen, the scan result kept on disk).
import type { Report, SecretSet } from './types.ts';

const MARK = '…(redacted)';
const PREFIX_MIN_LENGTH = 12;

/** `e3b0…(redacted)`: the first 4 characters only when the value is long enough to keep them safely. */
export function redactSecret(value: string): string {
  if (value.includes(MARK)) return value;
  return value.length >= PREFIX_MIN_LENGTH ? value.slice(0, 4) + MARK : MARK;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A value this short (`'X'`, Freshdesk's dummy password) is no credential worth redacting: it would
 * only garble ordinary text (`X-Auth-Token`). Collectors skip it, and the redactor ignores it.
 */
export const MIN_SECRET_LENGTH = 3;

export function isTooShortForASecret(value: string): boolean {
  return value.trim().length < MIN_SECRET_LENGTH;
}

/** The forms a known secret may take in text: as written and URL-encoded. */
function secretForms(secrets: SecretSet): string[] {
  const forms = new Set<string>();
  for (const value of secrets.values) {
    if (isTooShortForASecret(value)) continue;
    forms.add(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) forms.add(encoded);
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

const SHORT_SECRET = 8;

function wholeWord(form: string): string {
  return `(?<![A-Za-z0-9_])${escapeRegExp(form)}(?![A-Za-z0-9_])`;
}

function replaceKnownSecrets(text: string, secrets: SecretSet, shortOnesToo = true): string {
  const forms = secretForms(secrets).filter((form) => shortOnesToo || form.length >= SHORT_SECRET);
  if (forms.length === 0) return text;
  // One pass, so a replacement is never itself searched for another secret. A short secret
  // ('store', 'p') is only matched as a whole word: inside longer words it is not the secret.
  const pattern = new RegExp(forms.map((form) => (form.length < SHORT_SECRET ? wholeWord(form) : escapeRegExp(form))).join('|'), 'g');
  return text.replace(pattern, (match) => redactSecret(match));
}

/** True when a token after `Basic ` is an encoded credential rather than a word of prose. */
function looksLikeBasicToken(token: string): boolean {
  if (token.length < 8) return false;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  if (decoded.includes(':')) return true;
  if (/[0-9+/=]/.test(token)) return true;
  const upper = token.replace(/[^A-Z]/g, '').length;
  const lower = token.replace(/[^a-z]/g, '').length;
  return upper >= 2 && lower >= 2;
}

const BASIC_TOKEN = /\bBasic(\s+)([A-Za-z0-9+/]+={0,2})(?![A-Za-z0-9+/=])/g;

function redactBasicTokens(text: string): string {
  return text.replace(BASIC_TOKEN, (whole, space: string, token: string) =>
    looksLikeBasicToken(token) ? `Basic${space}${redactSecret(token)}` : whole,
  );
}

/**
 * A password in URL userinfo: `scheme://user:PASS@`. The scheme starts where a run of scheme
 * characters starts, so a long run (`a.a.a.…`) is read once, not once from each of its characters.
 */
const URL_USERINFO = /((?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#'"`]*:)([^\s@/?#'"`]+)@/gi;

/** `${x}`, `$NAME`, and Make's escaped `$${x}` / `$$NAME`; `%s`. */
function isExpression(value: string): boolean {
  return /^\$\$?\{[^}]*\}$/.test(value) || /^\$\$?[A-Za-z_]\w*$/.test(value) || /^%[sd]$/.test(value);
}

function redactUrlPasswords(text: string): string {
  return text.replace(URL_USERINFO, (whole, head: string, password: string) =>
    isExpression(password) ? whole : `${head}${redactSecret(password)}@`,
  );
}

/**
 * Names whose value is a credential: `BC_API_KEY`, `password`, `ACCESS_TOKEN`, `apiKey`, `pass`, and a
 * bare `key` (an option of a client the tool does not know, `{ url, key: '…' }`, whose call line a
 * finding shows).
 */
const SECRET_NAME = String.raw`[A-Za-z_][\w.-]*?(?:api[_-]?key|apikey|password|passwd|pass|pwd|secret|token)|api[_-]?key|apikey|password|passwd|pass|pwd|secret|token|key`;

/** Unquoted `.env` / YAML values: `API_KEY=value`, `export PASSWORD=value`, `token: value`. */
const ENV_LINE = new RegExp(
  String.raw`^([ \t]*(?:export[ \t]+)?(?:${SECRET_NAME})[ \t]*[=:][ \t]*)()([^\s"'#\x60][^\s#]*)`,
  'gim',
);

/** Query parameters: `?api_key=value`, `&password=value`. */
const QUERY_PARAM = new RegExp(String.raw`([?&](?:${SECRET_NAME})=)()([^&#\s"'\x60]+)`, 'gi');

/**
 * Quoted literals assigned to a credential name in code or JSON: `password: 'x'`, `"api_key": "x"`.
 * A name starts where a dotted name starts (`config.password`), so a long dotted run is read once.
 */
const QUOTED_ASSIGNMENT = new RegExp(
  String.raw`((?:^|[^\w$.-])["']?(?:${SECRET_NAME})["']?[ \t]*(?:=|:)[ \t]*)(["'\x60])([^"'\x60\r\n]+)\2`,
  'gim',
);

/** Values that name where a credential comes from rather than being one. */
function isReference(value: string): boolean {
  return (
    isExpression(value) ||
    value.startsWith('${') ||
    /^(process\.env|import\.meta\.env|os\.environ|ENV\[|getenv)/.test(value) ||
    /[(),;{}[\]]/.test(value)
  );
}

function redactAssignments(text: string): string {
  const redactValue = (whole: string, head: string, quote: string, value: string): string =>
    isReference(value) ? whole : `${head}${quote}${redactSecret(value)}${quote}`;
  return text
    .replace(QUOTED_ASSIGNMENT, redactValue)
    .replace(ENV_LINE, redactValue)
    .replace(QUERY_PARAM, redactValue);
}

/** A Basic token made in a shell command substitution from a written key: `Basic $(printf 'app:KEY' | base64)`. */
const SUBSTITUTED_BASIC = /(Basic\s+\$\([^)]*?['"\s][^\s'":$()]*:)([^\s'"$()|]+)/g;

/** Command-line credentials: `--password KEY`, `--http-password=KEY` (wget). */
const OPTION_PASSWORD = /((?:^|\s)--(?:http-)?password(?:=|[ \t]+))(['"]?)([^\s'"]+)\2/g;
/** `-u user:KEY`, `--user=user:KEY` (curl, wget), `-a user:KEY`, `--auth user:KEY` (HTTPie). */
const OPTION_USERINFO = /((?:^|\s)(?:-u|--user|--http-user|-a|--auth)(?:=|[ \t]+)?(['"]?)[^\s'":]*:)([^\s'"]+)\2/g;

function redactCommandOptions(text: string): string {
  const redactValue = (whole: string, head: string, quote: string, value: string): string =>
    isReference(value) || value.startsWith('$') ? whole : `${head}${redactSecret(value)}${quote}`;
  return text.replace(OPTION_PASSWORD, (whole, head: string, quote: string, value: string) => redactValue(whole, `${head}${quote}`, quote, value))
    .replace(OPTION_USERINFO, redactValue)
    .replace(SUBSTITUTED_BASIC, (whole, head: string, value: string) => `${head}${redactSecret(value)}`);
}

/**
 * Blanks every known secret, and whatever looks like a credential even when the set missed it:
 * text shaped like a legacy API key, Basic tokens, URL passwords, credential assignments and
 * credentials given as command options or written into a command that makes a Basic token.
 */
export function redactText(text: string, secrets: SecretSet, shortOnesToo = true): string {
  let out = replaceKnownSecrets(text, secrets, shortOnesToo);
  out = redactLegacyKeyShapes(out);
  out = redactBasicTokens(out);
  out = redactUrlPasswords(out);
  out = redactCommandOptions(out);
  return redactAssignments(out);
}

/**
 * A legacy API key is 40 hexadecimal characters. One written where no reader recognises it (a
 * comment above a removed key, a debug header) is blanked all the same: a commit id of the same
 * shape in a snippet is a small price for never printing a live key.
 */
const LEGACY_KEY_SHAPE = /(?<![0-9A-Za-z])[0-9a-f]{40}(?![0-9A-Za-z])/g;

function redactLegacyKeyShapes(text: string): string {
  return text.replace(LEGACY_KEY_SHAPE, (key) => redactSecret(key));
}

/** `user:pass@host` without a scheme, as a host name may hold it. */
function redactBareUserinfo(text: string): string {
  return text.replace(/^([^\s:@/]*:)([^\s@/]+)@/, (whole, head: string, password: string) =>
    isExpression(password) ? whole : `${head}${redactSecret(password)}@`,
  );
}

/**
 * Fields that hold the tool's own vocabulary or structure (rule ids, scope names, enum values,
 * paths, fingerprints) rather than text taken from the code. Long secrets are still blanked there,
 * for safety; a short one ('store', 'p') is not, or it would garble the vocabulary itself.
 */
const FIXED_FIELDS = new Set(['id', 'rule', 'kind', 'scope', 'access', 'method', 'endpoint', 'confidence', 'client', 'role', 'storeHashSource', 'label', 'file', 'root', 'reason', 'locations', 'tool']);

function redactValue(value: unknown, secrets: SecretSet, key: string | null, fixed = false): unknown {
  const inFixed = fixed || (key !== null && FIXED_FIELDS.has(key));
  if (typeof value === 'string') {
    const out = redactText(value, secrets, !inFixed);
    return key === 'name' ? redactBareUserinfo(out) : out;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, null, inFixed));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = redactValue(v, secrets, k, inFixed);
    return copy;
  }
  return value;
}

/** A deep copy of the report with every string redacted; the input is left as it was. */
export function redactReport(report: Report, secrets: SecretSet): Report {
  return redactValue(report, secrets, null) as Report;
}
