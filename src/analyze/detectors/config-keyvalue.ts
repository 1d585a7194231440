// `.properties`, `.ini`, `.cfg`, `.conf` and `.toml` files: `key = value` (or `key: value`) lines,
// grouped by their `[section]` (INI, TOML), or else by the dotted key's prefix (`shop.api.url` and
// `shop.api.key` are read together, as YAML's `shop: api: {url, key}` would be).
import { analyzeConfigEntries, unquote, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
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
    const rawValue = raw.slice(match[0].length).trim();
    entries.push({ key: section ? `${section}.${name}` : name, value: unquote(withoutComment(rawValue)), line: index + 1, column: raw.indexOf(name) + 1, group, ...valueOffsets(raw, rawValue, start) });
  });
  return analyzeConfigEntries(file, text, entries, config, 'config');
}

/** The value without a ` #` or ` ;` comment after it (INI, TOML): after its closing quote, when quoted. */
function withoutComment(value: string): string {
  if (/^["']/.test(value)) {
    const close = value.indexOf(value[0], 1);
    return close === -1 ? value : value.slice(0, close + 1);
  }
  const at = value.search(/\s[#;]/);
  return at === -1 ? value : value.slice(0, at).trimEnd();
}
