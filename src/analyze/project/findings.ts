// Findings of the project pass, file by file, in the fast scan's shapes: the same rules, messages and
// ids, with traces that name the file each piece came from.
import type { Config, Finding, Note } from '../../types.ts';
import { credentialEnvNames, envTemplateEdits, projectEditsOf, projectRefusalOf, recordEdits, requestEdits } from './edits.ts';
import { editChecker } from './edit-uses.ts';
import { locationOf, type AstNode } from '../ast.ts';
import { secretForms } from '../auth.ts';
import { configFinding, credentialFinding, hostWords, judgeConfig, requestFinding, type Verdict } from '../classify.ts';
import type { ClientConfigMatch, HardcodedSecret, RequestMatch } from '../detectors/detector.ts';
import { adviceFor, makeFinding } from '../finding.ts';
import type { FileMatches } from '../js-file.ts';
import { redactSnippet, snippetOf } from '../snippet.ts';
import { byWrapperReached, type WrapperDef } from '../wrappers.ts';
import type { CrossCall } from './cross-calls.ts';
import type { ProjectModel } from './model.ts';
import { provenanceNotes, traceOf } from './trace.ts';
import type { UnitAnalysis } from './unit-analysis.ts';
import { importedUntracedUses, ownWrapperBindings, understoodCalls, untracedUses, withUntracedNote, withUntracedWrapperNote, wrapperClasses, wrapperInstanceUses, wrapperValueUses, type UseSite } from '../untraced-uses.ts';
import { byCodeUnit } from '../../order.ts';

export interface UnitFindings {
  file: string;
  findings: Finding[];
  matches: FileMatches;
}

interface PendingSecret {
  secret: HardcodedSecret;
  client: string;
  verdict: Verdict;
}

/** The requests a unit's detectors matched, wrappers' own included. */
function requestsOf(u: UnitAnalysis): RequestMatch[] {
  return [...u.judged.map((j) => j.match), ...u.wrappers.map((w) => w.request.match)];
}

/**
 * Where instances made in one file are handed on or stored in the files that import them. `reaches`
 * (the import graph): whether a file may import one of these files, directly or not; a file that
 * cannot is not walked.
 */
function instancesHandedOnElsewhere(units: readonly UnitAnalysis[], reaches?: Reaches): Map<ClientConfigMatch, UseSite[]> {
  const instances = new Map(units.flatMap((u) => u.configs.filter((c) => c.kind === 'instance').map((c) => [c.node, c] as const)));
  const uses = new Map<ClientConfigMatch, UseSite[]>();
  if (instances.size === 0) return uses;
  const homes = new Set(units.filter((u) => u.configs.some((c) => c.kind === 'instance')).map((u) => u.unit.file));
  for (const u of units) {
    if (reaches && !reaches(u.unit.file, homes)) continue;
    const requests = requestsOf(u);
    const unit = { index: u.ctx.index, evaluator: u.ctx.evaluator, imports: u.ctx.imports, file: u.unit.file };
    for (const [config, sites] of importedUntracedUses(instances, (c) => understoodCalls(c, requests, u.configs), unit)) {
      uses.set(config, [...(uses.get(config) ?? []), ...sites]);
    }
  }
  return uses;
}

/** Where the (legacy) wrappers of any file are used as values (handed on, stored, bound), in their own file or in the files importing them. */
function wrappersUsedAsValues(units: readonly UnitAnalysis[], wrappersOf: (u: UnitAnalysis) => WrapperDef[], reaches?: Reaches): Map<WrapperDef, UseSite[]> {
  const uses = new Map<WrapperDef, UseSite[]>();
  const byFunction = new Map(units.flatMap((u) => wrappersOf(u).map((w) => [w.fn, w] as const)));
  if (byFunction.size === 0) return uses;
  const homes = new Set(units.filter((u) => wrappersOf(u).length > 0).map((u) => u.unit.file));
  const ownClasses = (u: UnitAnalysis) => wrapperClasses(wrappersOf(u), () => u.ctx.index);
  const allClasses = new Map(units.flatMap((u) => [...ownClasses(u)]));
  for (const u of units) {
    const own = ownWrapperBindings(wrappersOf(u), u.ctx.index);
    const imported = !reaches || reaches(u.unit.file, homes) ? byFunction : new Map<AstNode, WrapperDef>();
    const unit = { index: u.ctx.index, evaluator: u.ctx.evaluator, imports: u.ctx.imports, file: u.unit.file };
    for (const [wrapper, sites] of wrapperValueUses(own, imported, unit)) uses.set(wrapper, [...(uses.get(wrapper) ?? []), ...sites]);
    const classes = !reaches || reaches(u.unit.file, homes) ? allClasses : ownClasses(u);
    for (const [wrapper, sites] of wrapperInstanceUses(classes, unit)) uses.set(wrapper, [...(uses.get(wrapper) ?? []), ...sites]);
  }
  return uses;
}

/** Whether a module may import one of `targets`, directly or through others (import-graph.ts). */
export type Reaches = (path: string, targets: ReadonlySet<string>) => boolean;

export function collectFindings(model: ProjectModel, units: readonly UnitAnalysis[], crossCalls: readonly CrossCall[], config: Config, reaches?: Reaches): { files: UnitFindings[]; secrets: Set<string> } {
  const secrets = new Set<string>();
  const rewritable: Array<{ finding: Finding; match: RequestMatch; verdict: Verdict; owner: UnitAnalysis; covered?: AstNode[] }> = [];
  const byUnit = new Map(units.map((u) => [u, { file: u.unit.file, findings: [] as Finding[], matches: emptyMatches(u.unit.file) }]));
  const pendingSecrets = new Map<AstNode, PendingSecret>();
  const collect = (unit: UnitAnalysis, match: RequestMatch, verdict: Verdict) => {
    for (const auth of match.auth) {
      secretForms(unit.ctx.evaluator, auth).forEach((s) => secrets.add(s));
      for (const secret of auth.hardcoded) if (!pendingSecrets.has(secret.node)) pendingSecrets.set(secret.node, { secret, client: match.client, verdict });
    }
  };

  // Secrets first, so every snippet is redacted.
  for (const u of units) {
    for (const j of u.judged) if (j.verdict.legacy) collect(u, j.match, j.verdict);
    for (const c of u.calls) if (c.resolved && c.verdict?.legacy) collect(u, c.resolved, c.verdict);
    for (const config of u.configs) for (const auth of config.auth) secretForms(u.ctx.evaluator, auth).forEach((s) => secrets.add(s));
  }
  for (const c of crossCalls) collect(c.owner, c.match, c.verdict);
  for (const u of units) for (const s of secrets) u.fctx.secrets.add(s);

  const allLegacy: Array<{ match: RequestMatch; verdict: Verdict }> = [];
  const crossCallsByOwner = new Map<UnitAnalysis, CrossCall[]>();
  for (const c of crossCalls) {
    const list = crossCallsByOwner.get(c.owner);
    if (list) list.push(c);
    else crossCallsByOwner.set(c.owner, [c]);
  }
  const legacyWrappersOf = new Map(units.map((u) => {
    const verdictOf = new Map(u.judged.map((j) => [j.match, j.verdict]));
    const sameFileThrough = byWrapperReached(u.calls.filter((c) => c.verdict?.legacy), (c) => c.wrapper);
    const acrossThrough = byWrapperReached(crossCallsByOwner.get(u) ?? [], (c) => c.wrapper);
    const legacy = u.wrappers
      .map((w) => ({ wrapper: w, own: verdictOf.get(w.request.match)!, sameFile: sameFileThrough.get(w) ?? [], across: acrossThrough.get(w) ?? [] }))
      .filter((w) => w.own.legacy || w.sameFile.length > 0 || w.across.length > 0);
    return [u, legacy] as const;
  }));
  const valueUses = wrappersUsedAsValues(units, (u) => legacyWrappersOf.get(u)!.map((w) => w.wrapper), reaches);
  for (const u of units) {
    const out = byUnit.get(u)!;
    const legacyWrappers = legacyWrappersOf.get(u)!;
    const directLegacyRequests = new Set(legacyWrappers.filter((w) => !w.wrapper.via).map((w) => w.wrapper.request.match));
    const viaLegacyWrapper = (match: RequestMatch) => directLegacyRequests.has(match);

    for (const j of u.judged) {
      if (!j.verdict.legacy) continue;
      allLegacy.push(j);
      if (viaLegacyWrapper(j.match)) {
        out.matches.requests.push({ detector: j.detector.name, match: j.match, verdict: j.verdict, findingId: null });
        continue;
      }
      const finding = withTrace(model, u, requestFinding(j.match, j.verdict, u.fctx), j.match, j.verdict);
      out.findings.push(finding);
      rewritable.push({ finding, match: j.match, verdict: j.verdict, owner: u });
      out.matches.requests.push({ detector: j.detector.name, match: j.match, verdict: j.verdict, findingId: finding.id });
    }

    for (const w of legacyWrappers) {
      const verdict = w.own.legacy ? w.own : (w.sameFile[0]?.verdict ?? w.across[0].verdict)!;
      const callCount = w.sameFile.filter((c) => c.wrapper === w.wrapper).length + w.across.filter((c) => c.wrapper === w.wrapper).length;
      const finding = withUntracedWrapperNote(wrapperFinding(model, u, w.wrapper, w.own, verdict, callCount), w.wrapper.name, valueUses.get(w.wrapper) ?? []);
      out.findings.push(finding);
      const sample = w.sameFile[0]?.resolved ?? w.across[0]?.match ?? w.wrapper.request.match;
      rewritable.push({ finding, match: sample, verdict, owner: u, covered: [w.wrapper.fn] });
      if (!w.own.legacy && !w.wrapper.via) {
        out.matches.requests.push({ detector: w.wrapper.request.detector.name, match: w.wrapper.request.match, verdict, findingId: null });
      }
      const calls = w.sameFile
        .filter((c) => c.wrapper === w.wrapper)
        .map((c) => {
          const match = c.resolved!;
          const callVerdict = c.verdict!;
          allLegacy.push({ match, verdict: callVerdict });
          const finding = callFinding(model, u, u, w.wrapper, c.call, match, callVerdict);
          out.findings.push(finding);
          rewritable.push({ finding, match, verdict: callVerdict, owner: u, covered: [w.wrapper.fn, c.call] });
          return { call: c, match, verdict: callVerdict, findingId: finding.id };
        });
      out.matches.wrappers.push({ wrapper: w.wrapper, verdict, findingId: finding.id, calls });
    }
  }

  for (const c of crossCalls) {
    allLegacy.push({ match: c.match, verdict: c.verdict });
    const finding = callFinding(model, c.caller, c.owner, c.wrapper, c.call, c.match, c.verdict);
    byUnit.get(c.caller)!.findings.push(finding);
    rewritable.push({ finding, match: c.match, verdict: c.verdict, owner: c.owner, covered: [c.wrapper.fn, c.call] });
  }

  const handedOn = instancesHandedOnElsewhere(units, reaches);
  for (const u of units) {
    const out = byUnit.get(u)!;
    for (const config of u.configs) {
      const verdict = judgeConfig(config, allLegacy, u.fctx);
      if (!verdict) continue;
      const uses = [...untracedUses(config, understoodCalls(config, requestsOf(u), u.configs), u.ctx.index, u.unit.file), ...(handedOn.get(config) ?? [])];
      const base = withUntracedNote(configFinding(config, verdict, u.fctx), config, uses);
      const finding = { ...base, notes: mergeNotes(base.notes, provenanceNotes(model, verdict)), trace: traceOf(model, asRequest(config), verdict, u.unit.file) };
      out.findings.push(finding);
      out.matches.configs.push({ config, verdict, findingId: finding.id });
      rewritable.push({ finding, match: asRequest(config), verdict, owner: u });
      for (const auth of config.auth) {
        for (const secret of auth.hardcoded) if (!pendingSecrets.has(secret.node)) pendingSecrets.set(secret.node, { secret, client: config.client, verdict });
      }
    }
  }

  // A credential is reported where it is written; env and JSON files report their own.
  for (const { secret, client, verdict } of pendingSecrets.values()) {
    const owner = units.find((u) => u.unit === model.unitOf(secret.node));
    if (!owner || owner.unit.kind !== 'js') continue;
    const out = byUnit.get(owner)!;
    const finding = credentialFinding(secret, verdict, client, owner.fctx);
    out.findings.push(finding);
    out.matches.credentials.push({ node: secret.node, what: secret.what, findingId: finding.id });
  }

  recordProjectEdits(model, units, rewritable, config);

  const files = [...byUnit.values()];
  for (const f of files) f.findings.sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnit(a.rule, b.rule));
  return { files, secrets };
}

/** Each finding's definition edits, plus the env template edits for the env keys its host came from. */
function recordProjectEdits(model: ProjectModel, units: readonly UnitAnalysis[], items: ReadonlyArray<{ finding: Finding; match: RequestMatch; verdict: Verdict; owner: UnitAnalysis; covered?: AstNode[] }>, config: Config): void {
  const credentialKeys = new Set<string>();
  for (const { match, owner } of items) {
    for (const name of credentialEnvNames(match, owner.ctx.evaluator)) credentialKeys.add(name);
  }
  const hostKeys = new Map<string, string>();
  // A URL literal may change only when every use of its definition is one of these requests.
  const mayEdit = editChecker(model, units, items.flatMap(({ match, covered }) => [match.call, ...(covered ?? [])]));
  // A client config's own finding: the calls through it share its edits, and its reasons to stay.
  const configFindings = new Map(items.filter(({ match }) => match.config && match.call === match.config.node).map(({ match, finding }) => [match.config!, finding] as const));
  for (const { finding, match, verdict } of items) {
    const client = match.config && match.call !== match.config.node ? configFindings.get(match.config) : undefined;
    if (client && !client.fixable && verdict.fixable) {
      recordEdits(finding, { reason: `It shares code with the client config at ${client.file}:${client.line}, which cannot be rewritten: ${adviceFor(client)}` });
      continue;
    }
    recordEdits(finding, requestEdits(model, match, verdict, config, mayEdit));
    const hash = verdict.fixable ? verdict.host.storeHash : null;
    for (const part of verdict.url) {
      const origin = part.node ? model.provenance.get(part.node) : undefined;
      if (origin && hash) hostKeys.set(origin.name, hash);
    }
  }
  // The env templates change once for the whole project; the findings that read them share the edits.
  const envEdits = envTemplateEdits(model, credentialKeys, hostKeys, config);
  if (envEdits.length > 0) {
    for (const { finding, verdict } of items) {
      if (verdict.fixable && verdict.host.storeHash && !projectRefusalOf(finding)) recordEdits(finding, [...projectEditsOf(finding), ...envEdits]);
    }
  }
}

function withTrace(model: ProjectModel, owner: UnitAnalysis, finding: Finding, match: RequestMatch, verdict: Verdict, extra: Finding['trace'] = []): Finding {
  const trace = [...traceOf(model, match, verdict, finding.file, owner.ctx.evaluator), ...extra];
  return { ...finding, notes: mergeNotes(finding.notes, provenanceNotes(model, verdict)), trace };
}

function callFinding(model: ProjectModel, caller: UnitAnalysis, owner: UnitAnalysis, wrapper: WrapperDef, call: AstNode, match: RequestMatch, verdict: Verdict): Finding {
  const notes: Note[] = [];
  if (verdict.endpoint.endpoint === null) notes.push({ kind: 'dynamic-endpoint', message: 'The arguments of this call do not fix the request path statically.' });
  if (match.method === null) notes.push({ kind: 'dynamic-method', message: 'The arguments of this call do not fix the HTTP method statically.' });
  const line = (node: AstNode) => node.loc?.start?.line ?? 1;
  const base = requestFinding(match, verdict, caller.fctx, { at: call, notes });
  return withTrace(model, owner, base, match, verdict, [
    { role: 'call', file: caller.unit.file, line: line(call), description: `call to ${wrapper.name}` },
    { role: 'definition', file: owner.unit.file, line: line(wrapper.fn), description: `${wrapper.name} builds the request` },
  ]);
}

function wrapperFinding(model: ProjectModel, u: UnitAnalysis, wrapper: WrapperDef, own: Verdict, verdict: Verdict, callCount: number): Finding {
  const loc = locationOf(wrapper.fn, u.unit.file);
  const snippet = redactSnippet(snippetOf(u.unit.text, loc.line, loc.line), u.fctx.secrets);
  const match = wrapper.request.match;
  const method = wrapper.via ? null : match.method;
  const endpoint = own.legacy && !(method === null && callCount > 0) && !wrapper.via ? own.endpoint.endpoint : null;
  const params = wrapper.params.map((p) => `\`${p}\``).join(', ');
  const callers = callCount === 0 ? 'No call to it fixes them statically' : `${callCount} call${callCount === 1 ? ' is' : 's are'} reported at the call site${callCount === 1 ? '' : 's'}`;
  const notes = mergeNotes(verdict.notes.filter((n) => n.kind !== 'dynamic-endpoint' && n.kind !== 'dynamic-method'), provenanceNotes(model, verdict));
  return makeFinding({
    rule: 'legacy-request-wrapper',
    client: match.client,
    location: loc,
    confidence: verdict.confidence,
    host: verdict.host,
    method,
    endpoint,
    fixable: verdict.fixable,
    message: `\`${wrapper.name}\` builds legacy API requests (${match.client}, ${hostWords(verdict.host)}) from its parameter${wrapper.params.length === 1 ? '' : 's'} ${params}; its callers decide the rest. ${callers}.`,
    code: snippet,
    notes,
    trace: [
      // Host (and auth) as its callers resolve them; the path and method from the wrapper's own code.
      ...traceOf(model, match, verdict, u.unit.file).filter((s) => s.role === 'host'),
      ...traceOf(model, match, own, u.unit.file, u.ctx.evaluator).filter((s) => s.role !== 'host'),
      { role: 'definition', file: u.unit.file, line: loc.line, description: `${wrapper.name} sends the request at line ${match.call.loc?.start?.line ?? loc.line}` },
    ],
    snippet,
  });
}

function asRequest(config: ClientConfigMatch): RequestMatch {
  return { client: config.client, call: config.node, url: null, baseUrl: config.baseUrl, method: null, methodNode: null, methodSource: 'default', auth: config.auth, headers: config.headers, options: config.options, config, browserSide: false, xml: false, env: null };
}

function mergeNotes(a: Note[], b: Note[]): Note[] {
  const out = [...a];
  for (const note of b) if (!out.some((n) => n.kind === note.kind)) out.push(note);
  return out;
}

function emptyMatches(file: string): FileMatches {
  return { file, requests: [], configs: [], wrappers: [], credentials: [] };
}

