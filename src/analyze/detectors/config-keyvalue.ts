// `.properties`, `.ini`, `.cfg`, `.conf` and `.toml` files: `key = value` (or `key: value`) lines,
// grouped by their `[section]` (INI, TOML), or else by the dotted key's prefix (`shop.api.url` and
// `shop.api.key` are read together, as YAML's `shop: api: {url, key}` would be).
import { analyzeConfigEntries, unquote, withoutComment, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
import { valueOffsets } from './config-env.ts';
import type { Config } from '../../types.ts';

const KEY_VALUE_FILE = /\.(?:properties|ini|cfg|conf|toml)$/i;
/** A key and its `=` or `:`; the value is the rest of the line, trimmed (no pattern over it: linear on any line). */
const KEY = /^\s*([A-Za-z_][\w.-]*)[ \t]*[=:]/;

export function isKeyValueFile(file: string): boolean {
  return KEY_VALUE_FILE.test(file);
}

export function analyzeKeyValueFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const entries: ConfigEntry[] = [];
  let section = '';
  let lineStart = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const start = lineStart;
    lineStart += raw.length + (text.startsWith('\r\n', lineStart + raw.length) ? 2 : 1);
    const line = raw.trim();
    if (/^[#;!]/.test(line)) return;
    // `[section]`, `[[table]]` (TOML), `["quoted"]`.
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.replace(/^\[+|\]+$/g, '').trim().replace(/["']/g, '');
      return;
    }
    const match = KEY.exec(raw);
    if (!match) return;
    const name = match[1];
    const group = section || (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
    const key = section ? `${section}.${name}` : name;
    const rawValue = raw.slice(match[0].length).trim();
    const value = withoutComment(rawValue, /\s[#;]/);
    const column = raw.indexOf(name) + 1;
    // A TOML inline table, `store = { url = "…", user = "u", key = "…" }`, is a group of its own.
    const table = inlineTable(value);
    if (table) for (const [inner, innerValue] of table) entries.push({ key: `${key}.${inner}`, value: innerValue, line: index + 1, column, group: key });
    else entries.push({ key, value: unquote(value), line: index + 1, column, group, ...valueOffsets(raw, rawValue, start) });
  });
  return analyzeConfigEntries(file, text, entries, config, 'config');
}

/** The `key = value` pairs of a one-line TOML inline table, values unquoted; null when it is not one. */
function inlineTable(value: string): Array<[string, string]> | null {
  if (!value.startsWith('{') || !value.endsWith('}')) return null;
  const pairs: Array<[string, string]> = [];
  // Commas inside quotes do not split: each pair is a key and a quoted or bare value.
  for (const m of value.slice(1, -1).matchAll(/\s*([A-Za-z_][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]*?)\s*(?:,|$)/g)) {
    pairs.push([m[1], unquote(m[2].trim())]);
  }
  return pairs.length > 0 ? pairs : null;
}
