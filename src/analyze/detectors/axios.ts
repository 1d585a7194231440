// axios: `axios(url, config)`, `axios(config)`, `axios.request(config)`, the method helpers, instances
// from `axios.create({ baseURL, auth })` and `axios.defaults` / `instance.defaults` assignments.
import type { HttpMethod } from '../../types.ts';
import {
  argumentAt,
  isCall,
  isMember,
  memberPath,
  memberPropertyName,
  unwrap,
  type AstNode,
} from '../ast.ts';
import { authObjectEvidence, basicAuthFromHeaders, basicAuthValue } from '../auth.ts';
import type { Env } from '../evaluate.ts';
import { inlineImport, isMainExport } from '../imports.ts';
import type { AuthEvidence, ClientConfigMatch, DetectContext, Detector, RequestMatch } from './detector.ts';
import { callDetector, memo } from './detector.ts';
import { authOption, headerAndUrlAuth, isXmlRequest, optionValue, optionsObject, optionsRequestMethod, requestMethod, urlExpression } from './shared.ts';

const URL_FIRST: Record<string, HttpMethod> = { get: 'GET', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };
const URL_DATA: Record<string, HttpMethod> = { post: 'POST', put: 'PUT', patch: 'PATCH', postForm: 'POST', putForm: 'PUT', patchForm: 'PATCH' };

interface AxiosTarget {
  /** The instance config, or the axios defaults config when calling axios itself. */
  config: ClientConfigMatch | null;
}

export const axiosDetector: Detector = callDetector('axios', matchAxiosCall, axiosConfigs);

/** True when `node` is the axios module itself (import, require, in place too, or the browser global). */
function isAxiosModule(ctx: DetectContext, raw: AstNode | null): boolean {
  const node = unwrap(raw);
  if (!node) return false;
  if (node.type === 'Identifier') {
    const ref = ctx.imports.of(node);
    if (ref === 'global') return node.name === 'axios';
    return !!ref && ref.source === 'axios' && isMainExport(ref);
  }
  if (isMember(node) && memberPropertyName(node) === 'default') return isAxiosModule(ctx, node.object);
  const inline = inlineImport(node);
  return inline !== null && inline.source === 'axios' && isMainExport(inline);
}

/** Which axios (module or instance) an expression is; null when it is not axios. */
function axiosTarget(ctx: DetectContext, raw: AstNode | null, env: Env | null): AxiosTarget | null {
  const configs = axiosConfigs(ctx);
  if (isAxiosModule(ctx, raw)) return { config: configs.find((c) => c.kind === 'defaults' && c.instanceName === null) ?? null };
  const resolved = ctx.evaluator.resolve(raw, env);
  if (!resolved) return null;
  const instance = configs.find((c) => c.kind === 'instance' && c.node === resolved.node);
  return instance ? { config: instance } : null;
}

export function matchAxiosCall(ctx: DetectContext, call: AstNode, env: Env | null): RequestMatch | null {
  const callee = unwrap(call.callee);
  if (!callee) return null;
  let target: AxiosTarget | null = null;
  let helper: string | null = null;
  if (isMember(callee)) {
    helper = memberPropertyName(callee);
    if (helper === null || !(helper in URL_FIRST || helper in URL_DATA || helper === 'request')) return null;
    target = axiosTarget(ctx, callee.object, env);
  } else {
    target = axiosTarget(ctx, callee, env);
  }
  if (!target) return null;

  let urlNode: AstNode | null = null;
  let configNode: AstNode | null = null;
  let helperMethod: HttpMethod | null = null;
  let dataNode: AstNode | null = null;

  if (helper && helper !== 'request') {
    urlNode = argumentAt(call, 0);
    if (helper in URL_FIRST) {
      configNode = argumentAt(call, 1);
      helperMethod = URL_FIRST[helper];
    } else {
      dataNode = argumentAt(call, 1);
      configNode = argumentAt(call, 2);
      helperMethod = URL_DATA[helper];
    }
  } else {
    // axios(config), axios(url, config), axios.request(config)
    const first = argumentAt(call, 0);
    const firstIsConfig = helper === 'request' || (first !== null && ctx.evaluator.resolveObject(first, env) !== null);
    if (firstIsConfig) configNode = first;
    else {
      urlNode = first;
      configNode = argumentAt(call, 1);
    }
  }

  const config = optionsObject(ctx.evaluator, configNode, env);
  const readEnv = config?.env ?? env;
  if (!urlNode) urlNode = optionValue(config, 'url');
  if (!dataNode) dataNode = optionValue(config, 'data');
  const { method, methodNode, methodSource } =
    helperMethod !== null
      ? requestMethod(ctx.evaluator, null, false, readEnv, helperMethod, 'helper')
      : optionsRequestMethod(ctx.evaluator, config, !!configNode && !config, readEnv, 'GET', 'default');

  const url = urlExpression(ctx, urlNode, readEnv);
  const ownBase = optionValue(config, 'baseURL');
  const baseUrl = ownBase ? urlExpression(ctx, ownBase, readEnv) : target.config?.baseUrl ?? null;
  const headers = optionValue(config, 'headers');
  const auth: AuthEvidence[] = [...headerAndUrlAuth(ctx, headers, url, readEnv), ...authOption(ctx, config, readEnv)];
  if (target.config) auth.push(...target.config.auth);
  if (!url && !baseUrl) return null;

  return {
    client: 'axios',
    call,
    url,
    baseUrl,
    method,
    methodNode,
    methodSource,
    auth,
    headers,
    options: config?.node ?? null,
    config: target.config,
    browserSide: false,
    xml: isXmlRequest(ctx.evaluator, headers, dataNode, readEnv),
    env,
  };
}

/** Instances (`axios.create`) and defaults assignments, found once per file. */
export function axiosConfigs(ctx: DetectContext): ClientConfigMatch[] {
  return memo(ctx, 'axios:configs', () => {
    const configs: ClientConfigMatch[] = [];
    for (const call of ctx.index.calls) {
      if (!isCall(call)) continue;
      const callee = unwrap(call.callee);
      if (!callee || !isMember(callee) || memberPropertyName(callee) !== 'create' || !isAxiosModule(ctx, callee.object)) continue;
      configs.push(instanceConfig(ctx, call));
    }
    const defaults = defaultsConfig(ctx, configs);
    if (defaults) configs.push(defaults);
    return configs;
  });
}

function instanceConfig(ctx: DetectContext, call: AstNode): ClientConfigMatch {
  const options = optionsObject(ctx.evaluator, argumentAt(call, 0));
  const env = options?.env ?? null;
  const base = optionValue(options, 'baseURL');
  const headers = optionValue(options, 'headers');
  const auth: AuthEvidence[] = [...authOption(ctx, options, env), ...basicAuthFromHeaders(ctx.evaluator, headers, env)];
  const holder = instanceHolder(ctx, call);
  return {
    client: 'axios',
    node: call,
    kind: 'instance',
    instanceName: holder.name,
    binding: holder.binding,
    options: options?.node ?? null,
    baseUrl: base ? urlExpression(ctx, base, env) : null,
    auth,
    headers,
    parent: null,
  };
}

/** Where an instance is stored: `const api = …` or `this.http = …`. */
export function instanceHolder(ctx: DetectContext, call: AstNode): { name: string | null; binding: ClientConfigMatch['binding'] } {
  const parent = ctx.index.parentOf(call);
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') {
    return { name: parent.id.name, binding: ctx.index.resolve(parent.id) };
  }
  if (parent?.type === 'AssignmentExpression' || parent?.type === 'ClassProperty' || parent?.type === 'PropertyDefinition') {
    const target = parent.type === 'AssignmentExpression' ? parent.left : parent.key;
    return { name: ctx.evaluator.sourceOf(target), binding: null };
  }
  return { name: null, binding: null };
}

/**
 * `axios.defaults.auth = {...}`, `axios.defaults.baseURL = '...'`,
 * `axios.defaults.headers.common.Authorization = 'Basic ...'`, and the same on an instance.
 */
function defaultsConfig(ctx: DetectContext, instances: ClientConfigMatch[]): ClientConfigMatch | null {
  let global: ClientConfigMatch | null = null;
  for (const assignment of ctx.index.assignments) {
    if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') continue;
    const left = unwrap(assignment.left);
    const path = memberPath(left);
    if (!left || !path) continue;
    const at = path.indexOf('defaults');
    if (at < 1) continue;
    const owner = ownerOf(left, path.length - at);
    let config: ClientConfigMatch | null = null;
    if (isAxiosModule(ctx, owner)) {
      global ??= { client: 'axios', node: assignment, kind: 'defaults', instanceName: null, binding: null, options: null, baseUrl: null, auth: [], headers: null, parent: null };
      config = global;
    } else {
      const resolved = ctx.evaluator.resolve(owner);
      config = instances.find((c) => c.node === resolved?.node) ?? null;
    }
    if (!config) continue;
    const rest = path.slice(at + 1);
    const value = assignment.right;
    if (rest.length === 1 && rest[0] === 'auth') {
      const evidence = authObjectEvidence(ctx.evaluator, assignment, null, value);
      if (evidence) config.auth.push(evidence);
      if (config.kind === 'defaults') config.node = assignment;
    } else if (rest.length === 1 && rest[0] === 'baseURL') {
      config.baseUrl = urlExpression(ctx, value);
    } else if (rest[0] === 'headers' && rest[rest.length - 1].toLowerCase() === 'authorization') {
      const basic = basicAuthValue(ctx.evaluator, value);
      if (basic) config.auth.push({ kind: 'basic-header', node: assignment, user: basic.user, password: basic.password, combined: basic.combined, helper: basic.helper, hardcoded: basic.hardcoded, env: null });
    } else if (rest.length === 1 && rest[0] === 'headers') {
      config.auth.push(...basicAuthFromHeaders(ctx.evaluator, value));
    }
  }
  return global && (global.auth.length > 0 || global.baseUrl) ? global : null;
}

/** The object a `x.defaults.…` chain starts from (`axios`, `api`, `this.http`). */
function ownerOf(member: AstNode, depth: number): AstNode | null {
  let node: AstNode | null = member;
  for (let i = 0; i < depth && node; i++) node = unwrap(node.object);
  return node;
}
