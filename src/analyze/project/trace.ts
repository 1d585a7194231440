// A finding's trace across files: where its host, auth, path and method came from (file:line each),
// and the notes a substituted value needs (env file, env fallback).
import type { Note, TraceStep } from '../../types.ts';
import type { AstNode } from '../ast.ts';
import type { RequestMatch } from '../detectors/detector.ts';
import type { Verdict } from '../classify.ts';
import type { Evaluator } from '../evaluate.ts';
import { hostWords } from '../classify.ts';
import { isHole, slicePartial } from '../partial.ts';
import type { ProjectModel } from './model.ts';

/** `ev` reads the method expression with the call's arguments bound, to point at the literal that fixes it. */
export function traceOf(model: ProjectModel, match: RequestMatch, verdict: Verdict, home: string, ev?: Evaluator): TraceStep[] {
  const steps: TraceStep[] = [];
  const seen = new Set<string>();
  const push = (role: TraceStep['role'], node: AstNode | null | undefined, description: string) => {
    if (!node?.loc) return;
    const file = model.unitOf(node)?.file ?? home;
    const key = `${role}\0${file}\0${node.loc.start.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    steps.push({ role, file, line: node.loc.start.line, description });
  };
  const range = verdict.parts.hostRange;
  const hostPart = range ? slicePartial(verdict.url, range[0], range[1]).find((p) => p.node && !isHole(p)) : undefined;
  if (hostPart?.node) push('host', hostPart.node, `host ${hostWords(verdict.host)}${provenanceWords(model, hostPart.node)}`);
  // With no static host at all, every part of the URL is worth tracing.
  const hostEnd = range && hostPart ? range[1] : 0;
  for (const auth of match.auth) push('auth', auth.node, authWords(auth.kind));
  const pathParts = slicePartial(verdict.url, hostEnd, Number.MAX_SAFE_INTEGER);
  for (const part of pathParts) {
    if (!part.node) continue;
    push('path', part.node, isHole(part) ? `path part \`${part.hole}\` (not known statically)` : `path \`${part.text}\``);
  }
  if (match.methodNode) {
    const literal = match.method && ev ? ev.evaluate(match.methodNode, match.env).find((p) => !isHole(p) && p.node)?.node : undefined;
    push('method', literal ?? match.methodNode, match.method ? `method ${match.method}` : 'method (not known statically)');
  }
  return steps;
}

/** Notes for values that came from the environment rather than from code. */
export function provenanceNotes(model: ProjectModel, verdict: Verdict): Note[] {
  const notes: Note[] = [];
  for (const part of verdict.url) {
    if (!part.node) continue;
    const origin = model.provenance.get(part.node);
    if (!origin) continue;
    const where = origin.definitions.map((d) => `${d.file}:${d.line}`).join(', ');
    if (origin.kind === 'env-fallback') {
      notes.push({
        kind: 'dynamic-host',
        message: `The host is the fallback of \`process.env.${origin.name}\`; the variable may point elsewhere when it is set${where ? ` (it is set in ${where})` : ''}.`,
      });
    } else {
      notes.push({
        kind: 'dynamic-host',
        message: `The host comes from \`${origin.name}\`, read only from ${where}; the deployed value may differ.`,
      });
    }
    const real = origin.definitions.filter((d) => d.real);
    if (real.length > 0) {
      notes.push({
        kind: 'real-env-file',
        message: `${real.map((d) => d.file).join(', ')} holds \`${origin.name}\`: change it there by hand (real env files are never rewritten).`,
      });
    }
  }
  return notes;
}

function provenanceWords(model: ProjectModel, node: AstNode): string {
  const origin = model.provenance.get(node);
  if (!origin) return '';
  return origin.kind === 'env-fallback' ? ` (fallback of process.env.${origin.name})` : ` (from ${origin.name} in the env file)`;
}

function authWords(kind: RequestMatch['auth'][number]['kind']): string {
  switch (kind) {
    case 'auth-option':
      return 'basic auth option';
    case 'userinfo':
      return 'credentials in the URL';
    case 'superagent-auth':
      return '.auth()';
    case 'xhr-credentials':
      return 'XMLHttpRequest credentials';
    default:
      return 'Authorization: Basic header';
  }
}
