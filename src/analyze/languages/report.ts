// Building findings from syntax nodes: location, redacted snippet and id code in one place.
import type { Node } from 'web-tree-sitter';
import { makeFinding, type FindingInput } from '../finding.ts';
import type { Finding, HttpMethod, TraceStep } from '../../types.ts';
import type { UrlEvidence } from './evidence.ts';
import type { Collector, LanguageFile, LibraryConfigUse } from './context.ts';
import { redactText } from './credentials.ts';
import { closest, isInside, lineOf, linesOf, locationOf } from './syntax.ts';

export type NodeFindingInput = Omit<FindingInput, 'location' | 'code' | 'snippet'>;

/** A finding located at `node`, its snippet and id code taken from the node's source with secrets blanked. */
export function reportAt(file: LanguageFile, out: Collector, node: Node, input: NodeFindingInput): Finding {
  const finding = makeFinding({
    ...input,
    location: locationOf(file.path, node),
    code: redactText(node.text, out.secrets),
    snippet: redactText(linesOf(file.text, node), out.secrets),
  });
  out.findings.push(finding);
  return finding;
}

/**
 * A legacy call made with a client of these languages: the request itself, or a call of a wrapper
 * that sends it (see wrappers.ts). `advice` says what to write instead, in a sentence without its capital.
 */
export function reportLegacyCall(
  file: LanguageFile,
  out: Collector,
  at: Node,
  call: { client: string; clientName: string; evidence: UrlEvidence; method: HttpMethod | null; advice: string; trace: TraceStep[] },
): void {
  const { evidence, method, advice } = call;
  reportAt(file, out, at, {
    rule: 'legacy-api-call',
    client: call.client,
    confidence: evidence.confidence,
    host: evidence.host,
    method,
    endpoint: evidence.endpoint,
    fixable: false,
    message: `${call.clientName} request to the legacy API (${method ?? 'method unknown'} ${evidence.shown}) with basic auth. ${advice[0].toUpperCase()}${advice.slice(1)}`,
    notes: evidence.notes,
    trace: call.trace,
  });
}

export function step(file: LanguageFile, role: TraceStep['role'], node: Node, description: string): TraceStep {
  return { role, file: file.path, line: lineOf(node), description };
}

/**
 * Marks legacy configurations that sit in a conditional which also holds an OAuth configuration of
 * the same library: dual-mode code, where only the legacy branch is reported.
 */
export function markDualMode(configs: LibraryConfigUse[], isConditional: (node: Node) => boolean): void {
  for (const legacy of configs.filter((c) => c.mode === 'legacy')) {
    let conditional = closest(legacy.node, isConditional);
    while (conditional) {
      const container = conditional;
      if (configs.some((c) => c.mode === 'oauth' && c.library === legacy.library && isInside(c.node, container))) {
        legacy.dualMode = true;
        break;
      }
      conditional = closest(container, isConditional);
    }
  }
}

export const DUAL_MODE_MESSAGE =
  'An `if` chooses between this legacy configuration and an OAuth one. Once every store has OAuth credentials, delete the legacy branch and keep the OAuth configuration.';
