// Loads src/scopes/catalogue.yaml once, checks it, and compiles its path patterns.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Access, HttpMethod } from '../types.ts';

export type ScopeKind = 'store_resource' | 'token_creation' | 'implicit' | 'account' | 'unverified';

export interface ScopeEntry {
  name: string;
  access: Access;
  /** The other half of the modify / read-only pair, or null when there is none. */
  counterpart: string | null;
  gui: string;
  /** The control panel's words, as the report prints them: "Orders: read-only". */
  label: string;
  kind: ScopeKind;
  sources: string[];
  notes: string | null;
}

/** One path pattern, split into segments; `**` may only be last. */
export interface PathPattern {
  text: string;
  segments: string[];
  prefix: boolean;
}

export interface ResourceEntry {
  id: string;
  api: 'v2' | 'v3';
  patterns: PathPattern[];
  /** The modify scope of the pair, or the only scope when the scope has no pair; null for default/undocumented. */
  scope: string | null;
  anyOf: string[];
  also: string[];
  defaultScope: boolean;
  undocumented: boolean;
  deprecated: boolean;
  sources: string[];
  notes: string | null;
}

export interface ReadStylePost {
  method: HttpMethod;
  pattern: PathPattern;
  scope: string;
  sources: string[];
  why: string;
}

export interface DisputeCandidate {
  answer: string;
  sources: string[];
}

export interface Dispute {
  patterns: PathPattern[];
  question: string;
  candidates: DisputeCandidate[];
  chosen: string[];
  /** True when a person should look at the choice (it adds a scope, or rests on weak evidence). */
  review: boolean;
  why: string;
}

export interface Catalogue {
  sources: Record<string, string>;
  scopes: Map<string, ScopeEntry>;
  resources: ResourceEntry[];
  noReadOnlyVariant: string[];
  readOnlyWithoutModify: string[];
  readStylePosts: ReadStylePost[];
  disputes: Dispute[];
}

export class CatalogueError extends Error {
  constructor(message: string) {
    super(`Scope catalogue is malformed: ${message}`);
    this.name = 'CatalogueError';
  }
}

const CATALOGUE_URL = new URL('./catalogue.yaml', import.meta.url);
const CATALOGUE_JSON_URL = new URL('./catalogue.json', import.meta.url);
const ACCESS: readonly Access[] = ['modify', 'read_only'];
const KINDS: readonly ScopeKind[] = ['store_resource', 'token_creation', 'implicit', 'account', 'unverified'];
const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

let cached: Catalogue | null = null;

/**
 * The catalogue shipped with the tool, read and checked on first use. The build writes the YAML
 * out as JSON beside the module (parsing JSON is far cheaper than YAML on every start); from
 * sources, the YAML itself is read.
 */
export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const prebuilt = readIfPresent(CATALOGUE_JSON_URL);
  if (prebuilt !== null) {
    cached = catalogueFromData(JSON.parse(prebuilt) as unknown);
    return cached;
  }
  let text: string;
  try {
    text = readFileSync(CATALOGUE_URL, 'utf8');
  } catch (error) {
    throw new CatalogueError(`cannot read ${CATALOGUE_URL.pathname}: ${(error as Error).message}`);
  }
  cached = parseCatalogue(text);
  return cached;
}

function readIfPresent(url: URL): string | null {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return null;
  }
}

/** Parses and validates catalogue YAML text. Throws CatalogueError naming the first problem found. */
export function parseCatalogue(text: string): Catalogue {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CatalogueError(`not valid YAML: ${(error as Error).message}`);
  }
  return catalogueFromData(raw);
}

/** Validates the catalogue's data, however it was read. */
export function catalogueFromData(raw: unknown): Catalogue {
  const root = record(raw, 'the document');
  const sources = parseSources(root.sources);
  const checkSources = (value: unknown, where: string): string[] => {
    const list = stringList(value, `${where}.sources`);
    if (list.length === 0) throw new CatalogueError(`${where} names no source`);
    for (const ref of list) {
      const tag = ref.split(':')[0] ?? '';
      if (!(tag in sources)) throw new CatalogueError(`${where} cites unknown source tag "${tag}"`);
    }
    return list;
  };

  const scopes = parseScopes(root.scopes, checkSources);
  const requireScope = (name: string, where: string): void => {
    if (!scopes.has(name)) throw new CatalogueError(`${where} names unknown scope "${name}"`);
  };
  const resources = parseResources(root.resources, checkSources, requireScope, scopes);
  const exceptions = record(root.exceptions, 'exceptions');

  const noReadOnlyVariant = scopeList(exceptions.no_read_only_variant, 'exceptions.no_read_only_variant', checkSources);
  for (const name of noReadOnlyVariant) {
    requireScope(name, 'exceptions.no_read_only_variant');
    const entry = scopes.get(name)!;
    if (entry.access !== 'modify' || entry.counterpart !== null) {
      throw new CatalogueError(`exceptions.no_read_only_variant lists "${name}", which has a read-only variant or is read-only`);
    }
  }
  const readOnlyWithoutModify = scopeList(exceptions.read_only_without_modify, 'exceptions.read_only_without_modify', checkSources);
  for (const name of readOnlyWithoutModify) {
    requireScope(name, 'exceptions.read_only_without_modify');
    const entry = scopes.get(name)!;
    if (entry.access !== 'read_only' || entry.counterpart !== null) {
      throw new CatalogueError(`exceptions.read_only_without_modify lists "${name}", which has a modify variant or is not read-only`);
    }
  }

  const readStylePosts = list(exceptions.read_style_posts, 'exceptions.read_style_posts').map((item, i) => {
    const where = `exceptions.read_style_posts[${i}]`;
    const entry = record(item, where);
    const method = str(entry.method, `${where}.method`) as HttpMethod;
    if (!METHODS.includes(method)) throw new CatalogueError(`${where}.method "${method}" is not an HTTP method`);
    const scope = str(entry.scope, `${where}.scope`);
    requireScope(scope, where);
    return {
      method,
      pattern: compilePattern(str(entry.path, `${where}.path`), where),
      scope,
      sources: checkSources(entry.sources, where),
      why: str(entry.why, `${where}.why`),
    };
  });

  const disputes = list(exceptions.disputed, 'exceptions.disputed').map((item, i) => {
    const where = `exceptions.disputed[${i}]`;
    const entry = record(item, where);
    const candidates = list(entry.candidates, `${where}.candidates`).map((c, j) => {
      const candidate = record(c, `${where}.candidates[${j}]`);
      return {
        answer: str(candidate.answer, `${where}.candidates[${j}].answer`),
        sources: checkSources(candidate.sources, `${where}.candidates[${j}]`),
      };
    });
    if (candidates.length < 2) throw new CatalogueError(`${where} needs at least two candidates`);
    const chosen = stringList(entry.chosen, `${where}.chosen`);
    if (chosen.length === 0) throw new CatalogueError(`${where}.chosen is empty`);
    for (const name of chosen) requireScope(name, `${where}.chosen`);
    if (typeof entry.review !== 'boolean') throw new CatalogueError(`${where}.review must be true or false`);
    return {
      patterns: stringList(entry.paths, `${where}.paths`).map((p) => compilePattern(p, where)),
      question: str(entry.question, `${where}.question`),
      candidates,
      chosen,
      review: entry.review,
      why: str(entry.why, `${where}.why`),
    };
  });

  return { sources, scopes, resources, noReadOnlyVariant, readOnlyWithoutModify, readStylePosts, disputes };
}

function parseSources(value: unknown): Record<string, string> {
  const table = record(value, 'sources');
  const out: Record<string, string> = {};
  for (const [tag, text] of Object.entries(table)) out[tag] = str(text, `sources.${tag}`);
  if (Object.keys(out).length === 0) throw new CatalogueError('the sources table is empty');
  return out;
}

type SourceCheck = (value: unknown, where: string) => string[];

function parseScopes(value: unknown, checkSources: SourceCheck): Map<string, ScopeEntry> {
  const scopes = new Map<string, ScopeEntry>();
  const labels = new Set<string>();
  list(value, 'scopes').forEach((item, i) => {
    const entry = record(item, `scopes[${i}]`);
    const name = str(entry.name, `scopes[${i}].name`);
    const where = `scope "${name}"`;
    if (scopes.has(name)) throw new CatalogueError(`${where} is listed twice`);
    const access = str(entry.access, `${where}.access`) as Access;
    if (!ACCESS.includes(access)) throw new CatalogueError(`${where}.access must be modify or read_only`);
    const kind = str(entry.kind, `${where}.kind`) as ScopeKind;
    if (!KINDS.includes(kind)) throw new CatalogueError(`${where}.kind "${kind}" is not one of ${KINDS.join(', ')}`);
    if (entry.counterpart === undefined) throw new CatalogueError(`${where} must say its counterpart (null when none)`);
    const label = str(entry.label, `${where}.label`);
    if (labels.has(label)) throw new CatalogueError(`${where} repeats the label "${label}"`);
    labels.add(label);
    scopes.set(name, {
      name,
      access,
      counterpart: entry.counterpart === null ? null : str(entry.counterpart, `${where}.counterpart`),
      gui: str(entry.gui, `${where}.gui`),
      label,
      kind,
      sources: checkSources(entry.sources, where),
      notes: optionalStr(entry.notes, `${where}.notes`),
    });
  });
  for (const entry of scopes.values()) {
    if (entry.counterpart === null) continue;
    const other = scopes.get(entry.counterpart);
    if (!other) throw new CatalogueError(`scope "${entry.name}" names unknown counterpart "${entry.counterpart}"`);
    if (other.counterpart !== entry.name || other.access === entry.access) {
      throw new CatalogueError(`scopes "${entry.name}" and "${other.name}" are not a modify / read-only pair`);
    }
  }
  return scopes;
}

function parseResources(
  value: unknown,
  checkSources: SourceCheck,
  requireScope: (name: string, where: string) => void,
  scopes: Map<string, ScopeEntry>,
): ResourceEntry[] {
  const ids = new Set<string>();
  return list(value, 'resources').map((item, i) => {
    const entry = record(item, `resources[${i}]`);
    const id = str(entry.id, `resources[${i}].id`);
    const where = `resource "${id}"`;
    if (ids.has(id)) throw new CatalogueError(`${where} is listed twice`);
    ids.add(id);
    const api = str(entry.api, `${where}.api`);
    if (api !== 'v2' && api !== 'v3') throw new CatalogueError(`${where}.api must be v2 or v3`);
    const patterns = stringList(entry.paths, `${where}.paths`).map((p) => compilePattern(p, where));
    if (patterns.length === 0) throw new CatalogueError(`${where} has no paths`);
    for (const pattern of patterns) {
      if (pattern.segments[0] !== api) throw new CatalogueError(`${where} path ${pattern.text} is not under /${api}`);
    }
    const defaultScope = entry.default_scope === true;
    const undocumented = entry.undocumented === true;
    const scope = entry.scope === undefined || entry.scope === null ? null : str(entry.scope, `${where}.scope`);
    if (scope === null && !defaultScope && !undocumented) {
      throw new CatalogueError(`${where} needs a scope, default_scope: true, or undocumented: true`);
    }
    if (scope !== null && (defaultScope || undocumented)) {
      throw new CatalogueError(`${where} has a scope and is also marked default_scope or undocumented`);
    }
    if (scope !== null) {
      requireScope(scope, where);
      if (scopes.get(scope)!.access === 'read_only' && scopes.get(scope)!.counterpart !== null) {
        throw new CatalogueError(`${where} must name the modify scope of a pair, not "${scope}"`);
      }
    }
    const anyOf = entry.any_of === undefined ? [] : stringList(entry.any_of, `${where}.any_of`);
    const also = entry.also === undefined ? [] : stringList(entry.also, `${where}.also`);
    for (const name of [...anyOf, ...also]) requireScope(name, where);
    return {
      id,
      api,
      patterns,
      scope,
      anyOf,
      also,
      defaultScope,
      undocumented,
      deprecated: entry.deprecated === true,
      sources: checkSources(entry.sources, where),
      notes: optionalStr(entry.notes, `${where}.notes`),
    };
  });
}

function scopeList(value: unknown, where: string, checkSources: SourceCheck): string[] {
  const entry = record(value, where);
  checkSources(entry.sources, where);
  str(entry.why, `${where}.why`);
  return stringList(entry.scopes, `${where}.scopes`);
}

export function compilePattern(text: string, where: string): PathPattern {
  if (!/^\/v[23](\/[^/\s?#]+)*$/.test(text)) {
    throw new CatalogueError(`${where}: "${text}" is not a normalized /v2 or /v3 path pattern`);
  }
  const segments = text.slice(1).split('/');
  const starAt = segments.indexOf('**');
  if (starAt !== -1 && starAt !== segments.length - 1) {
    throw new CatalogueError(`${where}: "${text}" may use ** only as its last segment`);
  }
  const prefix = starAt !== -1;
  return { text, segments: prefix ? segments.slice(0, -1) : segments, prefix };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CatalogueError(`${where} must be a mapping`);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new CatalogueError(`${where} must be a list`);
  return value;
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CatalogueError(`${where} must be a non-empty string`);
  return value;
}

function optionalStr(value: unknown, where: string): string | null {
  return value === undefined || value === null ? null : str(value, where).trim();
}

function stringList(value: unknown, where: string): string[] {
  return list(value, where).map((item, i) => str(item, `${where}[${i}]`));
}
