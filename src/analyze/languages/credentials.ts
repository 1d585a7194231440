// Literal credentials written into code: reported as `hardcoded-credential`, their values kept only in
// the collector's secrets (for redaction), never in a message, snippet, trace or id.
import type { Node } from 'web-tree-sitter';
import { makeFinding } from '../finding.ts';
import { isTooShortForASecret } from '../../redact.ts';
import type { HostInfo } from '../../types.ts';
import type { Collector, LanguageFile } from './context.ts';
import { locationOf } from './syntax.ts';

/** Values that stand for a credential rather than being one. */
const PLACEHOLDER = /^(|x+|\*+|\.+|changeme|change_me|secret|password|api_?key|username|user|your[-_ ].*|<.*>|\{\{.*\}\}|%.*%|todo|null|none|example|test|xxx.*)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim()) || isTooShortForASecret(value);
}

/** Reports a literal credential unless it is a placeholder. `what` names it in the message (`api_key`). */
export function reportCredential(
  file: LanguageFile,
  out: Collector,
  input: { node: Node; value: string; what: string; client: string; host: HostInfo | null },
): void {
  if (isPlaceholder(input.value)) return;
  out.secrets.push(input.value);
  const location = locationOf(file.path, input.node);
  // One constant may carry the auth of several requests: it is one credential, reported once.
  if (out.findings.some((f) => f.rule === 'hardcoded-credential' && f.line === location.line && f.column === location.column)) return;
  out.findings.push(
    makeFinding({
      rule: 'hardcoded-credential',
      client: input.client,
      location,
      confidence: 'high',
      host: input.host,
      method: null,
      endpoint: null,
      fixable: false,
      message: `A legacy API credential (${input.what}) is written in the code. Delete it from the file and from history, rotate it, and delete the legacy API account once migrated.`,
      code: `${input.client}:${input.what}:<credential>`,
      snippet: '…(redacted)',
    }),
  );
}

/** Replaces every known secret in a piece of source text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join('…(redacted)');
  }
  return out;
}
