// The baseline: today's findings written down, so `check --baseline FILE` fails only on new ones.
// Findings match by fingerprint (file, rule, endpoint, whitespace-folded code; never line numbers),
// so a finding that moved keeps matching. Identical calls in one file share a fingerprint, so the
// baseline is a multiset: two recorded occurrences cover two, a third is new.
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import type { Finding, HttpMethod, RuleId } from '../types.ts';

export const BASELINE_VERSION = 1;

/** One recorded finding. Holds no message or code text, so no secret can reach the file. */
export interface BaselineEntry {
  fingerprint: string;
  rule: RuleId;
  file: string;
  /** Where it was when recorded; informative only, never used to match. */
  line: number;
  method: HttpMethod | null;
  endpoint: string | null;
}

export interface Baseline {
  baselineVersion: typeof BASELINE_VERSION;
  tool: { name: string; version: string };
  /** ISO 8601. */
  createdAt: string;
  findings: BaselineEntry[];
}

export interface BaselineMatch {
  /** Findings the baseline does not cover: these fail the check. */
  new: Finding[];
  /** Findings the baseline covers. */
  known: Finding[];
  /** Baseline entries no current finding matched: legacy usage removed since the baseline was written. */
  fixedCount: number;
}

export type BaselineErrorCode = 'missing' | 'unreadable' | 'malformed' | 'unsupported-version';

export class BaselineError extends Error {
  readonly code: BaselineErrorCode;
  readonly file: string;
  constructor(code: BaselineErrorCode, file: string, message: string) {
    super(message);
    this.name = 'BaselineError';
    this.code = code;
    this.file = file;
  }
}

/** The fingerprint without the occurrence suffix (`~2`) the report gives repeated identical findings. */
export function fingerprintOf(finding: Pick<Finding, 'id'>): string {
  return finding.id.split('~')[0];
}

export function createBaseline(
  findings: readonly Finding[],
  options: { tool?: { name: string; version: string }; now?: Date } = {},
): Baseline {
  const entries = findings.map(
    (f): BaselineEntry => ({
      fingerprint: fingerprintOf(f),
      rule: f.rule,
      file: f.file,
      line: f.line,
      method: f.method,
      endpoint: f.endpoint,
    }),
  );
  entries.sort(compareEntries);
  return {
    baselineVersion: BASELINE_VERSION,
    tool: options.tool ?? { name: TOOL_NAME, version: TOOL_VERSION },
    createdAt: (options.now ?? new Date()).toISOString(),
    findings: entries,
  };
}

/** Writes the baseline atomically as stable, sorted JSON and returns what it wrote. */
export async function writeBaseline(
  findings: readonly Finding[],
  file: string,
  options: { tool?: { name: string; version: string }; now?: Date } = {},
): Promise<Baseline> {
  const baseline = createBaseline(findings, options);
  await writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`, { encoding: 'utf8' });
  return baseline;
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BaselineError('missing', file, `Baseline file ${file} does not exist; create it with --write-baseline ${file}.`);
    }
    throw new BaselineError('unreadable', file, `Cannot read baseline file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BaselineError('malformed', file, `Baseline file ${file} is not valid JSON${jsonErrorPlace(text, error as Error)}; write it again with --write-baseline.`);
  }
  return validateBaseline(raw, file);
}

/**
 * Where JSON.parse failed, as ` (line L, column C)` when V8 says; never V8's own excerpt of the text,
 * which quotes the file (a `.env` given by mistake would have its key printed).
 */
function jsonErrorPlace(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1])).split(/\r?\n/);
  return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

/** Checks parsed JSON against the baseline shape; throws BaselineError naming the first problem. */
export function validateBaseline(raw: unknown, file: string): Baseline {
  const malformed = (what: string): BaselineError =>
    new BaselineError('malformed', file, `Baseline file ${file} is malformed: ${what}. Write it again with --write-baseline.`);
  if (!isRecord(raw)) throw malformed('it is not a JSON object');
  if (raw.baselineVersion !== BASELINE_VERSION) {
    if (typeof raw.baselineVersion === 'number') {
      throw new BaselineError(
        'unsupported-version',
        file,
        `Baseline file ${file} has version ${raw.baselineVersion}; this tool reads version ${BASELINE_VERSION}. Write it again with --write-baseline.`,
      );
    }
    throw malformed('"baselineVersion" is missing');
  }
  const tool = raw.tool;
  if (!isRecord(tool) || typeof tool.name !== 'string' || typeof tool.version !== 'string') {
    throw malformed('"tool" must have a string name and version');
  }
  if (typeof raw.createdAt !== 'string') throw malformed('"createdAt" must be a string');
  if (!Array.isArray(raw.findings)) throw malformed('"findings" must be a list');
  const findings = raw.findings.map((item, index): BaselineEntry => {
    const at = `findings[${index}]`;
    if (!isRecord(item)) throw malformed(`${at} is not an object`);
    if (typeof item.fingerprint !== 'string' || item.fingerprint === '') throw malformed(`${at}.fingerprint must be a non-empty string`);
    if (typeof item.rule !== 'string') throw malformed(`${at}.rule must be a string`);
    if (typeof item.file !== 'string') throw malformed(`${at}.file must be a string`);
    if (typeof item.line !== 'number') throw malformed(`${at}.line must be a number`);
    if (item.method !== null && typeof item.method !== 'string') throw malformed(`${at}.method must be a string or null`);
    if (item.endpoint !== null && typeof item.endpoint !== 'string') throw malformed(`${at}.endpoint must be a string or null`);
    return {
      fingerprint: item.fingerprint,
      rule: item.rule as RuleId,
      file: item.file,
      line: item.line,
      method: item.method as HttpMethod | null,
      endpoint: item.endpoint as string | null,
    };
  });
  return {
    baselineVersion: BASELINE_VERSION,
    tool: { name: tool.name, version: tool.version },
    createdAt: raw.createdAt,
    findings,
  };
}

export function filterByBaseline(findings: readonly Finding[], baseline: Baseline): BaselineMatch {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);

  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    const fingerprint = fingerprintOf(finding);
    const left = remaining.get(fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(fingerprint, left - 1);
      known.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  let fixedCount = 0;
  for (const left of remaining.values()) fixedCount += left;
  return { new: fresh, known, fixedCount };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareText(a.file, b.file) ||
    compareText(a.rule, b.rule) ||
    compareText(a.fingerprint, b.fingerprint) ||
    a.line - b.line
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
