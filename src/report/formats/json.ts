// The stable JSON contract (schema/report.schema.json). Keys are written in a fixed order and
// optional fields are always present (null when absent), so the same report gives the same bytes.
import type { Finding, Report, ScopeRequirement, UnmappedEndpoint } from '../../types.ts';
import type { RenderContext, Reporter } from '../reporter.ts';
import { sortedFindings, sortedScopes } from '../shared.ts';

function findingJson(f: Finding) {
  return {
    id: f.id,
    rule: f.rule,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    confidence: f.confidence,
    host:
      f.host === null
        ? null
        : {
            kind: f.host.kind,
            name: f.host.name,
            storeHash: f.host.storeHash,
            storeHashSource: f.host.storeHashSource ?? null,
            channelId: f.host.channelId ?? null,
          },
    method: f.method,
    endpoint: f.endpoint,
    scope: f.scope,
    client: f.client,
    fixable: f.fixable,
    message: f.message,
    notes: f.notes.map((n) => ({ kind: n.kind, message: n.message })),
    trace: f.trace.map((t) => ({ role: t.role, file: t.file, line: t.line, description: t.description })),
    snippet: f.snippet ?? null,
  };
}

function scopeJson(s: ScopeRequirement) {
  return {
    scope: s.scope,
    access: s.access,
    label: s.label,
    endpoints: s.endpoints.map((e) => ({ method: e.method, endpoint: e.endpoint, locations: [...e.locations] })),
    note: s.note ?? null,
  };
}

function unmappedJson(u: UnmappedEndpoint) {
  return { method: u.method, endpoint: u.endpoint, locations: [...u.locations], reason: u.reason };
}

/** The report as the JSON contract describes it, before serialization. */
export function reportJson(report: Report, ctx: RenderContext) {
  const s = report.summary;
  return {
    schemaVersion: 1 as const,
    tool: { name: report.tool.name, version: ctx.toolVersion ?? report.tool.version },
    root: report.root,
    summary: {
      filesScanned: s.filesScanned,
      findings: s.findings,
      errors: s.errors,
      complete: s.complete,
      fixable: s.fixable,
      needsHuman: s.needsHuman,
      skipped: s.skipped,
    },
    findings: sortedFindings(report).map(findingJson),
    scopes: sortedScopes(report).map(scopeJson),
    unmapped: report.unmapped.map(unmappedJson),
    errors: report.errors.map((e) => ({ file: e.file, message: e.message })),
    skipped: report.skipped.map((k) => ({ file: k.file, reason: k.reason, message: k.message, ...(k.mightBeLegacy ? { mightBeLegacy: true as const } : {}) })),
  };
}

export const reporter: Reporter = {
  name: 'json',
  render: (report, ctx) => JSON.stringify(reportJson(report, ctx), null, 2) + '\n',
};
