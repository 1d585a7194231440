// One JavaScript/TypeScript file: parse, run every detector, judge each request, and turn the legacy
// ones into findings. `matchProgram` is also what the transforms call on their own (jscodeshift) AST,
// so detection and rewriting agree on what is legacy.
import type { Config, Finding, Note } from '../types.ts';
import { locationOf, type AstNode } from './ast.ts';
import { secretForms } from './auth.ts';
import {
  configFinding,
  credentialFinding,
  hostWords,
  isBrowserPath,
  judgeConfig,
  judgeRequest,
  requestFinding,
  type FileContext,
  type Verdict,
} from './classify.ts';
import type { ClientConfigMatch, DetectContext, HardcodedSecret, RequestMatch } from './detectors/detector.ts';
import { detectors } from './detectors/index.ts';
import { createEvaluator } from './evaluate.ts';
import { makeFinding } from './finding.ts';
import { buildImportMap } from './imports.ts';
import { parseJs } from './parse.ts';
import { indexFile } from './scope.ts';
import { redactSnippet, snippetOf } from './snippet.ts';
import { unclaimed, withoutSecondReadings } from './unclaimed.ts';
import { ownWrapperBindings, understoodCalls, untracedUses, withUntracedNote, withUntracedWrapperNote, wrapperClasses, wrapperInstanceUses, wrapperValueUses } from './untraced-uses.ts';
import { byWrapperReached, findWrappers, type DetectedRequest, type WrapperCall, type WrapperDef } from './wrappers.ts';
import { byCodeUnit } from '../order.ts';

export interface LegacyRequest {
  detector: string;
  match: RequestMatch;
  verdict: Verdict;
  /** The legacy-api-call finding; null when the request is reported through its wrapper instead. */
  findingId: string | null;
}

export interface LegacyConfig {
  config: ClientConfigMatch;
  verdict: Verdict;
  findingId: string;
}

export interface LegacyWrapper {
  wrapper: WrapperDef;
  verdict: Verdict;
  findingId: string;
  /** Its calls in this file that resolve to legacy requests. */
  calls: Array<{ call: WrapperCall; match: RequestMatch; verdict: Verdict; findingId: string }>;
}

export interface LegacyCredential {
  /** The literal to replace; the value itself is only in `secrets`. */
  node: AstNode;
  what: HardcodedSecret['what'];
  findingId: string;
}

/** What the transforms consume: every legacy request, config, wrapper and hard-coded credential, as AST nodes. */
export interface FileMatches {
  file: string;
  requests: LegacyRequest[];
  configs: LegacyConfig[];
  wrappers: LegacyWrapper[];
  credentials: LegacyCredential[];
}

export interface JsFileResult {
  findings: Finding[];
  secrets: string[];
  comments: Array<{ text: string; line: number; block: boolean }>;
  matches: FileMatches;
}

/** Throws ParseError when the file does not parse. */
export function analyzeJsSource(input: { path: string; text: string }, ctx: { config: Config }): JsFileResult {
  const parsed = parseJs(input.text, input.path);
  const result = matchProgram(parsed.program, input.text, input.path, ctx.config);
  const comments = parsed.comments.map((c) => ({
    text: String(c.value),
    line: c.loc?.start?.line ?? 1,
    block: c.type === 'CommentBlock' || c.type === 'Block',
  }));
  return { ...result, comments };
}

/** Runs detection and classification over a parsed Program (Babel or jscodeshift/recast shaped). */
export function matchProgram(program: AstNode, text: string, file: string, config: Config): Omit<JsFileResult, 'comments'> {
  const index = indexFile(program, text);
  const evaluator = createEvaluator(index);
  const ctx: DetectContext = { file, text, ast: program, index, evaluator, imports: buildImportMap(index), cache: new Map() };
  const fctx: FileContext = {
    file,
    text,
    config,
    index,
    browserFile: isBrowserPath(file),
    usesBrowserGlobals: index.browserGlobalRefs.some((ref) => index.resolve(ref) === null),
    secrets: new Set(),
  };

  const configs = detectors.flatMap((d) => d.detectConfigs?.(ctx) ?? []);
  const detected: DetectedRequest[] = withoutSecondReadings(detectors.flatMap((detector) => detector.detect(ctx).map((match) => ({ detector, match }))));
  const { wrappers, calls } = findWrappers(ctx, detected);
  const judged = unclaimed(detected, { wrappers, calls }, configs).map((d) => ({ ...d, verdict: judgeRequest(d.match, fctx) }));

  // Wrapper calls, judged with their arguments bound.
  const resolvedCalls = calls
    .filter((c): c is WrapperCall & { resolved: RequestMatch } => c.resolved !== null)
    .map((c) => ({ call: c, match: c.resolved, verdict: judgeRequest(c.resolved, fctx) }))
    .filter((c) => c.verdict.legacy);

  // Secrets first, so every snippet below is redacted.
  const secretNodes = new Map<AstNode, { secret: HardcodedSecret; client: string; verdict: Verdict }>();
  const collect = (match: RequestMatch, verdict: Verdict) => {
    for (const auth of match.auth) {
      secretForms(evaluator, auth).forEach((s) => fctx.secrets.add(s));
      for (const secret of auth.hardcoded) if (!secretNodes.has(secret.node)) secretNodes.set(secret.node, { secret, client: match.client, verdict });
    }
  };
  const wrapperOfRequest = new Map(wrappers.filter((w) => !w.via).map((w) => [w.request.match, w]));
  const callsThrough = byWrapperReached(resolvedCalls, (c) => c.call.wrapper);
  const legacyWrappers = wrappers
    .map((w) => {
      const through = callsThrough.get(w) ?? [];
      return { wrapper: w, ownVerdict: judgeRequest(w.request.match, fctx), calls: through.filter((c) => c.call.wrapper === w), through };
    })
    .filter((w) => w.ownVerdict.legacy || w.through.length > 0);
  const legacyWrapperSet = new Set(legacyWrappers.map((w) => w.wrapper));
  for (const j of judged) if (j.verdict.legacy) collect(j.match, j.verdict);
  for (const c of resolvedCalls) collect(c.match, c.verdict);
  for (const config of configs) {
    for (const auth of config.auth) secretForms(evaluator, auth).forEach((s) => fctx.secrets.add(s));
  }

  const findings: Finding[] = [];
  const matches: FileMatches = { file, requests: [], configs: [], wrappers: [], credentials: [] };

  for (const j of judged) {
    if (!j.verdict.legacy) continue;
    const wrapped = wrapperOfRequest.get(j.match);
    const isLegacyWrapper = wrapped !== undefined && legacyWrapperSet.has(wrapped);
    if (isLegacyWrapper) {
      matches.requests.push({ detector: j.detector.name, match: j.match, verdict: j.verdict, findingId: null });
      continue;
    }
    const finding = requestFinding(j.match, j.verdict, fctx);
    findings.push(finding);
    matches.requests.push({ detector: j.detector.name, match: j.match, verdict: j.verdict, findingId: finding.id });
  }

  const legacyDefs = legacyWrappers.map((w) => w.wrapper);
  const useUnit = { index, evaluator, imports: ctx.imports, file };
  const valueUses = wrapperValueUses(ownWrapperBindings(legacyDefs, index), new Map(), useUnit);
  for (const [wrapper, sites] of wrapperInstanceUses(wrapperClasses(legacyDefs, () => index), useUnit)) valueUses.set(wrapper, [...(valueUses.get(wrapper) ?? []), ...sites]);
  for (const w of legacyWrappers) {
    const verdict = w.ownVerdict.legacy ? w.ownVerdict : w.through[0].verdict;
    const finding = withUntracedWrapperNote(wrapperFinding(w.wrapper, w.ownVerdict, verdict, w.calls.length, fctx), w.wrapper.name, valueUses.get(w.wrapper) ?? []);
    findings.push(finding);
    if (!w.ownVerdict.legacy && !w.wrapper.via) {
      // Legacy only through its callers: still what a rewrite must change.
      matches.requests.push({ detector: w.wrapper.request.detector.name, match: w.wrapper.request.match, verdict, findingId: null });
    }
    const callMatches = w.calls.map((c) => {
      const callFinding = requestFinding(c.match, c.verdict, fctx, {
        at: c.call.call,
        trace: [
          { role: 'call', file, line: c.call.call.loc?.start?.line ?? 1, description: `call to ${w.wrapper.name}` },
          { role: 'definition', file, line: w.wrapper.fn.loc?.start?.line ?? 1, description: `${w.wrapper.name} builds the request` },
        ],
        notes: argumentNotes(c.match, c.verdict),
      });
      findings.push(callFinding);
      return { ...c, findingId: callFinding.id };
    });
    matches.wrappers.push({ wrapper: w.wrapper, verdict, findingId: finding.id, calls: callMatches });
  }

  const allLegacy = [...judged.filter((j) => j.verdict.legacy), ...resolvedCalls];
  for (const config of configs) {
    const verdict = judgeConfig(config, allLegacy, fctx);
    if (!verdict) continue;
    const understood = understoodCalls(config, detected.map((d) => d.match), configs);
    const finding = withUntracedNote(configFinding(config, verdict, fctx), config, untracedUses(config, understood, index, file));
    findings.push(finding);
    matches.configs.push({ config, verdict, findingId: finding.id });
    for (const auth of config.auth) {
      for (const secret of auth.hardcoded) if (!secretNodes.has(secret.node)) secretNodes.set(secret.node, { secret, client: config.client, verdict });
    }
  }

  for (const { secret, client, verdict } of secretNodes.values()) {
    const finding = credentialFinding(secret, verdict, client, fctx);
    findings.push(finding);
    matches.credentials.push({ node: secret.node, what: secret.what, findingId: finding.id });
  }

  findings.sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnit(a.rule, b.rule));
  return { findings, secrets: [...fctx.secrets], matches };
}

function argumentNotes(match: RequestMatch, verdict: Verdict): Note[] {
  const notes: Note[] = [];
  if (verdict.endpoint.endpoint === null) {
    notes.push({ kind: 'dynamic-endpoint', message: 'The arguments of this call do not fix the request path statically.' });
  }
  if (match.method === null) {
    notes.push({ kind: 'dynamic-method', message: 'The arguments of this call do not fix the HTTP method statically.' });
  }
  return notes;
}

function wrapperFinding(wrapper: WrapperDef, own: Verdict, verdict: Verdict, callCount: number, fctx: FileContext): Finding {
  const loc = locationOf(wrapper.fn, fctx.file);
  const snippet = redactSnippet(snippetOf(fctx.text, loc.line, loc.line), fctx.secrets);
  const match = wrapper.request.match;
  const methodFromParam = match.methodNode !== null && match.method === null;
  const method = wrapper.via ? null : match.method;
  // With its calls reported one by one, an unknown method here would only inflate the scope list.
  const endpoint = own.legacy && !(method === null && callCount > 0) && !wrapper.via ? own.endpoint.endpoint : null;
  const params = wrapper.params.map((p) => `\`${p}\``).join(', ');
  const decided = [
    own.endpoint.endpoint === null || wrapper.via ? 'the endpoint' : null,
    methodFromParam || method === null ? 'the method' : null,
  ].filter(Boolean).join(' and ');
  const callers = callCount === 0 ? 'No call to it in this file fixes them' : `${callCount} call${callCount === 1 ? '' : 's'} in this file ${callCount === 1 ? 'is' : 'are'} reported on ${callCount === 1 ? 'its' : 'their'} own line`;
  const message = `\`${wrapper.name}\` builds legacy API requests (${match.client}, ${hostWords(verdict.host)}) from its parameter${wrapper.params.length === 1 ? '' : 's'} ${params}; ${decided || 'part of the request'} ${decided.includes(' and ') ? 'are' : 'is'} decided by its callers. ${callers}.`;
  const notes: Note[] = verdict.notes.filter((n) => n.kind !== 'dynamic-endpoint' && n.kind !== 'dynamic-method');
  return makeFinding({
    rule: 'legacy-request-wrapper',
    client: match.client,
    location: loc,
    confidence: verdict.confidence,
    host: verdict.host,
    method,
    endpoint,
    fixable: verdict.fixable,
    message,
    code: snippet,
    notes,
    trace: [{ role: 'definition', file: fctx.file, line: loc.line, description: `${wrapper.name} sends the request at line ${match.call.loc?.start?.line ?? loc.line}` }],
    snippet,
  });
}
