// `.env.example`-style templates: the legacy variables (store URL, API user, API key) give way to
// the OAuth ones. Real `.env` files hold live secrets and are never rewritten, only reported.
import { SECRET_KEY, USERNAME_KEY } from '../analyze/detectors/config-entries.ts';
import { envAssignment, isRealEnvFile } from '../analyze/detectors/config-env.ts';
import { classifyHost } from '../analyze/hosts.ts';
import type { Config, Finding } from '../types.ts';


export interface EnvRewrite {
  after: string;
  removed: string[];
  kept: string[];
  added: string[];
}

export function isEnvTemplate(file: string): boolean {
  const base = file.split('/').pop() ?? file;
  return base.startsWith('.env') && !isRealEnvFile(file);
}

/**
 * The URL line becomes `<storeHashEnv>=<hash>` and `<tokenEnv>=`; the user and key lines go, unless
 * `stillRead(name)` says code that was not migrated still reads the variable.
 */
export function rewriteEnvTemplate(text: string, findings: Finding[], config: Config, stillRead: (name: string) => boolean): EnvRewrite | null {
  const legacy = findings.find((f) => f.rule === 'legacy-credentials-config');
  if (!legacy) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const urlIndex = legacy.line - 1;
  const urlAssignment = envAssignment(lines[urlIndex] ?? '');
  if (!urlAssignment) return null;
  const present = new Set(lines.map((l) => envAssignment(l)?.key).filter((k): k is string => Boolean(k)));
  const hash = legacy.host?.storeHash ?? hashOf(urlAssignment.rawValue, config);
  const additions = [
    present.has(config.storeHashEnv) ? null : `${config.storeHashEnv}=${hash ?? ''}`,
    present.has(config.tokenEnv) ? null : `${config.tokenEnv}=`,
  ].filter((l): l is string => l !== null);

  const removed: string[] = [];
  const kept: string[] = [];
  const out: string[] = [];
  lines.forEach((line, i) => {
    const key = envAssignment(line)?.key;
    const legacyKey = i === urlIndex || (key !== undefined && (USERNAME_KEY.test(key) || SECRET_KEY.test(key)) && key !== config.tokenEnv);
    if (i === urlIndex) out.push(...additions);
    if (!key || !legacyKey) {
      out.push(line);
    } else if (stillRead(key)) {
      kept.push(key);
      out.push(line);
    } else {
      removed.push(key);
    }
  });
  const after = out.join(eol);
  return after === text ? null : { after, removed, kept, added: additions.map((a) => a.split('=')[0]) };
}

function hashOf(value: string, config: Config): string | null {
  try {
    return classifyHost(new URL(value.replace(/^["']|["']$/g, '')).hostname, config.stores).storeHash;
  } catch {
    return null;
  }
}
