// Values of `.env`-style files in the repository, for resolving `process.env.NAME` when such a file
// is the only place the value is written. Only the key, the value and its line are kept.
import { isRealEnvFile } from '../detectors/config-env.ts';

export interface EnvDefinition {
  file: string;
  line: number;
  value: string;
  /** A real `.env` (usually gitignored, may hold live secrets): reported, never rewritten. */
  real: boolean;
}

/** Key → every definition of it, across the repository's env files. */
export type EnvIndex = Map<string, EnvDefinition[]>;

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

export function parseEnvText(file: string, text: string): Array<{ key: string } & EnvDefinition> {
  const out: Array<{ key: string } & EnvDefinition> = [];
  const real = isRealEnvFile(file);
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*#/.test(raw)) return;
    const match = ASSIGNMENT.exec(raw);
    if (!match) return;
    out.push({ key: match[1], file, line: i + 1, value: unquote(stripComment(match[2])), real });
  });
  return out;
}

export function buildEnvIndex(files: Array<{ file: string; text: string }>): EnvIndex {
  const index: EnvIndex = new Map();
  for (const { file, text } of files) {
    for (const { key, ...definition } of parseEnvText(file, text)) {
      const list = index.get(key) ?? [];
      list.push(definition);
      index.set(key, list);
    }
  }
  return index;
}

/**
 * The one value a key has across the env files, or null when it is missing, empty or the files
 * disagree (then no single source can be trusted).
 */
export function soleEnvValue(index: EnvIndex, key: string): { value: string; definitions: EnvDefinition[] } | null {
  const definitions = (index.get(key) ?? []).filter((d) => d.value !== '');
  if (definitions.length === 0) return null;
  const values = new Set(definitions.map((d) => d.value));
  return values.size === 1 ? { value: definitions[0].value, definitions } : null;
}

/** Only values that name where requests go are substituted; credentials stay unknown on purpose. */
export function looksLikeLocation(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value) || /mybigcommerce\.com/i.test(value) || /^\/api\/v2\b/.test(value);
}

function stripComment(value: string): string {
  if (/^["']/.test(value)) return value;
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2] : value;
}
