import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CatalogueError, loadCatalogue, parseCatalogue } from '../../src/scopes/catalogue.ts';
import { resolveScope } from '../../src/scopes/resolve.ts';

// BCFACTS.md §1.1: ACCTS's master list, the scopes named only in individual specs, the implicit
// scopes seen in token responses, and the account-level scopes.
const OFFICIAL_STORE_SCOPES = [
  'store_payments_access_token_create',
  'store_storefront_api',
  'store_storefront_api_customer_impersonation',
  'store_app_extensions_manage',
  'store_cart', 'store_cart_read_only',
  'store_channel_settings', 'store_channel_settings_read_only',
  'store_channel_listings', 'store_channel_listings_read_only',
  'store_checkout', 'store_checkout_read_only',
  'store_content_checkout', 'store_content_checkout_read_only',
  'store_v2_content', 'store_v2_content_read_only',
  'store_v2_customers', 'store_v2_customers_read_only',
  'store_v2_customers_login',
  'store_fulfillment_methods_manage', 'store_fulfillment_methods_read_only',
  'store_v2_information', 'store_v2_information_read_only',
  'store_v2_marketing', 'store_v2_marketing_read_only',
  'store_metafield_change_owner',
  'store_metafield_write',
  'store_metafield_write_all',
  'store_v2_orders', 'store_v2_orders_read_only',
  'store_order_fulfillment_manage', 'store_order_fulfillment_read_only',
  'store_v2_transactions', 'store_v2_transactions_read_only',
  'store_payments_methods_read',
  'store_v2_products', 'store_v2_products_read_only',
  'store_sites', 'store_sites_read_only',
  'store_inventory', 'store_inventory_read_only',
  'store_locations', 'store_locations_read_only',
  'store_stored_payment_instruments', 'store_stored_payment_instruments_read_only',
  'store_translations', 'store_translations_read_only',
  'store_themes_manage', 'store_themes_read_only',
];
const SPEC_ONLY_SCOPES = [
  'store_logs_read_only',
  'store_infrastructure_projects_manage', 'store_infrastructure_projects_read_only',
  'store_infrastructure_deployments_manage', 'store_infrastructure_deployments_create_preview',
  'store_infrastructure_deployments_read_only', 'store_infrastructure_logs_read_only',
  'MANAGE_TAX',
];
const IMPLICIT_SCOPES = ['store_v2_default', 'users_basic_information'];
const ACCOUNT_SCOPES = [
  'account_read', 'account_apps_read', 'account_checkouts_read', 'account_checkouts_create',
  'account_stores_read', 'account_subscriptions_read', 'account_subscriptions_cancel',
  'account_users_read', 'account_users_write', 'account_users_delete',
];
const OFFICIAL = new Set([...OFFICIAL_STORE_SCOPES, ...SPEC_ONLY_SCOPES, ...IMPLICIT_SCOPES, ...ACCOUNT_SCOPES]);

describe('the shipped catalogue', () => {
  const catalogue = loadCatalogue();

  it('is loaded once and cached', () => {
    expect(loadCatalogue()).toBe(catalogue);
  });

  it('names only scopes that exist in the official list', () => {
    const named = new Set<string>(catalogue.scopes.keys());
    for (const scope of catalogue.scopes.values()) if (scope.counterpart) named.add(scope.counterpart);
    for (const resource of catalogue.resources) {
      for (const name of [resource.scope, ...resource.anyOf, ...resource.also]) if (name) named.add(name);
    }
    for (const post of catalogue.readStylePosts) named.add(post.scope);
    for (const dispute of catalogue.disputes) for (const name of dispute.chosen) named.add(name);
    expect([...named].filter((name) => !OFFICIAL.has(name))).toEqual([]);
  });

  it('lists every scope of the official list', () => {
    expect([...OFFICIAL].filter((name) => !catalogue.scopes.has(name))).toEqual([]);
  });

  it('gives every scope and every resource entry at least one known source', () => {
    const tags = new Set(Object.keys(catalogue.sources));
    const entries = [...catalogue.scopes.values(), ...catalogue.resources];
    for (const entry of entries) {
      expect(entry.sources.length, JSON.stringify(entry)).toBeGreaterThan(0);
      for (const ref of entry.sources) expect(tags, `${ref} in ${JSON.stringify(entry)}`).toContain(ref.split(':')[0]);
    }
  });

  it('spells out the irregular read-only names as explicit pairs', () => {
    const pairs: Array<[string, string]> = [
      ['store_themes_manage', 'store_themes_read_only'],
      ['store_fulfillment_methods_manage', 'store_fulfillment_methods_read_only'],
      ['store_order_fulfillment_manage', 'store_order_fulfillment_read_only'],
      ['store_infrastructure_projects_manage', 'store_infrastructure_projects_read_only'],
      ['store_infrastructure_deployments_manage', 'store_infrastructure_deployments_read_only'],
    ];
    for (const [modify, readOnly] of pairs) {
      expect(catalogue.scopes.get(modify)?.counterpart).toBe(readOnly);
      expect(catalogue.scopes.get(readOnly)?.counterpart).toBe(modify);
    }
  });

  it('records the scopes without a read-only variant and the read-only scopes without a modify variant', () => {
    expect([...catalogue.noReadOnlyVariant].sort()).toEqual(
      [
        'store_v2_default', 'store_v2_customers_login', 'store_payments_access_token_create', 'store_storefront_api',
        'store_storefront_api_customer_impersonation', 'store_app_extensions_manage', 'store_metafield_change_owner',
        'store_metafield_write', 'store_metafield_write_all', 'store_infrastructure_deployments_create_preview', 'MANAGE_TAX',
      ].sort(),
    );
    expect([...catalogue.readOnlyWithoutModify].sort()).toEqual(
      ['store_infrastructure_logs_read_only', 'store_logs_read_only', 'store_payments_methods_read'],
    );
  });

  it('covers every V2 resource family a legacy integration can call', () => {
    const ids = catalogue.resources.filter((r) => r.api === 'v2').map((r) => r.id).sort();
    expect(ids).toEqual(
      [
        'v2-banners', 'v2-blog', 'v2-brands', 'v2-categories', 'v2-countries', 'v2-coupons', 'v2-currencies',
        'v2-customer-groups', 'v2-customers', 'v2-gift-certificates', 'v2-hooks', 'v2-option-sets', 'v2-options',
        'v2-order-statuses', 'v2-orders', 'v2-pages', 'v2-payments-methods', 'v2-products', 'v2-redirects',
        'v2-requestlogs', 'v2-shipping', 'v2-store', 'v2-tax-classes', 'v2-time',
      ].sort(),
    );
  });

  it('resolves each read-style POST to the read-only scope it lists', () => {
    expect(catalogue.readStylePosts.map((p) => p.pattern.text).sort()).toEqual(
      ['/v3/pickup/options', '/v3/pricing/products', '/v3/tax/zonecheck'],
    );
    for (const post of catalogue.readStylePosts) {
      expect(resolveScope(post.method, post.pattern.text).scope).toBe(post.scope);
    }
  });

  it('resolves each disputed path to the answer the catalogue chose', () => {
    expect(catalogue.disputes.length).toBeGreaterThanOrEqual(3);
    for (const dispute of catalogue.disputes) {
      for (const pattern of dispute.patterns) {
        const path = pattern.text;
        const resolution = resolveScope(dispute.chosen.some((n) => n.endsWith('_read_only') || n.endsWith('_read')) ? 'GET' : 'POST', path);
        expect(dispute.chosen, path).toContain(resolution.scope);
        expect(dispute.why.length).toBeGreaterThan(20);
      }
    }
  });

  it('gives each scope its own label in the control panel words', () => {
    expect(catalogue.scopes.get('store_v2_orders')?.label).toBe('Orders: modify');
    expect(catalogue.scopes.get('store_v2_products_read_only')?.label).toBe('Products: read-only');
    const labels = [...catalogue.scopes.values()].map((s) => s.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('parseCatalogue', () => {
  const valid = () => ({
    sources: { ACCTS: 'api-accounts.mdx', DOCS: 'the docs repo' },
    scopes: [
      { name: 'store_v2_orders', access: 'modify', counterpart: 'store_v2_orders_read_only', gui: 'Orders', label: 'Orders: modify', kind: 'store_resource', sources: ['ACCTS'] },
      { name: 'store_v2_orders_read_only', access: 'read_only', counterpart: 'store_v2_orders', gui: 'Orders', label: 'Orders: read-only', kind: 'store_resource', sources: ['ACCTS'] },
      { name: 'store_v2_default', access: 'modify', counterpart: null, gui: '(default)', label: 'Default', kind: 'implicit', sources: ['ACCTS'] },
    ] as Array<Record<string, unknown>>,
    resources: [
      { id: 'v2-orders', api: 'v2', paths: ['/v2/orders/**'], scope: 'store_v2_orders', sources: ['DOCS:orders.v2.oas2.yml'] },
    ] as Array<Record<string, unknown>>,
    exceptions: {
      no_read_only_variant: { scopes: ['store_v2_default'], sources: ['ACCTS'], why: 'none exists' },
      read_only_without_modify: { scopes: [], sources: ['ACCTS'], why: 'none here' },
      read_style_posts: [],
      disputed: [],
    },
  });
  const expectMalformed = (doc: unknown, message: RegExp) => {
    expect(() => parseCatalogue(stringify(doc))).toThrow(CatalogueError);
    expect(() => parseCatalogue(stringify(doc))).toThrow(message);
  };

  it('accepts a small well-formed catalogue', () => {
    const catalogue = parseCatalogue(stringify(valid()));
    expect(catalogue.resources[0]?.patterns[0]).toEqual({ text: '/v2/orders/**', segments: ['v2', 'orders'], prefix: true });
  });

  it('rejects text that is not YAML', () => {
    expect(() => parseCatalogue('scopes: [unclosed')).toThrow(/not valid YAML/);
  });

  it('rejects a resource entry without sources', () => {
    const doc = valid();
    doc.resources[0]!.sources = [];
    expectMalformed(doc, /resource "v2-orders" names no source/);
  });

  it('rejects a source tag missing from the sources table', () => {
    const doc = valid();
    doc.resources[0]!.sources = ['V2-1999'];
    expectMalformed(doc, /unknown source tag "V2-1999"/);
  });

  it('rejects a counterpart that does not point back', () => {
    const doc = valid();
    doc.scopes[1]!.counterpart = null;
    expectMalformed(doc, /not a modify \/ read-only pair/);
  });

  it('rejects a resource that names an unknown scope', () => {
    const doc = valid();
    doc.resources[0]!.scope = 'store_v2_ordrs';
    expectMalformed(doc, /unknown scope "store_v2_ordrs"/);
  });

  it('rejects a resource that names the read-only half of a pair', () => {
    const doc = valid();
    doc.resources[0]!.scope = 'store_v2_orders_read_only';
    expectMalformed(doc, /must name the modify scope/);
  });

  it('rejects ** anywhere but the last segment', () => {
    const doc = valid();
    doc.resources[0]!.paths = ['/v2/**/orders'];
    expectMalformed(doc, /only as its last segment/);
  });

  it('rejects a path that is not normalized', () => {
    const doc = valid();
    doc.resources[0]!.paths = ['/api/v2/orders.json?x=1'];
    expectMalformed(doc, /not a normalized/);
  });

  it('rejects an exception list that contradicts the scope entries', () => {
    const doc = valid();
    doc.exceptions.no_read_only_variant.scopes = ['store_v2_orders'];
    expectMalformed(doc, /no_read_only_variant lists "store_v2_orders"/);
  });

  it('rejects a resource with neither a scope nor a default or undocumented mark', () => {
    const doc = valid();
    delete doc.resources[0]!.scope;
    expectMalformed(doc, /needs a scope/);
  });
});
