// Calls through the official PHP client (`Bigcommerce::getOrders()`) in a file that configures it for
// basic auth: each is a legacy request with the method and endpoint the client's table gives.
import type { Collector, LanguageFile } from '../context.ts';
import { reportAt, step } from '../report.ts';
import { field, lineOf } from '../syntax.ts';
import { normalizeEndpoint } from '../../endpoints.ts';
import { renderPartial } from '../../partial.ts';
import { argumentValues, type PhpEvaluator } from './evaluate.ts';
import { PHP_CLIENT, type PhpLibraryConfig } from './library-config.ts';
import { PHP_CLIENT_GENERIC, PHP_CLIENT_METHODS } from './library-endpoints.ts';
import { isBigcommerceClientClass, type PhpNames } from './names.ts';
import type { HttpMethod } from '../../../types.ts';

/** Client methods that make no request of their own. */
const NOT_REQUESTS = /^(configure|configurebasicauth|configureoauth|failonerror|usexml|usejson|verifypeer|useproxy|getlasterror|getconnection|setconnection|getauthtoken|getcustomerlogintoken)$/i;

export function reportPhpLibraryCalls(file: LanguageFile, out: Collector, configs: PhpLibraryConfig[], names: PhpNames, evaluator: PhpEvaluator): void {
  const legacy = configs.filter((c) => c.mode === 'legacy');
  if (legacy.length === 0) return;
  const config = legacy[0];
  const dualMode = legacy.every((c) => c.dualMode);
  for (const call of file.root.descendantsOfType('scoped_call_expression')) {
    if (!call) continue;
    const scope = field(call, 'scope');
    const name = field(call, 'name')?.text ?? '';
    if (!scope || !isBigcommerceClientClass(names.resolve(scope)) || NOT_REQUESTS.test(name)) continue;

    let method: HttpMethod | null = null;
    let endpoint: string | null = null;
    const mapped = PHP_CLIENT_METHODS[name];
    if (mapped) {
      ({ method, endpoint } = mapped);
    } else if (PHP_CLIENT_GENERIC[name]) {
      method = PHP_CLIENT_GENERIC[name];
      const path = argumentValues(call)[0];
      endpoint = path ? normalizeEndpoint(`/v2${renderPartial(evaluator.evaluate(path))}`).endpoint : null;
    } else if (!/^(get|create|update|delete|list)/i.test(name)) {
      continue;
    }
    const shown = `${scope.text}::${name}()`;
    reportAt(file, out, call, {
      rule: 'legacy-api-call',
      client: PHP_CLIENT,
      confidence: dualMode ? 'medium' : 'high',
      host: config.host,
      method,
      endpoint,
      fixable: !dualMode && config.settings !== null,
      message: endpoint
        ? `\`${shown}\` sends ${method} ${endpoint} through the PHP client configured for basic auth at line ${lineOf(config.node)}. It moves to OAuth with that configuration; nothing changes here.`
        : `\`${shown}\` is not in the PHP client's endpoint table: check which V2 endpoint it calls and the scope it needs.`,
      notes: dualMode ? [{ kind: 'dual-mode', message: 'The client is configured for OAuth or basic auth depending on a condition.' }] : [],
      trace: [step(file, 'call', call, `${shown} (bigcommerce-api-php Client.php)`), step(file, 'definition', config.node, 'The client is configured for basic auth here.')],
    });
  }
}
