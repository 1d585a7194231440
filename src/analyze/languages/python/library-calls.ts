// Calls through a Python client created with basic auth: `api.Orders.all()`, `api.OrderShipments.get(1, 2)`,
// and the instances they return (`order.update(...)`, `order.shipments()`), mapped with the resource table.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportAt, step } from '../report.ts';
import { field, lineOf } from '../syntax.ts';
import { normalizeEndpoint } from '../../endpoints.ts';
import { callArguments } from './evaluate.ts';
import { PYTHON_CLIENT, type PythonLibraryConfig } from './library-config.ts';
import { PYTHON_RESOURCES, PYTHON_SUBRESOURCE_HELPERS, type PythonResource } from './library-endpoints.ts';
import type { HttpMethod } from '../../../types.ts';

interface Mapped {
  method: HttpMethod;
  path: string;
}

export function reportPythonLibraryCalls(file: LanguageFile, out: Collector, configs: PythonLibraryConfig[]): void {
  const legacyBindings = new Map<string, PythonLibraryConfig>();
  for (const config of configs) {
    if (config.mode === 'legacy' && config.binding && !legacyBindings.has(config.binding)) legacyBindings.set(config.binding, config);
  }
  if (legacyBindings.size === 0) return;
  const instances = new Map<string, string | null>();

  const calls = file.root.descendantsOfType('call').filter((c): c is Node => c !== null);
  // First pass: class-level calls, which also type the variables their results go to.
  for (const call of calls) {
    const fn = field(call, 'function');
    const resourceRef = fn?.type === 'attribute' ? field(fn, 'object') : null;
    const verb = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : undefined;
    if (!resourceRef || resourceRef.type !== 'attribute' || !verb) continue;
    const client = field(resourceRef, 'object')?.text ?? '';
    const className = field(resourceRef, 'attribute')?.text ?? '';
    const config = legacyBindings.get(client);
    const resource = PYTHON_RESOURCES[className];
    if (!config || !resource) continue;
    const mapped = classCall(resource, verb, call);
    if (mapped) report(file, out, call, config, `${client}.${className}.${verb}()`, mapped);
    if (verb === 'get' || verb === 'create' || verb === 'all' || verb === 'iterall') typeResult(call, className, instances);
  }
  // Second pass: methods on instances the first pass typed.
  for (const call of calls) {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute') continue;
    const receiver = field(fn, 'object');
    const verb = field(fn, 'attribute')?.text ?? '';
    const className = receiver ? instances.get(receiver.text) : undefined;
    if (!receiver || !className) continue;
    const resource = PYTHON_RESOURCES[className];
    const self = resource.parent ? `${resource.parent}/{id}/${resource.path}/{id}` : `${resource.path}/{id}`;
    let mapped: Mapped | null = null;
    if (verb === 'update') mapped = { method: 'PUT', path: self };
    else if (verb === 'delete') mapped = { method: 'DELETE', path: self };
    else {
      const helper = PYTHON_SUBRESOURCE_HELPERS[className]?.[verb];
      if (helper) {
        const sub = PYTHON_RESOURCES[helper];
        const hasId = callArguments(call).positional.length > 0 || callArguments(call).keywords.has('id');
        mapped = { method: 'GET', path: `${resource.path}/{id}/${sub.path}${hasId ? '/{id}' : ''}` };
      }
    }
    const config = [...legacyBindings.values()][0];
    if (mapped) report(file, out, call, config, `${receiver.text}.${verb}() on a ${className} object`, mapped);
  }
}

/** What one class-level verb requests (bigcommerce/resources/base.py). */
function classCall(resource: PythonResource, verb: string, call: Node): Mapped | null {
  const { positional, keywords } = callArguments(call);
  const hasParent = positional.length > 0 || keywords.has('parentid');
  const collection = resource.parent ? (hasParent ? `${resource.parent}/{id}/${resource.path}` : `${resource.parent}/${resource.path}`) : resource.path;
  switch (verb) {
    case 'all':
    case 'iterall':
      return { method: 'GET', path: collection };
    case 'get': {
      if (!resource.parent) return { method: 'GET', path: `${resource.path}/{id}` };
      const hasId = positional.length > 1 || keywords.has('id');
      return { method: 'GET', path: `${resource.parent}/{id}/${resource.path}${hasId ? '/{id}' : ''}` };
    }
    case 'create':
      return { method: 'POST', path: resource.parent ? `${resource.parent}/{id}/${resource.path}` : resource.path };
    case 'count':
      if (!resource.parent) return { method: 'GET', path: `${resource.path}/count` };
      return { method: 'GET', path: hasParent ? `${resource.parent}/{id}/${resource.path}/count` : `${resource.countPath ?? `${resource.parent}/${resource.path}`}/count` };
    case 'delete_all':
      return { method: 'DELETE', path: resource.parent ? `${resource.parent}/{id}/${resource.path}` : resource.path };
    default:
      return null;
  }
}

/** `order = api.Orders.get(1)` and `for order in api.Orders.all():` give `order` the class. */
function typeResult(call: Node, className: string, instances: Map<string, string | null>): void {
  const parent = call.parent;
  let name: string | null = null;
  if (parent?.type === 'assignment' && field(parent, 'right')?.id === call.id) name = field(parent, 'left')?.text ?? null;
  if (parent?.type === 'for_statement' && field(parent, 'right')?.id === call.id) name = field(parent, 'left')?.text ?? null;
  if (!name) return;
  const known = instances.get(name);
  instances.set(name, known === undefined || known === className ? className : null);
}

function report(file: LanguageFile, out: Collector, call: Node, config: PythonLibraryConfig, shown: string, mapped: Mapped): void {
  const endpoint = normalizeEndpoint(`/v2/${mapped.path}`).endpoint;
  reportAt(file, out, call, {
    rule: 'legacy-api-call',
    client: PYTHON_CLIENT,
    confidence: config.dualMode ? 'medium' : 'high',
    host: config.host,
    method: mapped.method,
    endpoint,
    fixable: !config.dualMode,
    message: `\`${shown}\` sends ${mapped.method} ${endpoint} through the Python client created with basic auth at line ${lineOf(config.node)}. It moves to OAuth with that client; nothing changes here.`,
    notes: config.dualMode ? [{ kind: 'dual-mode', message: 'The client is created with OAuth or basic auth depending on a condition.' }] : [],
    trace: [step(file, 'call', call, `${shown} (bigcommerce-api-python resources)`), step(file, 'definition', config.node, 'The client is created with basic auth here.')],
  });
}
