// Files in a language or format the tool has no parser for (Java, Go, C#, PowerShell, a Jenkinsfile,
// a template: discover/unparsed-languages.ts), read as plain text; `key = value` files are read as
// config first (config-keyvalue.ts). A store host's /api/v2 URL written outside a comment is reported
// where it is written, its method and auth unknown; a base URL, or a store host and /api/v2 written
// apart, make a finding with no endpoint, so the report says it is incomplete rather than passing the
// file over. Never rewritten.
import { unparsedLanguageOf, type UnparsedLanguage } from '../../discover/unparsed-languages.ts';
import { makeFinding } from '../finding.ts';
import { judgeUrl, type UrlEvidence } from '../languages/evidence.ts';
import { withHoles } from '../partial.ts';
import { withoutUserinfo } from '../url.ts';
import type { Config, Finding, SourceLocation } from '../../types.ts';
import type { ConfigFileAnalysis } from './config-entries.ts';
import { analyzeKeyValueFile, isKeyValueFile } from './config-keyvalue.ts';
import { analyzePipelineSteps } from './jenkins.ts';

/** An http(s) URL up to a quote, a space or markup; interpolations (`{id}`, `${id}`, `%s`) stay inside. */
const URL_IN_TEXT = /https?:\/\/[^\s'"`<>()\\]+/g;
/** Interpolations that become holes: `${x}`, `#{x}`, `{x}`, `%s`/`%d`/`%v`, `$name`. */
const INTERPOLATION = /\$\{[^}]*\}|#\{[^}]*\}|\{[^}]*\}|%[-+ #0]*\d*(?:\.\d+)?[sdvqxfi]|\$[A-Za-z_]\w*/g;
const API_V2 = /\/api\/v2\b/i;
const BASIC_TOKEN = /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g;
const SUPPRESSION = 'bc-oauth-migrate-ignore';
/** What closes a comment that `UnparsedLanguage.comments` opens, stripped from a suppression's reason. */
const COMMENT_CLOSERS = ['--->', '-->', '*/', '*)', '#>', '}}'];
const STORE_DOMAIN = '.mybigcommerce.com';
// Bounded, so that a line of unclosed `<link`s stays linear.
const LINK_TAG = /<link\b[^>]{0,500}>/gi;
const RESOURCE_REL = /\brel\s*=\s*["']resource["']/i;

interface Line {
  text: string;
  number: number;
}

/** `language`: read the text as this language, whatever the file's name (a notebook's cells). */
export function analyzeUnparsedFile(file: string, text: string, config: Config, language?: UnparsedLanguage): ConfigFileAnalysis {
  // What a closer reading gives comes first: `key = value` files as config (account settings,
  // credentials, URL values), a Jenkins pipeline's `sh` steps as shell commands (method, auth). The
  // text reading adds what the other lines hold (`proxy_pass https://…;` in a .conf).
  const closer: ConfigFileAnalysis[] = [];
  if (!language && isKeyValueFile(file)) closer.push(analyzeKeyValueFile(file, text, config));
  if (!language && unparsedLanguageOf(baseName(file))?.name === 'Groovy') closer.push(analyzePipelineSteps(file, text, config));
  const read = new Set(closer.flatMap((a) => a.findings.flatMap((f) => linesOf(f.line, f.endLine))));
  const rest = analyzeAsText(file, text, config, language ?? unparsedLanguageOf(baseName(file)));
  return {
    findings: [...closer.flatMap((a) => a.findings), ...rest.findings.filter((f) => !read.has(f.line))],
    secrets: [...closer.flatMap((a) => a.secrets), ...rest.secrets],
  };
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function linesOf(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

function analyzeAsText(file: string, text: string, config: Config, language: UnparsedLanguage | null): ConfigFileAnalysis {
  const out: ConfigFileAnalysis = { findings: [], secrets: [] };
  if (!language) return out;
  const code = codeLines(text, language);
  for (const line of code) {
    let shown: string | undefined;
    const links = resourceLinks(line.text);
    for (const match of line.text.matchAll(URL_IN_TEXT)) {
      if (links.some(([start, end]) => match.index >= start && match.index < end)) continue;
      const written = match[0].replace(/[.,;:]+$/, '');
      const evidence = judgeUrl(withHoles(withoutUserinfo(written, out.secrets), INTERPOLATION), config);
      if (!evidence.legacy || !onStoreHost(evidence)) continue;
      const location = { file, line: line.number, column: (match.index ?? 0) + 1, endLine: line.number, endColumn: (match.index ?? 0) + written.length + 1 };
      // A base URL stands for requests whose paths are written elsewhere: no endpoint, so the report
      // says it is incomplete, even beside full URLs (it may serve other requests than theirs).
      shown ??= shownLine(line.text);
      out.findings.push(urlFinding(location, written, shown, evidence, language));
    }
  }
  if (out.findings.length === 0) {
    const apart = hostAndPathApart(code, file, language, config);
    if (apart) out.findings.push(apart);
  }
  if (out.findings.length > 0) keepBasicTokens(text, out.secrets);
  return out;
}

/**
 * Where a saved V2 XML response links a sub-resource: `<link rel="resource" href="https://…/api/v2/
 * customers/1/addresses.xml">/customers/1/addresses</link>` (V2's XML media type, as its 2013 docs
 * show). Such a URL is data the API returned, not a call; the JSON form is `"url"` beside `"resource"`.
 */
function resourceLinks(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const tag of line.matchAll(LINK_TAG)) {
    if (RESOURCE_REL.test(tag[0])) out.push([tag.index, tag.index + tag[0].length]);
  }
  return out;
}

/**
 * Suppression directives in comment lines, as the suppression parser reads comments: the text after
 * the comment's opening, without its closing.
 */
export function unparsedComments(file: string, text: string, language = unparsedLanguageOf(baseName(file))): Array<{ text: string; line: number; block: boolean }> {
  if (!language || !text.includes(SUPPRESSION)) return [];
  const comments: Array<{ text: string; line: number; block: boolean }> = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const opening = commentOpening(line, language);
    if (opening !== null && line.includes(SUPPRESSION)) comments.push({ text: withoutCloser(line.trim().slice(opening.length)), line: index + 1, block: false });
  });
  return comments;
}

function withoutCloser(body: string): string {
  const closer = COMMENT_CLOSERS.find((c) => body.endsWith(c));
  return closer ? body.slice(0, -closer.length) : body;
}

/** The lines that are not comment lines, numbered from 1, each without a comment that ends it. */
function codeLines(text: string, language: UnparsedLanguage): Line[] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (commentOpening(line, language) === null) lines.push({ text: withoutTrailingComment(line, language), number: index + 1 });
  });
  return lines;
}

const QUOTES = ['"', "'", '`'];

/** The line up to a comment that opens outside a string (`// "https://…"` after the code). */
function withoutTrailingComment(line: string, language: UnparsedLanguage): string {
  const markers = language.trailing;
  if (!markers) return line;
  const quotes = language.quotes ?? QUOTES;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (quotes.includes(c)) {
      quote = c;
    } else if (markers.some((marker) => line.startsWith(marker, i))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** What opens this line as a comment, or null when the line is code. */
function commentOpening(line: string, language: UnparsedLanguage): string | null {
  const start = line.trimStart().toLowerCase();
  return language.comments.find((opening) => start.startsWith(opening)) ?? null;
}

function onStoreHost(evidence: UrlEvidence): boolean {
  const host = evidence.host;
  return host !== null && (host.kind === 'store-hostname' || host.kind === 'mybigcommerce-other' || host.storeHashSource === 'config');
}

/** `written`: the URL as written (the finding's code, for its id); `shown`: its line as the report shows it. */
function urlFinding(location: SourceLocation, written: string, shown: string, evidence: UrlEvidence, language: UnparsedLanguage): Finding {
  const what = evidence.endpoint === null ? 'A legacy API base URL' : 'A legacy API URL';
  return makeFinding({
    rule: 'legacy-api-call',
    client: 'unknown-client',
    location,
    confidence: 'medium',
    host: evidence.host,
    method: null,
    endpoint: evidence.endpoint,
    fixable: false,
    message:
      `${what} (${evidence.shown}) is written in this ${language.name} file, which this tool reads as plain text: the request's method and auth are not known. ` +
      'Move the request to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header by hand.',
    code: written,
    notes: [...evidence.notes, unparsedNote(language)],
    snippet: shown,
  });
}

/**
 * A store host and /api/v2 written apart (`/api/v2` outside any URL, so not another service's): one
 * finding, no endpoint.
 */
function hostAndPathApart(code: readonly Line[], file: string, language: UnparsedLanguage, config: Config): Finding | null {
  if (!code.some((line) => API_V2.test(line.text.replace(URL_IN_TEXT, '')))) return null;
  for (const line of code) {
    const host = storeHostIn(line.text);
    if (!host) continue;
    const evidence = judgeUrl([{ text: `https://${host.name}/api/v2` }], config);
    if (!evidence.legacy || !onStoreHost(evidence)) continue;
    const column = host.index + 1;
    return makeFinding({
      rule: 'legacy-api-call',
      client: 'unknown-client',
      location: { file, line: line.number, column, endLine: line.number, endColumn: column + host.name.length },
      confidence: 'low',
      host: evidence.host,
      method: null,
      endpoint: null,
      fixable: false,
      message:
        `A store host (${host.name}) and the legacy path /api/v2 are both written in this ${language.name} file, apart; the tool reads it as plain text and cannot tell ` +
        'which requests they make. Check the file by hand, and move its requests to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header.',
      code: line.text.trim(),
      notes: [unparsedNote(language)],
      snippet: shownLine(line.text),
    });
  }
  return null;
}

/** The first `….mybigcommerce.com` host name written on a line, read back from the domain (linear). */
function storeHostIn(line: string): { name: string; index: number } | null {
  const lower = line.toLowerCase();
  // Each character is walked back over once: never past the end of the occurrence before.
  let floor = 0;
  for (let at = lower.indexOf(STORE_DOMAIN); at !== -1; at = lower.indexOf(STORE_DOMAIN, at + 1)) {
    let start = at;
    while (start > floor && /[a-z0-9.-]/.test(lower[start - 1])) start--;
    if (start < at && lower[start] !== '.' && lower[at - 1] !== '.') return { name: line.slice(start, at + STORE_DOMAIN.length), index: start };
    floor = at + STORE_DOMAIN.length;
  }
  return null;
}

/** Names said with a vowel sound first take "An": an Erlang, an R, an F#, an HTML template. */
const AN = /^(?:[AEIOU]|[FHLMNRSX](?:\b|#|TML))/;

function withArticle(name: string): string {
  return `${AN.test(name) ? 'An' : 'A'} ${name}`;
}

function unparsedNote(language: UnparsedLanguage): { kind: 'not-rewritable'; message: string } {
  return { kind: 'not-rewritable', message: `${withArticle(language.name)} file, read as plain text: reported, not rewritten.` };
}

/**
 * The line as the report shows it, with every string literal that looks like a key (eight or more
 * characters, no space, not a URL or a path) shown as `…`. Without a parser, a key written beside
 * the URL (`SetBasicAuth("app", "…")`, `ConvertTo-SecureString "…"`) cannot be told from other strings.
 */
function shownLine(line: string): string {
  const text = line.trim();
  let out = '';
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    let end = i + 1;
    while (end < text.length && text[end] !== quote) end += text[end] === '\\' ? 2 : 1;
    if (end >= text.length) break;
    if (looksLikeKey(text.slice(i + 1, end))) {
      out += text.slice(at, i + 1) + '…';
      at = end;
    }
    i = end;
  }
  return out + text.slice(at);
}

function looksLikeKey(value: string): boolean {
  return value.length >= 8 && !/\s/.test(value) && !value.includes('://') && !value.startsWith('/') && !/bigcommerce/i.test(value);
}

/** In a file that calls the legacy API, a Basic token written anywhere is a legacy key. */
function keepBasicTokens(text: string, secrets: string[]): void {
  for (const token of text.matchAll(BASIC_TOKEN)) secrets.push(token[1]);
}
