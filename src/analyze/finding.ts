import { createHash } from 'node:crypto';
import { findResource, resolveScope, scopeNotes } from '../scopes/resolve.ts';
import type {
  Confidence,
  Finding,
  HostInfo,
  HttpMethod,
  Note,
  NoteKind,
  RuleId,
  SourceLocation,
  TraceStep,
} from '../types.ts';

/** What a detector knows about one finding; `makeFinding` adds the scope, the standard notes and the id. */
export interface FindingInput {
  rule: RuleId;
  client: string;
  location: SourceLocation;
  confidence: Confidence;
  host: HostInfo | null;
  method: HttpMethod | null;
  endpoint: string | null;
  fixable: boolean;
  message: string;
  /** The finding's source text; its whitespace-folded form feeds the id so the id survives lines moving. */
  code: string;
  notes?: Note[];
  trace?: TraceStep[];
  snippet?: string;
}

/**
 * Rules whose findings are requests, request factories or the URL requests are sent to, and
 * therefore cost a scope.
 */
export const REQUEST_RULES: ReadonlySet<RuleId> = new Set(['legacy-api-call', 'legacy-request-wrapper', 'legacy-library-config', 'legacy-api-url']);

export function makeFinding(input: FindingInput): Finding {
  const notes = [...(input.notes ?? [])];
  let scope: string | null = null;
  if (REQUEST_RULES.has(input.rule) && input.endpoint) {
    const resolution = resolveScope(input.method, input.endpoint);
    scope = resolution.scope;
    if (resolution.defaultScope) {
      addNote(notes, 'default-scope', findResource(input.endpoint)?.notes ?? 'Needs no selectable scope: every OAuth account has the default scope.');
    }
    for (const note of scopeNotes(input.method, input.endpoint)) addNote(notes, note.kind, note.message);
  }
  if (input.rule === 'legacy-api-call' && input.method === null) {
    addNote(notes, 'dynamic-method', 'The HTTP method cannot be resolved statically.');
  }
  if ((input.rule === 'legacy-api-call' || input.rule === 'legacy-api-url') && input.endpoint === null) {
    addNote(notes, 'dynamic-endpoint', 'The request path cannot be resolved statically, so its scope is unknown.');
  }
  addHostNotes(notes, input.host);

  return {
    id: findingId(input.rule, input.location.file, input.endpoint, input.code),
    rule: input.rule,
    file: input.location.file,
    line: input.location.line,
    column: input.location.column,
    endLine: input.location.endLine,
    endColumn: input.location.endColumn,
    confidence: input.confidence,
    host: input.host,
    method: input.method,
    endpoint: input.endpoint,
    scope,
    client: input.client,
    fixable: input.fixable,
    message: input.message,
    notes,
    trace: input.trace ?? [],
    ...(input.snippet !== undefined ? { snippet: windowed(input.snippet, input.location.column) } : {}),
  };
}

function addHostNotes(notes: Note[], host: HostInfo | null): void {
  if (!host) return;
  if (host.kind === 'unknown') {
    addNote(notes, 'dynamic-host', 'The host cannot be resolved statically; check that it is a BigCommerce store.');
  } else if (!host.storeHash && !host.storeHashExpression && (host.kind === 'custom-domain' || host.kind === 'mybigcommerce-other')) {
    addNote(
      notes,
      'custom-domain-no-hash',
      `${host.name ?? 'This host'} carries no store hash; add it to the config file's \`stores:\` mapping or read it from GET /api/v2/store (field \`id\`).`,
    );
  }
}

function addNote(notes: Note[], kind: Note['kind'], message: string): void {
  if (!notes.some((n) => n.kind === kind)) notes.push({ kind, message });
}

/**
 * A fingerprint built from what the finding is, not where it is: file, rule, endpoint and the
 * whitespace-folded code. Two identical calls in one file get the same base id; the report
 * assembler disambiguates them by order.
 */
export function findingId(rule: RuleId, file: string, endpoint: string | null, code: string): string {
  const folded = code.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${rule}\0${file}\0${endpoint ?? ''}\0${folded}`).digest('hex').slice(0, 16);
}

/** Snippet lines longer than this are shown as a window around the finding. */
const LONG_LINE = 600;

/**
 * A snippet with each very long line (minified code, a generated script) cut to a window around the
 * finding's column (the first line) or its start (the others), marked with `…`. A window only ends at
 * whitespace, so no key, token or URL is ever cut in two (a part of a key would escape redaction).
 */
function windowed(snippet: string, column: number): string {
  if (snippet.length <= LONG_LINE) return snippet;
  return snippet
    .split('\n')
    .map((line, k) => {
      if (line.length <= LONG_LINE) return line;
      const center = k === 0 ? Math.min(Math.max(column - 1, 0), line.length) : 0;
      // Two more words on the left keep what names a value with it (`-u user:KEY`, `password = "KEY"`,
      // `Basic TOKEN`): the redactor's rules for unknown keys read those names.
      const start = wordsBefore(line, runStart(line, Math.max(0, center - LONG_LINE / 3)), 2);
      const end = runEnd(line, Math.min(line.length, center + (2 * LONG_LINE) / 3));
      return `${start > 0 ? '… ' : ''}${line.slice(start, end)}${end < line.length ? ' …' : ''}`;
    })
    .join('\n');
}

/** Where the run of non-whitespace holding `at` starts. */
function runStart(line: string, at: number): number {
  let i = at;
  while (i > 0 && !isSpace(line.charCodeAt(i - 1))) i--;
  return i;
}

/** `start` moved back over `count` more whitespace-separated words. */
function wordsBefore(line: string, start: number, count: number): number {
  let at = start;
  for (let k = 0; k < count && at > 0; k++) {
    while (at > 0 && isSpace(line.charCodeAt(at - 1))) at--;
    at = runStart(line, at);
  }
  return at;
}

/** Where the run of non-whitespace holding `at` ends. */
function runEnd(line: string, at: number): number {
  let i = at;
  while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11;
}

const ADVICE_ORDER: NoteKind[] = ['browser-side', 'xml-format', 'dual-mode', 'dynamic-host', 'not-rewritable', 'custom-domain-no-hash', 'dynamic-endpoint'];

/** Why a finding that is not fixable is left for a person: its most telling note. */
export function adviceFor(finding: Finding): string {
  for (const kind of ADVICE_ORDER) {
    const note = finding.notes.find((n) => n.kind === kind);
    if (note) return note.message;
  }
  return 'The analyzer marked it as not safe to rewrite automatically.';
}
