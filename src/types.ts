// The shapes every stage shares. Defined here once; no stage redefines them.

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type Confidence = 'high' | 'medium' | 'low';

export type RuleId =
  /** An HTTP request to a store host's /api/v2 with basic auth. */
  | 'legacy-api-call'
  /** A function or method that builds legacy requests from its parameters. */
  | 'legacy-request-wrapper'
  /** A client instance (axios.create, got.extend, ...) configured with a store host and basic auth. */
  | 'legacy-client-config'
  /** A config file (.env, YAML, JSON) holding a legacy store URL beside a username and API key. */
  | 'legacy-credentials-config'
  /** A config value (.env, YAML, JSON) holding a legacy API URL, with no credentials beside it. */
  | 'legacy-api-url'
  /** A credential written into code or config. */
  | 'hardcoded-credential'
  /** The official client libraries (PHP, Python, Ruby) configured for basic auth. */
  | 'legacy-library-config'
  /** Suppression comments that have no reason or suppress nothing (check only). */
  | 'suppression-without-reason'
  | 'unused-suppression';

export type HostKind = 'store-hostname' | 'custom-domain' | 'mybigcommerce-other' | 'unknown';

export interface HostInfo {
  kind: HostKind;
  /** The hostname as written, with `${…}` for parts that are not static; null when nothing is known. */
  name: string | null;
  storeHash: string | null;
  /** Where the hash came from when it is known. */
  storeHashSource?: 'hostname' | 'config' | 'user';
  /** The source text of the expression that holds the hash, when the hostname is built from one (`store-${HASH}`). */
  storeHashExpression?: string;
  channelId?: string | null;
}

/** Reasons a finding needs a person, shown in every report. */
export type NoteKind =
  | 'custom-domain-no-hash'
  | 'dynamic-host'
  | 'dynamic-method'
  | 'dynamic-endpoint'
  | 'unknown-method-assumed-write'
  | 'unmapped-endpoint'
  | 'browser-side'
  | 'xml-format'
  | 'dual-mode'
  | 'undocumented-endpoint'
  | 'disputed-scope'
  | 'default-scope'
  | 'real-env-file'
  | 'not-rewritable'
  /** A legacy client instance is handed on or stored where its requests are not followed. */
  | 'untraced-requests';

export interface Note {
  kind: NoteKind;
  message: string;
}

/** One step of how a finding was put together: where the host, auth or path came from. */
export interface TraceStep {
  role: 'host' | 'auth' | 'path' | 'method' | 'call' | 'definition';
  file: string;
  line: number;
  description: string;
}

export interface SourceLocation {
  /** Relative to the report root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Access = 'modify' | 'read_only';

/** What one endpoint needs, as decided by the scope catalogue. */
export interface ScopeResolution {
  /** The scope to request, e.g. `store_v2_orders_read_only`; null when the endpoint is unmapped or needs none. */
  scope: string | null;
  access: Access | null;
  /** The control panel's words, e.g. "Orders: read-only". */
  label: string | null;
  /** True when the endpoint needs no selectable scope (webhooks use the default scope). */
  defaultScope?: boolean;
  /** True when the method was unknown and a write was assumed. */
  assumedWrite?: boolean;
  /** Any extra scopes that together with `scope` are needed, or alternatives, explained. */
  note?: string;
}

export interface Finding extends SourceLocation {
  /** Stable across runs: built from file, rule, endpoint and the normalized code, not from line numbers. */
  id: string;
  rule: RuleId;
  confidence: Confidence;
  host: HostInfo | null;
  /** Upper case, or null when it is not statically known. */
  method: HttpMethod | null;
  /** Normalized `/v2/...` (or `/v3/...`), or null when it is not statically known. */
  endpoint: string | null;
  scope: string | null;
  /** The HTTP client or format that carried it: fetch, axios, got, env, yaml, php-curl, ... */
  client: string;
  fixable: boolean;
  message: string;
  notes: Note[];
  trace: TraceStep[];
  /** The source line(s) of the finding, for code frames. Redacted before any output. */
  snippet?: string;
}

export interface EndpointUse {
  method: HttpMethod | null;
  endpoint: string;
  /** `file:line` */
  locations: string[];
}

export interface ScopeRequirement {
  scope: string;
  access: Access;
  label: string;
  endpoints: EndpointUse[];
  note?: string;
}

export interface UnmappedEndpoint {
  method: HttpMethod | null;
  endpoint: string;
  locations: string[];
  reason: string;
}

export interface FileError {
  file: string;
  message: string;
}

export interface SkippedFile {
  file: string;
  reason: 'binary' | 'too-large' | 'unreadable' | 'symlink-outside-root' | 'symlink-loop' | 'not-utf8';
  message: string;
  /**
   * A file over the size limit, or binary, whose bytes hold the pre-filter's evidence: it may hide legacy calls,
   * so the report is incomplete. Absent otherwise.
   */
  mightBeLegacy?: true;
}

export interface ReportSummary {
  filesScanned: number;
  findings: number;
  errors: number;
  /** False when a file failed to parse or an endpoint is unmapped: the scope list may be short. */
  complete: boolean;
  fixable: number;
  needsHuman: number;
  skipped: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  root: string;
  summary: ReportSummary;
  findings: Finding[];
  scopes: ScopeRequirement[];
  unmapped: UnmappedEndpoint[];
  errors: FileError[];
  skipped: SkippedFile[];
}

/**
 * The raw credentials seen during analysis. Never serialized; redaction uses it to blank every
 * occurrence in every output, including diffs and patch files.
 */
export interface SecretSet {
  values: Set<string>;
}

/** An inline suppression comment, as found in a scanned file. */
export interface Suppression {
  file: string;
  /** The line of the comment itself. */
  line: number;
  kind: 'next-line' | 'file';
  /**
   * Next-line only: the line the suppression covers, the first line after the comment that is not
   * itself a comment (so it can be stacked with other tools' comments). Computed by
   * `parseSuppressionComment` when given the file's text; else the line after the comment ends.
   */
  appliesToLine?: number;
  /** Null when the comment gives no reason (itself a finding under `check`). */
  reason: string | null;
}

export interface AnalysisResult {
  report: Report;
  secrets: SecretSet;
  suppressions: Suppression[];
}

/** `.bc-oauth-migrate.yml`, validated. Every key is optional in the file; defaults are filled in. */
export interface Config {
  /** Custom domain (or other host) to store hash. */
  stores: Record<string, string>;
  tokenEnv: string;
  storeHashEnv: string;
  include: string[];
  exclude: string[];
  /** Scope budget for `check`; null when none is set. */
  allowedScopes: string[] | null;
  /** Bytes; larger files are skipped with a note. */
  maxFileSize: number;
  /** Where the config came from, for messages; null when defaults only. */
  path: string | null;
  /**
   * Take a custom domain sent basic auth on a V2 resource path for a store even without evidence
   * (a `stores:` entry, BigCommerce named in the file). Never read from the config file: the review
   * session sets it, since it asks the user for each such domain's store hash.
   */
  trustCustomDomains?: boolean;
}

/** A proposed rewrite of one file. */
export interface Patch {
  /** Relative to the root, forward slashes. */
  file: string;
  absolutePath: string;
  /** The text as read (decoded, BOM removed) and as rewritten. */
  before: string;
  after: string;
  /** Ids of the findings this patch resolves. */
  findingIds: string[];
  /** One entry per rewritten call, for review: what changed and the scope it costs. */
  changes: PatchChange[];
}

export interface PatchChange {
  findingId: string;
  line: number;
  summary: string;
}

/** What a rewrite could not do, with the advice to give instead. */
export interface RewriteSkip {
  findingId: string;
  file: string;
  line: number;
  reason: string;
}
