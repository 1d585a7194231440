// The rewrite of one JavaScript/TypeScript file. It runs the scanner's own matchers on the given
// AST (so detection and rewriting agree on what is legacy), turns every fixable legacy call, client
// config and wrapper into a change, and applies the changes as text edits, so everything it does not
// change stays byte for byte as it was.
import { isMember, locationOf, memberPropertyName, type AstNode } from '../src/analyze/ast.ts';
import { joinUrl } from '../src/analyze/classify.ts';
import type { ClientConfigMatch, RequestMatch } from '../src/analyze/detectors/detector.ts';
import { matchProgram, type FileMatches, type LegacyWrapper } from '../src/analyze/js-file.ts';
import type { Verdict } from '../src/analyze/classify.ts';
import { adviceFor } from '../src/analyze/finding.ts';
import type { Finding, PatchChange, RewriteSkip } from '../src/types.ts';
import { clientPiece, type ClientPiece, type HeaderList } from './clients/index.ts';
import { configHeaderNames } from './clients/shared.ts';
import { planAuthRemoval, TOKEN_HEADER } from './lib/auth.ts';
import { chainTop, createRewriteContext, enclosingFunction, envRead, quoted, sourceText, tokenExpression, within, type RewriteContext, type RewriteSettings } from './lib/context.ts';
import { anchorsOf, materialize, type Op } from './lib/ops.ts';
import { applyTextEdits, EditConflict, indentOf, type TextEdit } from './lib/text.ts';
import { isRefusal, planUrlRewrite, type Refusal } from './lib/url.ts';
import { buildUsage, changedNodes, isCovered, opNode, unusedDeclarations } from './lib/usage.ts';

export type { RewriteSettings } from './lib/context.ts';

export interface FileRewrite {
  /** The rewritten text (the input when nothing changed). */
  output: string;
  /** The edits that turn the input into the output, so other edits can be merged with them. */
  edits: TextEdit[];
  /** The file's findings as matched on this AST, with the same ids `scan` gives them. */
  findings: Finding[];
  changes: PatchChange[];
  /** Findings that were asked for (or fixable) and not rewritten, with why. */
  skips: RewriteSkip[];
  /** Rewritten, but the user must still provide something (the store hash env var). */
  needsInput: RewriteSkip[];
  /** Finding ids the output resolves. */
  resolved: string[];
  /** Finding ids that can only be applied together (one list per change that has several). */
  groups: string[][];
  /** Credential values met while rewriting that the scan did not list; for redaction only. */
  secrets: string[];
}

interface TargetPlan {
  ops: Op[];
  hashFromEnv: boolean;
}

interface Target {
  ids: string[];
  primary: Finding;
  fixable: boolean;
  /** The nodes whose code this change owns: edits inside them touch nothing else. */
  covered: AstNode[];
  plan: TargetPlan | Refusal;
  summary: string;
}

const REQUEST_RULES = new Set(['legacy-api-call', 'legacy-request-wrapper', 'legacy-client-config']);

/** Rewrites one parsed file. `program` must be the Program of `source` as given. */
export function rewriteProgram(source: string, file: string, program: AstNode, settings: RewriteSettings): FileRewrite {
  const matched = matchProgram(program, source, file, settings.config);
  const findings = matched.findings;
  const idOf = finalIds(findings);
  const rc = createRewriteContext(source, file, program, settings);
  const usage = buildUsage(rc);
  rc.usage = usage;
  const byId = new Map(findings.map((f) => [f.id, f]));

  const targets = buildTargets(rc, matched.matches, idOf, byId);
  const groups = groupTargets(rc, targets);
  const skips: RewriteSkip[] = [];
  const skipped = new Set<string>();
  const skip = (finding: Finding, reason: string) => {
    if (skipped.has(finding.id)) return;
    skipped.add(finding.id);
    skips.push({ findingId: finding.id, file, line: finding.line, reason });
  };
  const wanted = (id: string) => settings.only === null || settings.only.has(id);

  // Which groups can go in: every member fixable, planned, and asked for.
  let applied = groups.filter((group) => {
    const ids = group.flatMap((t) => t.ids);
    if (!ids.some(wanted)) return false;
    const blocker = group.find((t) => !t.fixable || isRefusal(t.plan));
    if (blocker) {
      const reason = !blocker.fixable ? adviceFor(blocker.primary) : (blocker.plan as Refusal).reason;
      for (const t of group) for (const id of t.ids) if (wanted(id)) skip(byId.get(id)!, group.length > 1 && t !== blocker ? `It shares code with ${describe(blocker.primary)}, which cannot be rewritten: ${reason}` : reason);
      return false;
    }
    const missing = ids.filter((id) => !wanted(id));
    if (missing.length > 0) {
      const others = missing.map((id) => describe(byId.get(id)!)).join(', ');
      for (const id of ids) if (wanted(id)) skip(byId.get(id)!, `It shares code with ${others}; accept them together.`);
      return false;
    }
    return true;
  });

  // A definition edited for these calls (a base URL constant, a headers helper) must not be used by
  // anything else; drop the groups for which it is, until what is left is self-contained.
  for (let changed = true; changed; ) {
    changed = false;
    const covered = applied.flatMap((g) => g.flatMap((t) => t.covered));
    for (const group of applied) {
      const outside = group.flatMap((t) => (t.plan as TargetPlan).ops).flatMap((op) => changedNodes(op, rc)).find((node) => !isCovered(rc, node, covered));
      if (outside === undefined) continue;
      const where = outside ? ` (line ${locationOf(outside, file).line})` : '';
      for (const t of group) for (const id of t.ids) if (wanted(id)) skip(byId.get(id)!, `Code it needs to change${where} is also used by code this run does not rewrite; change it by hand or rewrite those calls too.`);
      applied = applied.filter((g) => g !== group);
      changed = true;
      break;
    }
  }

  // Everything else that was asked for and is not going in says why.
  const appliedIds = new Set(applied.flatMap((g) => g.flatMap((t) => t.ids)));
  for (const finding of findings) {
    if (!REQUEST_RULES.has(finding.rule) || appliedIds.has(finding.id) || !wanted(finding.id)) continue;
    skip(finding, finding.fixable ? 'The codemod found no change to make for it.' : adviceFor(finding));
  }

  let output = source;
  let secrets: string[] = [];
  let edits: TextEdit[] = [];
  const ops = applied.flatMap((g) => g.flatMap((t) => (t.plan as TargetPlan).ops));
  if (ops.length > 0) {
    try {
      edits = materialize(ops, rc);
      const cleanup = unusedDeclarations(rc, usage, edits);
      secrets = cleanup.secrets;
      edits = [...edits, ...materialize(cleanup.ops, rc)];
      output = applyTextEdits(source, edits);
    } catch (error) {
      if (!(error instanceof EditConflict)) throw error;
      for (const id of appliedIds) skip(byId.get(id)!, error.message);
      appliedIds.clear();
      applied = [];
      edits = [];
      output = source;
    }
  }

  const changeById = new Map<string, PatchChange>();
  const needsInput: RewriteSkip[] = [];
  for (const group of applied) {
    for (const target of group) {
      for (const id of target.ids) {
        const finding = byId.get(id)!;
        if (id === target.primary.id || !changeById.has(id)) {
          changeById.set(id, { findingId: id, line: finding.line, summary: id === target.primary.id ? target.summary : changeSummary(finding) });
        }
      }
      if ((target.plan as TargetPlan).hashFromEnv) {
        needsInput.push({
          findingId: target.primary.id,
          file,
          line: target.primary.line,
          reason: `${target.primary.host?.name ?? 'This host'} carries no store hash: the URL now reads ${envRead(settings.config.storeHashEnv)}. Set it, or map the domain under \`stores:\` in .bc-oauth-migrate.yml and run fix again before this change.`,
        });
      }
    }
  }

  const changes = [...changeById.values()];
  // Hard-coded credentials are resolved when the code holding them is gone.
  const resolved = new Set(appliedIds);
  for (const credential of matched.matches.credentials) {
    const id = idOf(credential.findingId, credential.node);
    const finding = byId.get(id);
    if (!finding) continue;
    const gone = edits.some((e) => e.start! <= (credential.node.start ?? -1) && (credential.node.end ?? Infinity) <= e.end!);
    if (gone) {
      resolved.add(id);
      changes.push({ findingId: id, line: finding.line, summary: 'The hard-coded credential is removed from the code.' });
    } else if (wanted(id) && appliedIds.size + skipped.size > 0) {
      skip(finding, 'The credential is still used by code this run does not change: move it to an environment variable, rotate it, and delete the legacy API account once migrated.');
    }
  }
  changes.sort((a, b) => a.line - b.line);

  return {
    output,
    edits,
    findings,
    changes,
    skips: skips.sort((a, b) => a.line - b.line),
    needsInput,
    resolved: [...resolved],
    groups: groups.map((g) => [...new Set(g.flatMap((t) => t.ids))]).filter((ids) => ids.length > 1),
    secrets,
  };
}

/**
 * Gives duplicate fingerprints an occurrence suffix the way the report assembler does, and returns
 * how to find a finding's final id from the (base) id a match carries and the node it was made at.
 */
function finalIds(findings: Finding[]): (baseId: string, node: AstNode) => string {
  const byKey = new Map<string, Finding>();
  for (const f of findings) byKey.set(`${f.id}|${f.line}|${f.column}`, f);
  const seen = new Map<string, number>();
  for (const f of findings) {
    const count = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, count);
    if (count > 1) f.id = `${f.id}~${count}`;
  }
  return (baseId, node) => {
    const loc = locationOf(node, '');
    return byKey.get(`${baseId}|${loc.line}|${loc.column}`)?.id ?? baseId;
  };
}

function buildTargets(rc: RewriteContext, matches: FileMatches, idOf: (id: string, node: AstNode) => string, byId: Map<string, Finding>): Target[] {
  const targets: Target[] = [];
  const configIds = new Map<ClientConfigMatch, string>();
  for (const c of matches.configs) configIds.set(c.config, idOf(c.findingId, c.config.node));
  // The configs asked for JSON themselves (see `planConfig`): their requests need no Accept of their own.
  const acceptAtConfig = new Set(matches.configs.map((c) => c.config).filter((config) => takesHeaders(clientPiece(config.client), config) || defaultsAssignment(rc, config) !== null));

  for (const c of matches.configs) {
    const id = configIds.get(c.config)!;
    const finding = byId.get(id);
    if (!finding) continue;
    const piece = clientPiece(c.config.client);
    targets.push({
      ids: [id],
      primary: finding,
      fixable: finding.fixable,
      covered: [c.config.node, ...(c.config.baseUrl ? [c.config.baseUrl.node] : []), ...c.config.auth.map((a) => a.node)],
      plan: piece ? planConfig(rc, piece, c.config, c.verdict) : { reason: `The codemod has no rewrite for ${c.config.client} yet.` },
      summary: `The ${c.config.client} ${c.config.instanceName ? `instance \`${c.config.instanceName}\`` : 'defaults'} now point${c.config.instanceName ? 's' : ''} at the OAuth gateway with ${TOKEN_HEADER}.`,
    });
  }

  for (const r of matches.requests) {
    if (!r.findingId) continue;
    const id = idOf(r.findingId, r.match.call);
    const finding = byId.get(id);
    if (!finding) continue;
    const piece = clientPiece(r.match.client);
    const configId = r.match.config ? configIds.get(r.match.config) : undefined;
    targets.push({
      ids: configId ? [id, configId] : [id],
      primary: finding,
      fixable: finding.fixable,
      covered: requestCoverage(rc, r.match),
      plan: piece ? planRequest(rc, piece, r.match, [{ url: r.verdict.url, verdict: r.verdict }], acceptAtConfig) : { reason: `The codemod has no rewrite for ${r.match.client} yet.` },
      summary: changeSummary(finding),
    });
  }

  for (const w of matches.wrappers) targets.push(wrapperTarget(rc, w, idOf, byId, acceptAtConfig));
  return targets;
}

function wrapperTarget(rc: RewriteContext, w: LegacyWrapper, idOf: (id: string, node: AstNode) => string, byId: Map<string, Finding>, acceptAtConfig: ReadonlySet<ClientConfigMatch>): Target {
  const id = idOf(w.findingId, w.wrapper.fn);
  const finding = byId.get(id)!;
  const callIds = w.calls.map((c) => idOf(c.findingId, c.call.call));
  const inner = w.wrapper.request.match;
  const piece = clientPiece(inner.client);
  // With calls, their resolved URLs show the whole path (a suffix written at the call site); without, the wrapper's own.
  const urls = w.calls.length > 0 ? w.calls.map((c) => ({ url: c.verdict.url, verdict: c.verdict })) : [{ url: w.verdict.url, verdict: w.verdict }];
  const calls = callIds.map((callId) => byId.get(callId)).filter((f): f is Finding => Boolean(f));
  return {
    ids: [id, ...calls.map((c) => c.id)],
    primary: finding,
    fixable: finding.fixable && calls.every((c) => c.fixable),
    covered: [w.wrapper.fn, ...requestCoverage(rc, inner), ...w.calls.map((c) => c.call.call)],
    plan: piece ? planRequest(rc, piece, inner, urls, acceptAtConfig) : { reason: `The codemod has no rewrite for ${inner.client} yet.` },
    summary: `\`${w.wrapper.name}\` now sends its requests to the OAuth gateway with ${TOKEN_HEADER}${calls.length > 0 ? ` (${calls.length} call${calls.length === 1 ? '' : 's'} in this file)` : ''}.`,
  };
}

/**
 * The code a request's change owns: its whole call chain, and auth evidence written in the same
 * function (a `req.auth()` or `headers.set()` on it). Evidence elsewhere (a headers helper) is
 * shared and checked through its uses.
 */
function requestCoverage(rc: RewriteContext, match: RequestMatch): AstNode[] {
  const home = enclosingFunction(rc, match.call);
  return [chainTop(rc, match.call), ...match.auth.filter((a) => enclosingFunction(rc, a.node) === home).map((a) => a.node)];
}

/** `acceptAtConfig`: the configs whose own change adds the Accept header their requests send. */
function planRequest(
  rc: RewriteContext,
  piece: ClientPiece,
  match: RequestMatch,
  urls: Array<{ url: Verdict['url']; verdict: Verdict }>,
  acceptAtConfig: ReadonlySet<ClientConfigMatch>,
): TargetPlan | Refusal {
  const ops: Op[] = [];
  let hashFromEnv = false;
  for (const { url, verdict } of urls) {
    const planned = planUrlRewrite(rc, url, verdict.host, { layout: piece.layout, base: false });
    if (isRefusal(planned)) return planned;
    ops.push(...planned.ops);
    hashFromEnv ||= planned.hashFromEnv;
  }
  if (match.auth.length === 0) return { reason: 'No basic auth was seen on this call, so there is nothing to replace.' };
  let tokenPlaced = false;
  for (const evidence of match.auth) {
    const planned = planAuthRemoval(rc, evidence);
    if (isRefusal(planned)) return planned;
    ops.push(...planned.ops);
    tokenPlaced ||= planned.tokenPlaced;
  }
  const headers: HeaderList = [];
  if (!tokenPlaced && !piece.hasHeader(rc, match, TOKEN_HEADER)) headers.push([TOKEN_HEADER, tokenExpression(rc)]);
  // The gateway answers V2 in XML unless asked for JSON (BCFACTS 3.3), whether or not a `.json`
  // suffix was dropped; a request through a rewritten config is asked for JSON there.
  if (!piece.hasHeader(rc, match, 'accept') && !goesThrough(match.config, acceptAtConfig)) headers.push(acceptJson(rc));
  if (headers.length > 0) {
    const added = piece.addHeaders(rc, match, headers);
    if (isRefusal(added)) return added;
    ops.push(...added);
  }
  return { ops, hashFromEnv };
}

function planConfig(rc: RewriteContext, piece: ClientPiece, config: ClientConfigMatch, verdict: Verdict): TargetPlan | Refusal {
  const ops: Op[] = [];
  let hashFromEnv = false;
  if (config.baseUrl) {
    const planned = planUrlRewrite(rc, config.baseUrl.value, verdict.host, { layout: piece.layout, base: true });
    if (isRefusal(planned)) return planned;
    ops.push(...planned.ops);
    hashFromEnv = planned.hashFromEnv;
  }
  let tokenPlaced = config.auth.length === 0;
  for (const evidence of config.auth) {
    const planned = planAuthRemoval(rc, evidence);
    if (isRefusal(planned)) return planned;
    ops.push(...planned.ops);
    tokenPlaced ||= planned.tokenPlaced;
  }
  if (!tokenPlaced && !piece.addConfigHeaders) return { reason: `The codemod cannot add headers to a ${config.client} config.` };
  const headers: HeaderList = [];
  if (!tokenPlaced) headers.push([TOKEN_HEADER, tokenExpression(rc)]);
  if (takesHeaders(piece, config) && !configHeaderNames(rc, config).has('accept')) headers.push(acceptJson(rc));
  if (headers.length > 0 && piece.addConfigHeaders) {
    const added = piece.addConfigHeaders(rc, config, headers);
    if (isRefusal(added)) return added;
    ops.push(...added);
  }
  const assigned = defaultsAssignment(rc, config);
  if (assigned && !ACCEPT_ASSIGNED.test(rc.source)) {
    // `axios.defaults.auth = …;` → its token line, and the defaults' Accept on a line of its own.
    const { statement } = assigned;
    const end = rc.source[statement.end! - 1] === ';' ? ';' : '';
    const [name, value] = acceptJson(rc);
    const text = `\n${indentOf(rc.source, statement.start!)}${assigned.owner}.headers.common.${name} = ${value}${end}`;
    ops.push({ kind: 'replace', start: statement.end!, end: statement.end!, text, node: config.node });
  }
  return { ops, hashFromEnv };
}

/** `…headers.common.Accept = …` (or `['Accept']`) already written somewhere in the file. */
const ACCEPT_ASSIGNED = /\.headers\.common(?:\.Accept|\[\s*['"]Accept['"]\s*\])\s*=/;

/**
 * axios defaults set by assignment (`axios.defaults.auth = {…}` as a statement, with no options
 * object to put headers in): the `axios.defaults` text and the statement, so that the defaults can
 * ask for JSON once, on a line after it.
 */
function defaultsAssignment(rc: RewriteContext, config: ClientConfigMatch): { owner: string; statement: AstNode } | null {
  const node = config.node;
  if (config.client !== 'axios' || config.kind !== 'defaults' || config.options || node.type !== 'AssignmentExpression') return null;
  let target = node.left;
  while (isMember(target) && memberPropertyName(target) !== 'defaults') target = target.object;
  const statement = rc.parentOf(node);
  if (!isMember(target) || statement?.type !== 'ExpressionStatement') return null;
  return { owner: sourceText(rc, target), statement };
}

/** A config written as an options object literal its client's piece can add headers to (not `axios.defaults.x = ...`). */
function takesHeaders(piece: ClientPiece | null, config: ClientConfigMatch): boolean {
  return !!piece?.addConfigHeaders && config.options?.type === 'ObjectExpression';
}

function acceptJson(rc: RewriteContext): [string, string] {
  return ['Accept', quoted(rc, 'application/json')];
}

/** Whether a request goes through one of these configs, or a config extending one. */
function goesThrough(config: ClientConfigMatch | null, configs: ReadonlySet<ClientConfigMatch>): boolean {
  for (let c = config; c; c = c.parent) if (configs.has(c)) return true;
  return false;
}

/** Targets that touch the same code (a shared base URL, one headers object) form one change. */
function groupTargets(rc: RewriteContext, targets: Target[]): Target[][] {
  const parent = targets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const owners = new Map<unknown, number>();
  targets.forEach((target, i) => {
    const anchors = isRefusal(target.plan) ? [] : target.plan.ops.flatMap((op) => anchorsOf(op, rc));
    for (const key of [...anchors, ...target.ids]) {
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, i);
      else union(owner, i);
    }
  });
  const groups = new Map<number, Target[]>();
  targets.forEach((target, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), target]);
  });
  return [...groups.values()];
}

function describe(finding: Finding): string {
  return `${finding.rule === 'legacy-client-config' ? 'the client config' : finding.rule === 'legacy-request-wrapper' ? 'the wrapper' : 'the call'} at line ${finding.line}`;
}

function changeSummary(finding: Finding): string {
  const what = finding.endpoint ? `${finding.method ?? 'A request'} ${finding.endpoint}` : 'The request';
  return `${what} now goes to the OAuth gateway with ${TOKEN_HEADER}.`;
}

/**
 * What edits made outside the transform leave unused in a file: the cross-file pass rewrites a call
 * whose Basic header came from a helper imported from another module, and the import (or a local
 * helper or credential constant) is then read by nothing. `done`: the transform's own edits of the
 * file, already cleaned up after. Returns the removals as text edits, and the credential values
 * they take out, for redaction.
 */
export function leftUnusedBy(source: string, file: string, program: AstNode, edits: TextEdit[], done: TextEdit[], settings: RewriteSettings): { edits: TextEdit[]; secrets: string[] } {
  const rc = createRewriteContext(source, file, program, settings);
  const usage = buildUsage(rc);
  rc.usage = usage;
  const cleanup = unusedDeclarations(rc, usage, edits, done);
  const fresh = cleanup.ops.filter((op) => !done.some((edit) => within(opNode(op) ?? edit, edit)));
  return { edits: materialize(fresh, rc), secrets: cleanup.secrets };
}
