// SARIF 2.1.0 for code scanning: one rule per rule id, stable fingerprints, the scope report as run properties.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import type { Finding, Report } from '../../types.ts';
import type { RenderContext, Reporter } from '../reporter.ts';
import { ruleList } from '../rules.ts';
import { findingHeadline, sortedFindings } from '../shared.ts';
import { reportJson } from './json.ts';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'bcOauthMigrate/v1';

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(index: number): ReportingDescriptor {
  const rule = ruleList[index];
  const more = rule.helpUri ? `\n\n[More about OAuth API accounts](${rule.helpUri})` : '';
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    help: { text: rule.help, markdown: `**How to fix:** ${rule.help}${more}` },
    defaultConfiguration: { level: rule.defaultSeverity },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
  };
}

function artifact(file: string) {
  return { uri: relativeUri(file), uriBaseId: SRCROOT };
}

function result(report: Report, f: Finding): Result {
  const ruleIndex = ruleList.findIndex((r) => r.id === f.rule);
  const rule = ruleList[ruleIndex];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: rule.defaultSeverity,
    message: { text: findingHeadline(report, f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
          },
        },
      },
    ],
    ...(f.trace.length > 0
      ? {
          relatedLocations: f.trace.map((step, id) => ({
            id,
            message: { text: `${step.role}: ${step.description}` },
            physicalLocation: { artifactLocation: artifact(step.file), region: { startLine: step.line } },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: {
      confidence: f.confidence,
      method: f.method,
      endpoint: f.endpoint,
      scope: f.scope,
      client: f.client,
      fixable: f.fixable,
      notes: f.notes.map((n) => ({ kind: n.kind, message: n.message })),
    },
  };
}

function notifications(report: Report): Notification[] {
  const at = (file: string) => [{ physicalLocation: { artifactLocation: artifact(file) } }];
  return [
    ...report.errors.map((e): Notification => ({ level: 'error', message: { text: e.message }, locations: at(e.file) })),
    ...report.skipped.map(
      (s): Notification => ({ level: s.mightBeLegacy ? 'warning' : 'note', message: { text: `Skipped (${s.reason}): ${s.message}` }, locations: at(s.file) }),
    ),
  ];
}

function render(report: Report, ctx: RenderContext): string {
  const contract = reportJson(report, ctx);
  const run: Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: ctx.toolVersion ?? report.tool.version,
        rules: ruleList.map((_, i) => ruleDescriptor(i)),
      },
    },
    ...(isAbsolute(report.root)
      ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.replace(/\/?$/, '/')).href } } }
      : {}),
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(report) }],
    results: sortedFindings(report).map((f) => result(report, f)),
    properties: { scopes: contract.scopes, unmapped: contract.unmapped, complete: report.summary.complete },
  };
  const log: Log = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}

export const reporter: Reporter = { name: 'sarif', render };
