// got: `got(url, options)`, `got(options)`, the method helpers, and instances from
// `got.extend({ prefixUrl, username, password, headers })` (also `instance.extend(...)`).
import type { HttpMethod } from '../../types.ts';
import { argumentAt, getPropertyNode, isCall, isMember, memberPropertyName, propertyValue, unwrap, type AstNode } from '../ast.ts';
import { authOptionEvidence, basicAuthFromHeaders } from '../auth.ts';
import type { Env, Resolved } from '../evaluate.ts';
import { inlineImport, isMainExport } from '../imports.ts';
import { instanceHolder } from './axios.ts';
import type { AuthEvidence, ClientConfigMatch, DetectContext, Detector, RequestMatch } from './detector.ts';
import { callDetector, memo } from './detector.ts';
import { credentialOptions, headerAndUrlAuth, inheritedBaseUrl, isXmlRequest, optionValue, optionsObject, optionsRequestMethod, requestMethod, urlExpression } from './shared.ts';

const HELPERS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD' };

export const gotDetector: Detector = callDetector('got', matchGotCall, gotConfigs);

function isGotModule(ctx: DetectContext, raw: AstNode | null): boolean {
  const node = unwrap(raw);
  if (!node) return false;
  if (node.type === 'Identifier') {
    const ref = ctx.imports.of(node);
    return !!ref && ref !== 'global' && ref.source === 'got' && (isMainExport(ref) || ref.imported === 'got');
  }
  if (isMember(node) && memberPropertyName(node) === 'default') return isGotModule(ctx, node.object);
  const inline = inlineImport(node);
  return inline !== null && inline.source === 'got' && (isMainExport(inline) || inline.imported === 'got');
}

/** `{ config }` for an instance, `{ config: null }` for got itself, null when not got. */
function gotTarget(ctx: DetectContext, raw: AstNode | null, env: Env | null): { config: ClientConfigMatch | null } | null {
  if (isGotModule(ctx, raw)) return { config: null };
  const resolved = ctx.evaluator.resolve(raw, env);
  if (!resolved) return null;
  const config = gotConfigs(ctx).find((c) => c.node === resolved.node);
  return config ? { config } : null;
}

export function matchGotCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const callee = unwrap(call.callee);
  if (!callee) return null;
  let helper: string | null = null;
  let target: { config: ClientConfigMatch | null } | null;
  if (isMember(callee)) {
    helper = memberPropertyName(callee);
    if (helper === null || !(helper in HELPERS || helper === 'stream')) return null;
    target = gotTarget(ctx, callee.object, env);
  } else {
    target = gotTarget(ctx, callee, env);
  }
  if (!target) return null;

  const first = argumentAt(call, 0);
  const firstOptions = first ? ctx.evaluator.resolveObject(first, env) : null;
  const urlNode0 = firstOptions ? null : first;
  const optionsNode = firstOptions ? first : argumentAt(call, 1);
  const options = firstOptions ?? optionsObject(ctx.evaluator, optionsNode, env);
  const readEnv = options?.env ?? env;
  const urlNode = urlNode0 ?? optionValue(options, 'url');

  // A helper's method wins over the options.
  const { method, methodNode, methodSource } =
    helper && helper in HELPERS
      ? requestMethod(ctx.evaluator, null, false, readEnv, HELPERS[helper], 'helper')
      : optionsRequestMethod(ctx.evaluator, options, !!optionsNode && !options, readEnv, 'GET', 'default');

  const url = urlExpression(ctx, urlNode, readEnv);
  const ownPrefix = optionValue(options, 'prefixUrl');
  const baseUrl = ownPrefix ? urlExpression(ctx, ownPrefix, readEnv) : inheritedBaseUrl(target.config);
  const headers = optionValue(options, 'headers');
  const auth: AuthEvidence[] = [...headerAndUrlAuth(ctx, headers, url, readEnv), ...credentialOptions(ctx, options)];
  for (let c = target.config; c; c = c.parent) auth.push(...c.auth);
  if (!url && !baseUrl) return null;
  const body = optionValue(options, 'body');
  return {
    client: 'got',
    call,
    url,
    baseUrl,
    method,
    methodNode,
    methodSource,
    auth,
    headers,
    options: options?.node ?? null,
    config: target.config,
    browserSide: false,
    xml: isXmlRequest(ctx.evaluator, headers, body, readEnv),
    env,
  };
}

/** `got.extend({...})` and `instance.extend({...})`, in source order so parents come first. */
export function gotConfigs(ctx: DetectContext): ClientConfigMatch[] {
  return memo(ctx, 'got:configs', () => {
    const configs: ClientConfigMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call)) continue;
      const callee = unwrap(call.callee);
      if (!callee || !isMember(callee) || memberPropertyName(callee) !== 'extend') continue;
      let parent: ClientConfigMatch | null = null;
      if (!isGotModule(ctx, callee.object)) {
        const resolved = ctx.evaluator.resolve(callee.object);
        parent = configs.find((c) => c.node === resolved?.node) ?? null;
        if (!parent) continue;
      }
      const options = optionsObject(ctx.evaluator, argumentAt(call, 0));
      const prefix = optionValue(options, 'prefixUrl');
      const headers = optionValue(options, 'headers');
      const holder = instanceHolder(ctx, call);
      configs.push({
        client: 'got',
        node: call,
        kind: 'instance',
        instanceName: holder.name,
        binding: holder.binding,
        options: options?.node ?? null,
        baseUrl: prefix ? urlExpression(ctx, prefix, options?.env ?? null) : null,
        auth: [...credentialOptions(ctx, options), ...basicAuthFromHeaders(ctx.evaluator, headers, options?.env ?? null)],
        headers,
        parent,
      });
    }
    return configs;
  });
}
