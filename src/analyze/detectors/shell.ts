// Shell scripts, Makefiles and Dockerfiles, and the commands config files hold (a CI step's `run:`,
// a package.json script): a command handed a legacy API URL is a legacy call. curl's and wget's options are read for the
// method and the basic auth; any other command is reported with what its URL alone says. Commands
// are read line by line, a line ending in `\` joined to the next. Never rewritten.
import { makeFinding } from '../finding.ts';
import { judgeUrl, type UrlEvidence } from '../languages/evidence.ts';
import { withHoles } from '../partial.ts';
import { withoutUserinfo } from '../url.ts';
import type { Config, Finding, HttpMethod, Note } from '../../types.ts';
import type { ConfigFileAnalysis } from './config-entries.ts';

/** A script as written: its text and where its first character is. */
export interface ShellCommand {
  text: string;
  line: number;
  column: number;
}

/**
 * Where a script taken from a config value is written in its file: `text` is the whole file, `start`
 * and `end` the offsets of the value as written (quotes included). The value read may differ from
 * what is written (JSON escapes, a YAML block's indentation), so commands are looked up there.
 */
export interface ScriptSource {
  text: string;
  start: number;
  end: number;
}

/** A command's span in its file, 1-based; `endColumn` is the column just past its last character. */
interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One logical line of a script: continuations joined, and its line within the script (1-based). */
interface ScriptLine {
  text: string;
  line: number;
}

/** An http(s) URL up to a quote, a space or a shell metacharacter; `$VAR` and `${VAR}` may sit inside. */
const URL_IN_TEXT = /https?:\/\/(?:\$\{[^}\s]*\}|[^\s'"`<>();|&\\])+/g;
/** Shell variables become holes: `https://$STORE/api/v2/orders` has a host not known statically. */
const SHELL_VARIABLE = /\$\{[^}\s]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\([^)]*\)/g;
const CURL_METHOD = /(?:^|\s)(?:-X\s*|--request(?:\s+|=))['"]?([A-Za-z]+)/;
const CURL_SENDS_DATA = /(?:^|\s)(?:-d|-F|--data(?:-[a-z]+)?|--form|--json|-T|--upload-file)(?=\s|=|['"$]|$)/;
const CURL_HEAD = /(?:^|\s)(?:-I|--head)(?=\s|$)/;
const WGET_METHOD = /--method[=\s]+['"]?([A-Za-z]+)/;
const WGET_SENDS_DATA = /--(?:post|body)-(?:data|file)\b/;
/**
 * Options that send basic auth, with their value: curl's `-u user:key` / `--user`, wget's `--user`,
 * `--password`, `--http-user`, `--http-password`, HTTPie's `-a user:key` / `--auth`.
 */
const CREDENTIAL_OPTION = /(?:^|\s)(--http-password|--password|--http-user|--user|--auth|-u|-a)(?:=|\s+)?(['"]?)([^\s'"]+)\2/g;
const PASSWORD_ONLY = new Set(['--password', '--http-password']);
const BASIC_HEADER = /Authorization:\s*Basic\s+(\$\([^)]*\)|\$\{[^}]+\}|[A-Za-z0-9+/=$]+)/i;
/** `user:key` as written inside a command substitution (quoted or not). */
const SUBSTITUTED_CREDENTIALS = /(['"]?)[^\s'":$()]*:([^\s'"$()|]+)\1/;
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function analyzeShellFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const out: ConfigFileAnalysis = { findings: [], secrets: [] };
  addScriptFindings(file, { text, line: 1, column: 1 }, config, out);
  return out;
}

/**
 * The findings of the commands of a script, added to `out`. Also used for config values that hold
 * commands (a CI step's `run:`, a package.json script), the first starting at `script.line` and
 * `script.column`; there, `knownClientsOnly` keeps prose that merely mentions a legacy URL from
 * counting as a request. With `source`, each command is located where the file has it written.
 */
export function addScriptFindings(file: string, script: ShellCommand, config: Config, out: ConfigFileAnalysis, knownClientsOnly = false, source?: ScriptSource): void {
  let cursor = source?.start ?? 0;
  for (const command of commandsOf(script.text)) {
    if (/^\s*#/.test(command.text)) continue;
    let span: () => Span;
    if (source) {
      const found = findWritten(command.text, source, cursor);
      if (found) cursor = found.end;
      const range = found ?? trimmedRange(source);
      span = () => spanOf(source.text, range.start, range.end);
    } else {
      span = () => spanInScript(command, script);
    }
    addCommandFindings(file, command.text, span, config, out, knownClientsOnly);
  }
}

/** The span of a command of a script written as is in the file, from `script.line`/`script.column` on. */
function spanInScript(command: ScriptLine, script: ShellCommand): Span {
  const line = script.line + command.line - 1;
  // The script's first line starts at its column; a later line starts the file's line.
  const base = command.line === 1 ? script.column : 1;
  const leading = command.text.length - command.text.trimStart().length;
  const lastBreak = command.text.lastIndexOf('\n');
  const last = command.text.slice(lastBreak + 1).trimEnd();
  return {
    line,
    column: base + leading,
    endLine: line + countLineBreaks(command.text),
    endColumn: (lastBreak === -1 ? base : 1) + last.length,
  };
}

/**
 * Offsets of a command in the file: each of its lines, trimmed, looked up in order from `from`, inside
 * the value as written. Null when a line is not written as read (a JSON escape inside it).
 */
function findWritten(command: string, source: ScriptSource, from: number): { start: number; end: number } | null {
  let start = -1;
  let end = from;
  for (const part of command.split('\n')) {
    const text = part.trim();
    if (text === '') continue;
    const at = source.text.indexOf(text, end);
    if (at === -1 || at + text.length > source.end) return null;
    if (start === -1) start = at;
    end = at + text.length;
  }
  return start === -1 ? null : { start, end };
}

/** The whole value as written, without the blank space around it: where the command is when it cannot be found. */
function trimmedRange(source: ScriptSource): { start: number; end: number } {
  let { start, end } = source;
  while (end > start && /\s/.test(source.text[end - 1])) end--;
  while (start < end && /\s/.test(source.text[start])) start++;
  return { start, end };
}

function spanOf(text: string, start: number, end: number): Span {
  const from = positionOf(text, start);
  const to = positionOf(text, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

function addCommandFindings(file: string, commandText: string, span: () => Span, config: Config, out: ConfigFileAnalysis, knownClientsOnly: boolean): void {
  for (const text of simpleCommands(commandText)) {
    const client = clientOf(text);
    if (knownClientsOnly && client === 'unknown-client') continue;
    const auth = basicAuthOf(text, out.secrets);
    for (const match of text.matchAll(URL_IN_TEXT)) {
      const url = withoutUserinfo(match[0], out.secrets);
      const evidence = judgeUrl(withHoles(url, SHELL_VARIABLE), config);
      const storeHost = evidence.host?.kind === 'store-hostname' || evidence.host?.kind === 'mybigcommerce-other';
      // On a custom domain, as for calls in code: only with basic auth in sight and a V2 resource.
      if (!evidence.legacy || (!storeHost && !(auth.sent && evidence.endpoint !== null))) continue;
      out.findings.push(callFinding(file, commandText, span(), client, methodOf(client, text), auth, evidence, storeHost));
    }
  }
}

/**
 * The simple commands of a line (`a && b; c | d`): each has its own options. A separator inside
 * quotes or a command substitution (`$(printf 'a:b' | base64)`) belongs to the command around it.
 */
function simpleCommands(text: string): string[] {
  const out: string[] = [];
  let quote = '';
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || c === '|' || (c === '&' && text[i + 1] === '&'))) {
      out.push(text.slice(from, i));
      if (text[i + 1] === c) i++;
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** Located at the command, first line to last, so that its snippet is the command as written. */
function callFinding(file: string, command: string, span: Span, client: string, method: HttpMethod | null, auth: { sent: boolean; how: string }, evidence: UrlEvidence, storeHost: boolean): Finding {
  const notes: Note[] = [...evidence.notes, { kind: 'not-rewritable', message: 'A shell command: reported, not rewritten.' }];
  const authText = auth.sent ? ` with basic auth (${auth.how})` : '';
  return makeFinding({
    rule: 'legacy-api-call',
    client,
    location: { file, ...span },
    confidence: storeHost && auth.sent ? 'high' : 'medium',
    host: evidence.host,
    method,
    endpoint: evidence.endpoint,
    fixable: false,
    message:
      `${method ?? 'A request'} ${evidence.endpoint ?? evidence.shown} goes to the legacy API${authText}, via ${client}. ` +
      'Send it to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header instead, by hand.',
    code: command,
    notes,
    snippet: command.trim(),
  });
}

/** Logical lines: a line ending in an unescaped `\` goes on with the next. */
function commandsOf(text: string): ScriptLine[] {
  const lines = text.split(/\r?\n/);
  const commands: ScriptLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    // Each line is looked at once (a generated script may continue thousands of lines).
    const parts = [lines[i]];
    while (CONTINUED.test(lines[i]) && i + 1 < lines.length) {
      parts[parts.length - 1] = lines[i].slice(0, -1);
      parts.push(lines[++i]);
    }
    commands.push({ text: parts.join('\n'), line: start + 1 });
  }
  return commands;
}

const CONTINUED = /(?:^|[^\\])\\$/;

function clientOf(text: string): string {
  const word = /(?:^|[\s;&|(`$])(curl|wget|http|https|xh|httpie)(?=\s)/.exec(text)?.[1];
  return word === 'https' || word === 'xh' || word === 'httpie' ? 'httpie' : (word ?? 'unknown-client');
}

function methodOf(client: string, text: string): HttpMethod | null {
  const upper = (word: string | undefined) => (word && HTTP_METHODS.has(word.toUpperCase()) ? (word.toUpperCase() as HttpMethod) : null);
  if (client === 'curl') {
    const named = CURL_METHOD.exec(text)?.[1];
    if (named) return upper(named);
    if (CURL_HEAD.test(text)) return 'HEAD';
    return CURL_SENDS_DATA.test(text) ? 'POST' : 'GET';
  }
  if (client === 'wget') {
    const named = WGET_METHOD.exec(text)?.[1];
    if (named) return upper(named);
    return WGET_SENDS_DATA.test(text) ? 'POST' : 'GET';
  }
  if (client === 'httpie') return upper(/(?:^|\s)(?:https?|xh|httpie)\s+(?:-\S+\s+)*([A-Za-z]+)\s+https?:/.exec(text)?.[1]) ?? null;
  return null;
}

/** Whether the command sends basic auth; every hard-coded password or token in it joins the secrets. */
function basicAuthOf(text: string, secrets: string[]): { sent: boolean; how: string } {
  let how = '';
  const header = BASIC_HEADER.exec(text);
  if (header) {
    if (!header[1].includes('$')) secrets.push(header[1]);
    // `Basic $(printf 'app:KEY' | base64)`: the key is written inside the substitution.
    const inside = SUBSTITUTED_CREDENTIALS.exec(header[1])?.[2];
    if (inside && !inside.startsWith('$')) secrets.push(inside);
    how = 'Authorization header';
  }
  for (const [, option, , value] of text.matchAll(CREDENTIAL_OPTION)) {
    if (option === '-a' && !value.includes(':')) continue; // `cp -a`, `ls -al`: not HTTPie's auth
    const password = PASSWORD_ONLY.has(option) ? value : value.includes(':') ? value.slice(value.indexOf(':') + 1) : '';
    if (password && !password.startsWith('$')) secrets.push(password);
    how ||= 'user option';
  }
  if (!how && /(?:^|\s)--basic\b/.test(text)) how = 'user option';
  return { sent: how !== '', how };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
