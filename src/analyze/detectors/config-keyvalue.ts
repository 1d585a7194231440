// `.properties`, `.ini`, `.cfg`, `.conf` and `.toml` files: `key = value` (or `key: value`) lines,
// grouped by their `[section]` (INI, TOML), or else by the dotted key's prefix (`shop.api.url` and
// `shop.api.key` are read together, as YAML's `shop: api: {url, key}` would be).
import { analyzeConfigEntries, unquote, type ConfigEntry, type ConfigFileAnalysis } from './config-entries.ts';
import type { Config } from '../../types.ts';

const KEY_VALUE_FILE = /\.(?:properties|ini|cfg|conf|toml)$/i;
const SECTION = /^\s*\[+\s*([^\]]+?)\s*\]+\s*$/;
const ASSIGNMENT = /^\s*([A-Za-z_][\w.-]*)\s*[=:]\s*(.*?)\s*$/;

export function isKeyValueFile(file: string): boolean {
  return KEY_VALUE_FILE.test(file);
}

export function analyzeKeyValueFile(file: string, text: string, config: Config): ConfigFileAnalysis {
  const entries: ConfigEntry[] = [];
  let section = '';
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (/^\s*[#;!]/.test(raw)) return;
    const heading = SECTION.exec(raw);
    if (heading) {
      section = heading[1].replace(/["']/g, '');
      return;
    }
    const match = ASSIGNMENT.exec(raw);
    if (!match) return;
    const name = match[1];
    const group = section || (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
    entries.push({ key: section ? `${section}.${name}` : name, value: unquote(withoutComment(match[2])), line: index + 1, column: raw.indexOf(name) + 1, group });
  });
  return analyzeConfigEntries(file, entries, config, false);
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
