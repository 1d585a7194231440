// Calls through the Ruby client in a file that configures it for basic auth: `Bigcommerce::Order.all`,
// `Bigcommerce::Shipment.create(order_id, ...)` (1.x/2.x, global configuration) and `api.orders`
// (0.x, the instance the legacy `Bigcommerce::Api.new` returned).
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from '../context.ts';
import { reportAt, step } from '../report.ts';
import { field, lineOf } from '../syntax.ts';
import { normalizeEndpoint } from '../../endpoints.ts';
import type { LibraryRequest } from '../library-table.ts';
import { RUBY_0X_CLIENT, RUBY_CLIENT, type RubyLibraryConfig } from './library-config.ts';
import { RUBY_0X_METHODS, RUBY_RESOURCES, RUBY_VERBS } from './library-endpoints.ts';

export function reportRubyLibraryCalls(file: LanguageFile, out: Collector, configs: RubyLibraryConfig[]): void {
  const legacy = configs.filter((c) => c.mode === 'legacy');
  const global = legacy.find((c) => c.form !== 'api-new') ?? null;
  const instances = new Map(legacy.filter((c) => c.form === 'api-new' && c.binding).map((c) => [c.binding as string, c]));
  if (!global && instances.size === 0) return;

  for (const call of file.root.descendantsOfType('call')) {
    if (!call) continue;
    const receiver = field(call, 'receiver');
    const method = field(call, 'method')?.text ?? '';
    if (!receiver) continue;
    const className = /^:{0,2}Bigcommerce::(\w+)$/.exec(receiver.text)?.[1];
    if (global && className) {
      const mapped = resourceCall(className, method);
      if (mapped) report(file, out, call, global, RUBY_CLIENT, `Bigcommerce::${className}.${method}`, mapped);
      continue;
    }
    const instance = instances.get(receiver.text);
    const mapped = instance ? RUBY_0X_METHODS[method] : undefined;
    if (instance && mapped) report(file, out, call, instance, RUBY_0X_CLIENT, `${receiver.text}.${method}`, mapped);
  }
}

/** What `Bigcommerce::<Class>.<method>` requests (resource_actions.rb, subresource_actions.rb, the class's own methods). */
function resourceCall(className: string, method: string): LibraryRequest | null {
  const resource = RUBY_RESOURCES[className];
  if (!resource) return null;
  const extra = resource.extra?.[method];
  if (extra) return extra;
  const verb = RUBY_VERBS[method];
  if (!verb || resource.actions === 'none') return null;
  return { method: verb.method, endpoint: verb.item ? `${resource.collection}/{id}` : resource.collection };
}

function report(file: LanguageFile, out: Collector, call: Node, config: RubyLibraryConfig, client: string, shown: string, mapped: LibraryRequest): void {
  const endpoint = normalizeEndpoint(`/v2/${mapped.endpoint}`).endpoint;
  const settled = !config.dualMode && !config.authDynamic;
  reportAt(file, out, call, {
    rule: 'legacy-api-call',
    client,
    confidence: settled ? 'high' : 'medium',
    host: config.host,
    method: mapped.method,
    endpoint,
    fixable: settled,
    message: `\`${shown}\` sends ${mapped.method} ${endpoint} through the Ruby client configured for basic auth at line ${lineOf(config.node)}. It moves to OAuth with that configuration; nothing changes here.`,
    notes: config.dualMode ? [{ kind: 'dual-mode', message: 'The client is configured for OAuth or basic auth depending on a condition.' }] : [],
    trace: [step(file, 'call', call, `${shown} (bigcommerce-api-ruby resources)`), step(file, 'definition', config.node, 'The client is configured for basic auth here.')],
  });
}
