// Values of `.env`-style files in the repository, for resolving `process.env.NAME` when such a file
// is the only place the value is written. Only the key, the value and its line are kept.
import { envAssignment, envValue, isRealEnvFile } from '../detectors/config-env.ts';

export interface EnvDefinition {
  file: string;
  line: number;
  value: string;
  /** A real `.env` (usually gitignored, may hold live secrets): reported, never rewritten. */
  real: boolean;
}

/** Key → every definition of it, across the repository's env files. */
export type EnvIndex = Map<string, EnvDefinition[]>;

export function parseEnvText(file: string, text: string): Array<{ key: string } & EnvDefinition> {
  const out: Array<{ key: string } & EnvDefinition> = [];
  const real = isRealEnvFile(file);
  text.split(/\r?\n/).forEach((raw, i) => {
    const assignment = envAssignment(raw);
    if (assignment) out.push({ key: assignment.key, file, line: i + 1, value: envValue(assignment.rawValue), real });
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

