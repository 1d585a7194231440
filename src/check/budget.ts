// The scope budget: the scopes a team allows its token (config `allowedScopes`, `--allowed-scopes`).
// A read-only scope fits a budget that allows its modify counterpart (modify also permits GET/HEAD);
// a modify scope does not fit a budget that allows only its read-only counterpart.
import { loadCatalogue } from '../scopes/catalogue.ts';
import type { Access, EndpointUse, ScopeRequirement } from '../types.ts';

export interface BudgetViolation {
  scope: string;
  access: Access;
  /** The control panel's words, e.g. "Orders: modify". */
  label: string;
  /** The calls that need the scope, with their `file:line` locations. */
  endpoints: EndpointUse[];
  /** One line naming the scope and the calls that need it. */
  message: string;
}

/** The scopes in `scopes` that `allowed` does not cover, in the order given. */
export function checkScopeBudget(scopes: readonly ScopeRequirement[], allowed: readonly string[]): BudgetViolation[] {
  const allowedSet = new Set(allowed);
  return scopes
    .filter((requirement) => !withinBudget(requirement, allowedSet))
    .map((requirement) => ({
      scope: requirement.scope,
      access: requirement.access,
      label: requirement.label,
      endpoints: requirement.endpoints,
      message: describeViolation(requirement, allowedSet),
    }));
}

function withinBudget(requirement: ScopeRequirement, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(requirement.scope)) return true;
  const counterpart = counterpartOf(requirement.scope);
  return accessOf(requirement) === 'read_only' && counterpart !== null && allowed.has(counterpart);
}

/** The other half of a scope's modify / read-only pair, from the scope catalogue; null when it has none. */
export function counterpartOf(scope: string): string | null {
  return loadCatalogue().scopes.get(scope)?.counterpart ?? null;
}

function accessOf(requirement: ScopeRequirement): Access {
  return loadCatalogue().scopes.get(requirement.scope)?.access ?? requirement.access;
}

function describeViolation(requirement: ScopeRequirement, allowed: ReadonlySet<string>): string {
  const counterpart = counterpartOf(requirement.scope);
  const onlyReadOnly = counterpart !== null && allowed.has(counterpart) ? ` (the budget allows only ${counterpart})` : '';
  const calls = requirement.endpoints
    .map((use) => `${use.method ?? '(method unknown)'} ${use.endpoint} at ${use.locations.join(', ')}`)
    .join('; ');
  return (
    `Scope ${requirement.scope} (${requirement.label}) is beyond the allowed scopes${onlyReadOnly}; ` +
    `needed by ${calls || 'a call whose location is unknown'}.`
  );
}
