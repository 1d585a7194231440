// Where the project pass's findings are rewritten: precise text edits at the definitions it
// resolved (the literal holding the store URL, the `/api/v2` prefix, a `.json` suffix, the basic
// auth option or header, an `.env.example` value), computed while the model still knows which file
// each node is in. The fix stage reads them with `projectEditsOf(finding)`.
import type { Config, Finding } from '../../types.ts';
import { getPropertyNode, propertyKeyName, unwrap, type AstNode } from '../ast.ts';
import type { Verdict } from '../classify.ts';
import type { Evaluator } from '../evaluate.ts';
import type { AuthEvidence, RequestMatch } from '../detectors/detector.ts';
import { isHole, type PartialString } from '../partial.ts';
import type { ProjectModel } from './model.ts';
import { processEnvName } from './project-evaluator.ts';
import type { ModuleUnit } from './units.ts';

export interface ProjectEdit {
  /** Relative to the root, forward slashes. */
  file: string;
  absolutePath: string;
  /** Offsets in the file's text as read (decoded, BOM removed). */
  start: number;
  end: number;
  /** The text there now; an edit whose text has moved or changed is not applied. */
  expected: string;
  replacement: string;
  line: number;
  summary: string;
}

export const GATEWAY_ORIGIN = 'https://api.bigcommerce.com';

const registry = new WeakMap<Finding, ProjectEdit[]>();
const refusals = new WeakMap<Finding, string>();

/** The edits that resolve a finding of the project pass (empty for any other finding). */
export function projectEditsOf(finding: Finding): readonly ProjectEdit[] {
  return registry.get(finding) ?? [];
}

/** Why the project pass makes no edits for a finding it could otherwise rewrite, or null. */
export function projectRefusalOf(finding: Finding): string | null {
  return refusals.get(finding) ?? null;
}

export function recordEdits(finding: Finding, edits: ProjectEdit[] | { reason: string }): void {
  refusals.delete(finding);
  if ('reason' in edits) {
    refusals.set(finding, edits.reason);
    registry.delete(finding);
  } else if (edits.length > 0) registry.set(finding, edits);
  else registry.delete(finding);
}

/**
 * Edits for one legacy request: URL pieces wherever they are written, and its basic auth. A refusal
 * when a URL literal or auth property to change sits in a definition `mayEdit` turns down (other code
 * reads it too).
 */
export function requestEdits(model: ProjectModel, match: RequestMatch, verdict: Verdict, config: Config, mayEdit: (literal: AstNode) => boolean = () => true): ProjectEdit[] | { reason: string } {
  const hash = verdict.host.storeHash;
  if (!verdict.legacy || !verdict.fixable || !hash) return [];
  const url = verdict.url;
  const rendered = url.map((p) => (isHole(p) ? '\u0000' : p.text)).join('');
  const edits: ProjectEdit[] = [];
  let shared: ProjectEdit | null = null;
  const push = (edit: { edit: ProjectEdit; literal: AstNode } | null) => {
    if (!edit) return;
    if (!mayEdit(edit.literal)) shared ??= edit.edit;
    edits.push(edit.edit);
  };
  const range = verdict.parts.hostRange;
  if (range && /^https?:\/\//i.test(rendered)) push(literalEdit(model, url, 0, range[1], `${GATEWAY_ORIGIN}/stores/${hash}`, 'store URL → OAuth gateway'));
  const prefix = rendered.indexOf('/api/v2', range ? range[1] : 0);
  if (prefix !== -1 && /^(?:[/?#]|$)/.test(rendered.slice(prefix + 7))) push(literalEdit(model, url, prefix, prefix + 7, '/v2', '/api/v2 → /v2'));
  const suffix = /\.json$/i.exec(rendered.split(/[?#]/, 1)[0]);
  if (suffix) push(literalEdit(model, url, suffix.index, suffix.index + 5, '', 'drop the .json suffix (the gateway speaks JSON by Accept header)'));
  for (const auth of match.auth) {
    const made = authEdits(model, auth, config);
    if ('reason' in made) return made;
    // A headers object or helper other requests read too (another host's, or one left as it is)
    // would send them the store's token and take away their own authorization.
    if (made.length > 0 && !mayEdit(auth.node)) shared ??= made[0];
    edits.push(...made);
  }
  const outside = shared as ProjectEdit | null;
  if (outside) return { reason: `Code it needs to change (${outside.file}:${outside.line}) is also used by code this run does not rewrite; change it by hand or rewrite those calls too.` };
  return edits;
}

/**
 * `.env.example` and other templates (never a real `.env`) that define a key the resolved requests
 * read: store URLs become the gateway base, the legacy credentials go, and the OAuth names are added.
 */
export function envTemplateEdits(model: ProjectModel, credentialKeys: ReadonlySet<string>, hostKeys: ReadonlyMap<string, string>, config: Config): ProjectEdit[] {
  const edits: ProjectEdit[] = [];
  const fallbackHash = [...hostKeys.values()][0] ?? null;
  for (const unit of model.units.values()) {
    if (unit.kind !== 'env') continue;
    const entries = [...model.env].flatMap(([key, defs]) => defs.filter((d) => d.file === unit.file).map((d) => ({ key, ...d })));
    if (entries.length === 0 || entries[0].real) continue;
    if (!entries.some((e) => credentialKeys.has(e.key) || hostKeys.has(e.key))) continue;
    let hash = fallbackHash;
    for (const e of entries) {
      const line = lineSpan(unit.text, e.line);
      if (credentialKeys.has(e.key)) {
        edits.push(edit(unit, line.start, line.next, '', e.line, `remove the legacy credential ${e.key}`));
        continue;
      }
      const own = /^https?:\/\/store-([a-z0-9]+)(?:-\d+)?\.mybigcommerce\.com(?=[/?#]|$)/i.exec(e.value);
      const keyHash = hostKeys.get(e.key) ?? (own ? own[1] : null);
      if (!keyHash || !/^https?:\/\//i.test(e.value)) continue;
      hash ??= keyHash;
      const value = e.value.replace(/^https?:\/\/[^/?#]+/i, `${GATEWAY_ORIGIN}/stores/${keyHash}`).replace(/\/api\/v2(?=[/?#]|$)/, '/v2');
      const at = unit.text.indexOf(e.value, unit.text.indexOf('=', line.start) + 1);
      if (at === -1 || at >= line.end) continue;
      edits.push(edit(unit, at, at + e.value.length, value, e.line, `${e.key} → the OAuth gateway base`));
    }
    const defined = new Set(entries.map((e) => e.key));
    const additions = [
      defined.has(config.storeHashEnv) ? null : `${config.storeHashEnv}=${hash ?? ''}`,
      defined.has(config.tokenEnv) ? null : `${config.tokenEnv}=`,
    ].filter((l): l is string => l !== null);
    if (additions.length > 0) {
      const eol = unit.text.includes('\r\n') ? '\r\n' : '\n';
      const lead = unit.text.length === 0 || unit.text.endsWith('\n') ? '' : eol;
      const lines = unit.text.split(/\r?\n/).length;
      edits.push(edit(unit, unit.text.length, unit.text.length, lead + additions.join(eol) + eol, lines, `add ${additions.map((a) => a.split('=')[0]).join(' and ')}`));
    }
  }
  return edits;
}

/** Env names a request's credentials are read from (`process.env.BC_API_KEY`, through constants and modules). */
export function credentialEnvNames(match: RequestMatch, ev: Evaluator): string[] {
  const names = new Set<string>();
  const visit = (raw: AstNode | null, env: RequestMatch['env'], depth: number) => {
    const node = unwrap(raw);
    if (!node || depth > 4) return;
    const direct = processEnvName(node);
    if (direct) {
      names.add(direct);
      return;
    }
    if (node.type === 'LogicalExpression') {
      visit(node.left, env, depth + 1);
      return;
    }
    for (const part of ev.evaluate(node, env)) {
      if (!isHole(part) || !part.node) continue;
      const resolved = ev.resolve(part.node, null);
      const target = resolved && resolved.node !== part.node ? resolved.node : part.node;
      if (target !== node) visit(target, null, depth + 1);
    }
  };
  for (const auth of match.auth) for (const node of [auth.user, auth.password, auth.combined]) visit(node, auth.env, 0);
  return [...names];
}

/** Basic auth replaced by the token header, in the object the option or header sits in. */
function authEdits(model: ProjectModel, auth: AuthEvidence, config: Config): ProjectEdit[] | { reason: string } {
  const unit = model.unitOf(auth.node);
  const prop = auth.node;
  if (!unit || unit.kind !== 'js' || !isObjectProperty(prop)) return [];
  const sent = tokenHeaderBeside(unit, prop);
  if (sent) return { reason: `The headers at ${unit.file}:${sent.loc.start.line} already send X-Auth-Token beside the basic auth: this code chooses between OAuth and legacy auth; it must be untangled by hand.` };
  // In TypeScript a header value must be a string, and an env read may be undefined.
  const typescript = /\.[cm]?tsx?$/.test(unit.file);
  const token = `process.env.${config.tokenEnv}${typescript ? ' as string' : ''}`;
  if (auth.kind === 'basic-header') {
    const headers = unit.index.parentOf(prop);
    return [edit(unit, prop.start!, prop.end!, `'X-Auth-Token': ${token}${acceptUnlessSet(headers)}`, prop.loc.start.line, 'Authorization: Basic → X-Auth-Token')];
  }
  if (auth.kind !== 'auth-option' || propertyKeyName(prop) !== 'auth') return [];
  const object = unit.index.parentOf(prop);
  if (!object || object.type !== 'ObjectExpression') return [];
  const headers = getPropertyNode(object, 'headers');
  const headersValue = headers ? unwrap(headers.value) : null;
  if (headersValue?.type === 'ObjectExpression') {
    // Drop the auth option (with its comma) and put the token into the headers already sent.
    const removal = removalSpan(unit, object, prop);
    const last = headersValue.properties[headersValue.properties.length - 1];
    const insertAt: number = last ? last.end : headersValue.start! + 1;
    const accept = acceptUnlessSet(headersValue);
    let text = last ? `, 'X-Auth-Token': ${token}${accept}` : ` 'X-Auth-Token': ${token}${accept} `;
    if (last && last.loc.start.line !== headersValue.loc.start.line) {
      // One property per line: the new ones go on their own lines, indented like the last.
      const lineStart = unit.text.lastIndexOf('\n', last.start - 1) + 1;
      const indent = /^[ \t]*/.exec(unit.text.slice(lineStart))![0];
      const eol = unit.text.includes('\r\n') ? '\r\n' : '\n';
      text = `,${eol}${indent}'X-Auth-Token': ${token}${accept ? `,${eol}${indent}Accept: 'application/json'` : ''}`;
    }
    return [
      edit(unit, removal[0], removal[1], '', prop.loc.start.line, 'remove the basic auth option'),
      edit(unit, insertAt, insertAt, text, headersValue.loc.start.line, 'send X-Auth-Token'),
    ];
  }
  if (headers) return [];
  return [edit(unit, prop.start!, prop.end!, `headers: { 'X-Auth-Token': ${token}, Accept: 'application/json' }`, prop.loc.start.line, 'basic auth option → X-Auth-Token header')];
}

/**
 * `, Accept: 'application/json'` to follow the token in a headers object that does not set Accept
 * (the gateway has been seen to answer V2 in XML without it); nothing when it does, or when it
 * spreads other headers, whose Accept a property after them would override.
 */
function acceptUnlessSet(headers: AstNode | null): string {
  if (!headers || headers.type !== 'ObjectExpression') return '';
  const props = headers.properties as AstNode[];
  if (props.some((p) => p.type === 'SpreadElement' || p.type === 'SpreadProperty' || /^accept$/i.test(propertyKeyName(p) ?? ''))) return '';
  return ", Accept: 'application/json'";
}

/** An `X-Auth-Token` property already in the object the token would go into (the header's own, or the `headers` beside an `auth` option). */
function tokenHeaderBeside(unit: ModuleUnit, prop: AstNode): AstNode | null {
  const object = unit.index.parentOf(prop);
  if (!object || object.type !== 'ObjectExpression') return null;
  const headers = propertyKeyName(prop) === 'auth' ? unwrap(getPropertyNode(object, 'headers')?.value ?? null) : object;
  if (headers?.type !== 'ObjectExpression') return null;
  return (headers.properties as AstNode[]).find((p) => /^x-auth-token$/i.test(propertyKeyName(p) ?? '')) ?? null;
}

function isObjectProperty(node: AstNode): boolean {
  return (node.type === 'ObjectProperty' || node.type === 'Property') && typeof node.start === 'number' && typeof node.end === 'number';
}

/** The property and the comma (plus whitespace) that separates it from its neighbour. */
function removalSpan(unit: ModuleUnit, object: AstNode, prop: AstNode): [number, number] {
  const props = object.properties as AstNode[];
  const i = props.indexOf(prop);
  const next = props[i + 1];
  if (next) return [prop.start!, next.start!];
  const previous = props[i - 1];
  if (previous) return [previous.end!, prop.end! + (unit.text[prop.end!] === ',' ? 1 : 0)];
  return [prop.start!, prop.end!];
}

/**
 * An edit of rendered characters [from, to) of a URL, when they lie inside one literal whose source
 * spells its value plainly (no escapes): the only edits that cannot change anything else.
 */
function literalEdit(model: ProjectModel, url: PartialString, from: number, to: number, replacement: string, summary: string): { edit: ProjectEdit; literal: AstNode } | null {
  let at = 0;
  for (const part of url) {
    const length = isHole(part) ? 1 : part.text.length;
    if (from >= at && to <= at + length && !isHole(part) && part.node) {
      const unit = model.unitOf(part.node);
      // Env files are rewritten whole-value by envTemplateEdits (and real ones never).
      if (unit?.kind === 'env') return null;
      const start = unit ? valueStart(unit, part.node) : null;
      if (!unit || start === null) return null;
      const offset = (part.offset ?? 0) + (from - at);
      const s = start + offset;
      const e = s + (to - from);
      const expected = part.text.slice(from - at, to - at);
      if (unit.text.slice(s, e) !== expected) return null;
      return { edit: edit(unit, s, e, replacement, part.node.loc?.start?.line ?? 1, summary), literal: part.node };
    }
    at += length;
    if (at > from) return null;
  }
  return null;
}

/** Where a literal's value starts in the source, or null when the source does not spell it as is. */
function valueStart(unit: ModuleUnit, node: AstNode): number | null {
  if (typeof node.start !== 'number' || typeof node.end !== 'number') return null;
  const source = unit.text.slice(node.start, node.end);
  if (node.type === 'TemplateElement') return source === node.value?.cooked ? node.start : null;
  if (typeof node.value !== 'string') return null;
  if (unit.kind === 'env') {
    const quoted = /^["']/.test(source);
    return source.slice(quoted ? 1 : 0, quoted ? -1 : undefined) === node.value ? node.start + (quoted ? 1 : 0) : null;
  }
  return source.slice(1, -1) === node.value ? node.start + 1 : null;
}

function edit(unit: ModuleUnit, start: number, end: number, replacement: string, line: number, summary: string): ProjectEdit {
  return { file: unit.file, absolutePath: unit.absolutePath, start, end, expected: unit.text.slice(start, end), replacement, line, summary };
}

function lineSpan(text: string, line: number): { start: number; end: number; next: number } {
  let start = 0;
  for (let i = 1; i < line; i++) start = text.indexOf('\n', start) + 1;
  let next = text.indexOf('\n', start);
  next = next === -1 ? text.length : next + 1;
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end, next };
}
