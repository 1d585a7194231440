// YAML and JSON config files (JSON is read with the same parser: it gives line numbers).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Scalar } from 'yaml';
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
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    throw new ConfigFileParseError(error.message.split('\n')[0], pos.line, pos.col);
  }
  const entries: ConfigEntry[] = [];
  collect(doc.contents, '', '', entries, lineCounter);
  return analyzeConfigEntries(file, entries, config, false);
}

function collect(node: unknown, path: string, group: string, out: ConfigEntry[], lines: LineCounter): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const childPath = path ? `${path}.${key}` : key;
      const value = pair.value as YamlNode | null;
      if (isScalar(value) && typeof value.value === 'string') {
        const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : (value.range?.[0] ?? 0);
        out.push(entryAt(childPath, value, offset, path, lines));
      } else {
        collect(value, childPath, childPath, out, lines);
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      // A list of strings (a CI job's `script:` lines, a list of URLs): each one an entry of the list's group.
      if (isScalar(item) && typeof item.value === 'string') out.push(entryAt(`${path}[${index}]`, item, item.range?.[0] ?? 0, path, lines));
      else collect(item, `${path}[${index}]`, `${path}[${index}]`, out, lines);
    });
  }
}

function entryAt(key: string, value: Scalar, offset: number, group: string, lines: LineCounter): ConfigEntry {
  const pos = lines.linePos(offset);
  // A block scalar's text starts on the line after its `|` or `>`.
  const block = value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED';
  const valueLine = value.range ? lines.linePos(value.range[0]).line + (block ? 1 : 0) : pos.line;
  return { key, value: String(value.value), line: pos.line, column: pos.col, group, ...(valueLine !== pos.line ? { valueLine } : {}) };
}
