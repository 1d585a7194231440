// YAML and JSON config files (JSON is read with the same parser: it gives line numbers).
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type Scalar } from 'yaml';
import { analyzeConfigEntries, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
import type { Config } from '../../types.ts';

export class ConfigFileParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function analyzeYamlOrJsonFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const lineCounter = new LineCounter();
  // Kubernetes and Helm files hold several documents (`---`); JSON is one.
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, strict: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    if (doc.errors.length === 0) continue;
    const error = doc.errors[0];
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ConfigFileParseError(error.message.split('\n')[0], pos.line, pos.col);
  }
  const entries: ConfigEntry[] = [];
  const encoded = new Map<string, string>();
  docs.forEach((doc, index) => {
    // Each document's entries are read apart: two Secrets' keys are not one account.
    const context: Context = { doc: docs.length > 1 ? `${index}:` : '', lines: lineCounter, secretData: isSecret(doc.contents) ? encoded : null };
    collect(doc.contents, '', entries, context);
  });
  const result = analyzeConfigEntries(file, text, entries, config, 'config');
  // A credential read from a Secret's base64 `data` is a secret in its written form too.
  for (const secret of [...result.secrets]) {
    const written = encoded.get(secret);
    if (written) result.secrets.push(written);
  }
  return result;
}

interface Context {
  /** Prefix of every group of this document (`1:`), so that documents are not read together. */
  doc: string;
  lines: LineCounter;
  /** For a Kubernetes Secret: where each decoded `data` value's written (base64) form is kept. */
  secretData: Map<string, string> | null;
}

/** A Kubernetes Secret: its `data` values are base64 of what `stringData` would hold as is. */
function isSecret(node: unknown): boolean {
  return isMap(node) && node.items.some((pair) => isScalar(pair.key) && pair.key.value === 'kind' && isScalar(pair.value) && pair.value.value === 'Secret');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The text a Secret's `data` value stands for, or null when it is not base64 of printable UTF-8 text. */
function decodedSecretValue(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || !BASE64.test(compact)) return null;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  return /[\uFFFD\x00-\x08\x0E-\x1F]/.test(decoded) ? null : decoded;
}

function collect(node: unknown, path: string, out: ConfigEntry[], context: Context): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const childPath = path ? `${path}.${key}` : key;
      const value = pair.value as YamlNode | null;
      if (isScalar(value) && typeof value.value === 'string') {
        const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : (value.range?.[0] ?? 0);
        const entry = entryAt(childPath, value, offset, context.doc + path, context.lines);
        const decoded = context.secretData && path === 'data' ? decodedSecretValue(entry.value) : null;
        if (decoded !== null) {
          context.secretData!.set(decoded, entry.value);
          entry.value = decoded;
        }
        out.push(entry);
      } else {
        collect(value, childPath, out, context);
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      // A list of strings (a CI job's `script:` lines, a list of URLs): each one an entry of the list's group.
      if (isScalar(item) && typeof item.value === 'string') out.push(entryAt(`${path}[${index}]`, item, item.range?.[0] ?? 0, context.doc + path, context.lines));
      else collect(item, `${path}[${index}]`, out, context);
    });
  }
}

function entryAt(key: string, value: Scalar, offset: number, group: string, lines: LineCounter): ConfigEntry {
  const pos = lines.linePos(offset);
  // A block scalar's text starts on the line after its `|` or `>`.
  const block = value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED';
  const valueLine = value.range ? lines.linePos(value.range[0]).line + (block ? 1 : 0) : pos.line;
  const written = value.range ? { valueStart: value.range[0], valueEnd: value.range[1] } : {};
  return { key, value: String(value.value), line: pos.line, column: pos.col, group, ...(valueLine !== pos.line ? { valueLine } : {}), ...written };
}
