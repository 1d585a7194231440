// The stand-in's own idea of which OAuth scope each gateway endpoint needs.
// Written from the platform's documentation (the API accounts guide's scope table,
// BCFACTS.md §1.2–1.3 and §2), on purpose WITHOUT looking at src/scopes: when the
// tool's catalogue and this table disagree, the equivalence tests show it.

export interface ScopeRule {
  /** A resource path prefix such as `/v2/orders` or `/v3/channels/{id}/listings`; it covers every path beneath it. `{id}` matches any one segment. */
  prefix: string;
  /** The scope that permits every method; null when none exists (read-only-only scopes). */
  modify: string | null;
  /** The scope that permits GET and HEAD; null when the scope has no read-only variant. */
  readOnly: string | null;
  /** Webhooks: no selectable scope, any valid token may call them. */
  defaultScope?: true;
  /** POSTs that only read, so the read-only scope is enough (pricing, tax zone check, pickup options). */
  readStyleMethods?: string[];
  /** Endpoints documented as "requires at least one of": any scope in the list satisfies any method. */
  anyOf?: { read: string[]; write: string[] };
  source: string;
}

const ACCTS = 'api-accounts guide scope table';

function both(prefix: string, base: string, source: string): ScopeRule {
  return { prefix, modify: base, readOnly: `${base}_read_only`, source };
}

export const SCOPE_RULES: readonly ScopeRule[] = [
  // --- V2 (BCFACTS §1.2) ---
  both('/v2/products', 'store_v2_products', `${ACCTS}; V2-2015 products pages`),
  both('/v2/categories', 'store_v2_products', ACCTS),
  both('/v2/brands', 'store_v2_products', ACCTS),
  both('/v2/options', 'store_v2_products', 'V2-2015 options pages'),
  both('/v2/option_sets', 'store_v2_products', 'V2-2015 option sets pages'),
  both('/v2/customers', 'store_v2_customers', `${ACCTS}; customers.v2.yml`),
  both('/v2/customer_groups', 'store_v2_customers', ACCTS),
  both('/v2/orders', 'store_v2_orders', `${ACCTS}; orders.v2.oas2.yml`),
  both('/v2/order_statuses', 'store_v2_orders', ACCTS),
  both('/v2/coupons', 'store_v2_marketing', ACCTS),
  both('/v2/gift_certificates', 'store_v2_marketing', ACCTS),
  both('/v2/banners', 'store_v2_marketing', ACCTS),
  both('/v2/blog', 'store_v2_content', ACCTS),
  both('/v2/pages', 'store_v2_content', ACCTS),
  both('/v2/redirects', 'store_v2_content', ACCTS),
  both('/v2/store', 'store_v2_information', `${ACCTS}; store_information.v2.yml`),
  // Current specs say Information & Settings; V2-2015 said the default scope. We follow the current specs.
  both('/v2/time', 'store_v2_information', 'store_information.v2.yml'),
  both('/v2/countries', 'store_v2_information', 'geography.v2.yml'),
  both('/v2/currencies', 'store_v2_information', 'currencies.v2.yml'),
  both('/v2/shipping', 'store_v2_information', 'shipping.v2.yml'),
  both('/v2/tax_classes', 'store_v2_information', 'tax_classes.v2.yml'),
  {
    // Disputed between two scopes (BCFACTS §1.4 #2): the stand-in accepts either reading.
    prefix: '/v2/payments/methods',
    modify: null,
    readOnly: null,
    anyOf: {
      read: ['store_payments_methods_read', 'store_v2_information', 'store_v2_information_read_only'],
      write: [],
    },
    source: 'methods_payments.v2.yml; api-specs#469',
  },
  { prefix: '/v2/hooks', modify: null, readOnly: null, defaultScope: true, source: `${ACCTS}: webhooks use the default scope` },

  // --- V3 (BCFACTS §1.3) ---
  both('/v3/catalog', 'store_v2_products', `${ACCTS}: /v3/catalog`),
  both('/v3/pricelists', 'store_v2_products', `${ACCTS}: /v3/pricelists`),
  { ...both('/v3/pricing/products', 'store_v2_products', 'pricing.sf.yml'), readStyleMethods: ['POST'] },
  both('/v3/customers', 'store_v2_customers', `${ACCTS}; customers.v3.yml`),
  both('/v3/customers/{id}/stored-instruments', 'store_stored_payment_instruments', 'customers.v3.yml'),
  both('/v3/segments', 'store_v2_customers', 'segments.v3.yml'),
  both('/v3/shopper-profiles', 'store_v2_customers', 'segments.v3.yml'),
  both('/v3/wishlists', 'store_v2_customers', 'wishlists.v3.yml'),
  both('/v3/orders', 'store_v2_orders', 'orders.v3.yml'),
  both('/v3/orders/{id}/transactions', 'store_v2_transactions', `${ACCTS}: /v3/orders/{id}/transactions`),
  {
    prefix: '/v3/orders/{id}/payment_actions',
    modify: null,
    readOnly: null,
    anyOf: {
      read: ['store_v2_orders', 'store_v2_orders_read_only', 'store_v2_transactions', 'store_v2_transactions_read_only'],
      write: ['store_v2_orders', 'store_v2_transactions'],
    },
    source: 'orders.v3.yml: "Requires at least one of"',
  },
  {
    prefix: '/v3/orders/pickups',
    modify: 'store_order_fulfillment_manage',
    readOnly: 'store_order_fulfillment_read_only',
    source: 'pickup.v3.yml',
  },
  {
    prefix: '/v3/pickup/methods',
    modify: 'store_fulfillment_methods_manage',
    readOnly: 'store_fulfillment_methods_read_only',
    source: 'pickup_methods.v3.yml',
  },
  {
    prefix: '/v3/pickup/options',
    modify: 'store_fulfillment_methods_manage',
    readOnly: 'store_fulfillment_methods_read_only',
    readStyleMethods: ['POST'],
    source: 'pickup_options.v3.yml',
  },
  both('/v3/carts', 'store_cart', `${ACCTS}: /v3/carts`),
  both('/v3/carts/settings', 'store_v2_information', 'carts.v3.yml'),
  both('/v3/abandoned-carts', 'store_v2_information', 'abandoned_carts.v3.yml (current)'),
  both('/v3/marketing/abandoned-cart-emails', 'store_v2_information', 'abandoned_cart_emails.v3.yml'),
  both('/v3/marketing/email-templates', 'store_v2_information', 'email_templates.v3.yml'),
  both('/v3/settings', 'store_v2_information', 'settings.v3.yml'),
  both('/v3/store/metafields', 'store_v2_information', 'store_metafields.v3.yml'),
  both('/v3/tax', 'store_v2_information', 'tax specs'),
  { ...both('/v3/tax/zonecheck', 'store_v2_information', 'tax_zone_check.v3.yml'), readStyleMethods: ['POST'] },
  both('/v3/shipping/settings', 'store_v2_information', 'shipping settings'),
  both('/v3/shipping/products/customs-information', 'store_v2_products', 'shipping.v3.yml'),
  both('/v3/checkouts', 'store_checkout', `${ACCTS}: /v3/checkouts`),
  both('/v3/content/scripts', 'store_content_checkout', `${ACCTS}: /v3/scripts`),
  both('/v3/content/widgets', 'store_v2_content', `${ACCTS}: /v3/widgets`),
  both('/v3/content/widget-templates', 'store_v2_content', 'widgets.v3.yml'),
  both('/v3/content/placements', 'store_v2_content', 'widgets.v3.yml'),
  both('/v3/content/regions', 'store_v2_content', 'widgets.v3.yml'),
  both('/v3/content/pages', 'store_v2_content', 'pages.v3.yml'),
  both('/v3/content/page-widgets', 'store_v2_content', 'page-widgets.v3.yml'),
  both('/v3/storefront/redirects', 'store_v2_content', 'redirects.v3.yml'),
  both('/v3/promotions', 'store_v2_marketing', 'promotions.v3.yml'),
  both('/v3/channels', 'store_channel_settings', `${ACCTS}: /v3/channels`),
  both('/v3/channels/{id}/listings', 'store_channel_listings', `${ACCTS}: channel listings`),
  both('/v3/channels/{id}/site', 'store_sites', `${ACCTS}: /v3/channels/{channel_id}/site`),
  both('/v3/sites', 'store_sites', `${ACCTS}: /v3/sites/{site_id}/routes`),
  { prefix: '/v3/themes', modify: 'store_themes_manage', readOnly: 'store_themes_read_only', source: `${ACCTS}: /v3/themes` },
  {
    prefix: '/v3/storefront/custom-template-associations',
    modify: 'store_themes_manage',
    readOnly: 'store_themes_read_only',
    source: 'custom-template-associations.v3.yml',
  },
  both('/v3/inventory/adjustments', 'store_inventory', 'inventory.v3.yml'),
  both('/v3/inventory/items', 'store_inventory', 'inventory.v3.yml'),
  both('/v3/inventory/locations', 'store_locations', 'locations.v3.yml'),
  both('/v3/inventory/locations/{id}/items', 'store_inventory', 'inventory.v3.yml'),
  { prefix: '/v3/payments/methods', modify: null, readOnly: 'store_payments_methods_read', source: `${ACCTS}: Get Payment Methods` },
  {
    prefix: '/v3/payments/access_tokens',
    modify: 'store_payments_access_token_create',
    readOnly: null,
    source: `${ACCTS}: Create Payments`,
  },
  { prefix: '/v3/storefront/api-token', modify: 'store_storefront_api', readOnly: null, source: ACCTS },
  { prefix: '/v3/storefront/api-token-private', modify: 'store_storefront_api', readOnly: null, source: 'storefront_tokens.v3.yml' },
  {
    prefix: '/v3/storefront/api-token-customer-impersonation',
    modify: 'store_storefront_api_customer_impersonation',
    readOnly: null,
    source: ACCTS,
  },
  { prefix: '/v3/hooks', modify: null, readOnly: null, defaultScope: true, source: 'webhooks.v3.yml' },
  { prefix: '/v3/store/systemlogs', modify: null, readOnly: 'store_logs_read_only', source: 'store_logs.v3.yml' },
];

/** What a request needs: any valid token, one of a set of scopes, or nothing known (the gateway does not serve it). */
export type ScopeNeed = { kind: 'default' } | { kind: 'any-of'; scopes: string[] } | { kind: 'unknown' };

const READ_METHODS = new Set(['GET', 'HEAD']);

function prefixSegments(prefix: string): string[] {
  return prefix.split('/').filter(Boolean);
}

/** Segments matched, with literal matches counting more than `{id}`, so `/v3/orders/pickups` beats `/v3/orders/{id}`. */
function matchScore(rule: ScopeRule, segments: string[]): number {
  const wanted = prefixSegments(rule.prefix);
  if (wanted.length > segments.length) return -1;
  let score = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i] === '{id}') score += 1;
    else if (wanted[i] === segments[i]) score += 2;
    else return -1;
  }
  return score;
}

export function findScopeRule(resourcePath: string): ScopeRule | null {
  const segments = resourcePath.split('/').filter(Boolean);
  let best: ScopeRule | null = null;
  let bestScore = -1;
  for (const rule of SCOPE_RULES) {
    const score = matchScore(rule, segments);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/** The scopes that let `method` reach `resourcePath` (`/v2/orders/5`, `/v3/catalog/products`). */
export function scopeNeed(method: string, resourcePath: string): ScopeNeed {
  const rule = findScopeRule(resourcePath);
  if (!rule) return { kind: 'unknown' };
  if (rule.defaultScope) return { kind: 'default' };
  const upper = method.toUpperCase();
  const reads = READ_METHODS.has(upper) || (rule.readStyleMethods ?? []).includes(upper);
  if (rule.anyOf) return { kind: 'any-of', scopes: reads ? rule.anyOf.read : rule.anyOf.write };
  // A modify scope permits reads too; a read-only scope permits GET/HEAD only.
  const scopes = reads ? [rule.modify, rule.readOnly] : [rule.modify];
  return { kind: 'any-of', scopes: scopes.filter((s): s is string => s !== null) };
}

export function scopesPermit(need: ScopeNeed, granted: readonly string[]): boolean {
  if (need.kind === 'default') return true;
  if (need.kind === 'unknown') return false;
  return need.scopes.some((s) => granted.includes(s));
}

/** The read-only counterpart of a modify scope (`store_themes_manage` → `store_themes_read_only`), or null when it has none. */
export function readOnlyVariant(scope: string): string | null {
  return SCOPE_RULES.find((rule) => rule.modify === scope && rule.readOnly !== null)?.readOnly ?? null;
}
