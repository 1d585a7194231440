import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import type { Finding } from '../../src/types.ts';
import { testConfig } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scan');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every finding of every file in one fixture folder, paths relative to that folder. */
function scanFixture(name: string): { findings: Finding[]; secrets: string[] } {
  const root = join(FIXTURES, name);
  const findings: Finding[] = [];
  const secrets: string[] = [];
  for (const file of filesUnder(root)) {
    const result = analyzeJsSource({ path: relative(root, file).split('\\').join('/'), text: readFileSync(file, 'utf8') }, { config: testConfig });
    findings.push(...result.findings);
    secrets.push(...result.secrets);
  }
  return { findings, secrets };
}

type Row = [rule: Finding['rule'], file: string, line: number, method: string | null, endpoint: string | null, scope: string | null, fixable: boolean];

function rows(findings: Finding[]): Row[] {
  return findings.map((f) => [f.rule, f.file, f.line, f.method, f.endpoint, f.scope, f.fixable]);
}

const EXPECTED: Record<string, Row[]> = {
  'fetch': [
    ['legacy-api-call', 'constants.mjs', 10, 'GET', '/v2/customer_groups', 'store_v2_customers_read_only', true],
    ['legacy-api-call', 'constants.mjs', 14, 'GET', '/v2/shipping/zones', 'store_v2_information_read_only', false],
    ['legacy-api-call', 'constants.mjs', 18, 'POST', '/v2/coupons', 'store_v2_marketing', true],
    ['legacy-api-call', 'custom-domain.cjs', 7, 'GET', '/v2/gift_certificates', 'store_v2_marketing_read_only', true],
    ['legacy-api-call', 'custom-domain.cjs', 14, 'GET', '/v2/store', 'store_v2_information_read_only', true],
    ['hardcoded-credential', 'custom-domain.cjs', 14, null, null, null, true],
    ['legacy-api-call', 'headers.ts', 11, 'GET', '/v2/brands', 'store_v2_products_read_only', true],
    ['legacy-api-call', 'headers.ts', 15, 'DELETE', '/v2/redirects/{id}', 'store_v2_content', true],
    ['legacy-api-call', 'headers.ts', 19, 'GET', '/v2/blog/posts', 'store_v2_content_read_only', true],
    ['hardcoded-credential', 'headers.ts', 20, null, null, null, true],
    ['legacy-api-call', 'headers.ts', 25, 'GET', '/v2/order_statuses', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'literal.js', 7, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'literal.js', 14, 'GET', '/v2/orders/count', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'opaque-url.js', 7, 'GET', null, null, false],
    ['legacy-api-call', 'template-concat.ts', 8, 'GET', '/v2/products/{id}', 'store_v2_products_read_only', true],
    ['legacy-api-call', 'template-concat.ts', 13, 'PUT', '/v2/products/{id}', 'store_v2_products', true],
    ['legacy-api-call', 'template-concat.ts', 22, 'GET', '/v2/option_sets', 'store_v2_products_read_only', true],
  ],
  'axios': [
    ['legacy-client-config', 'auth-elsewhere.js', 6, null, null, null, false],
    ['legacy-api-call', 'auth-elsewhere.js', 9, 'GET', '/v2/orders', 'store_v2_orders_read_only', false],
    ['legacy-api-call', 'auth-elsewhere.js', 10, 'GET', '/v2/products', 'store_v2_products_read_only', false],
    ['hardcoded-credential', 'call-forms.js', 4, null, null, null, true],
    ['legacy-request-wrapper', 'call-forms.js', 6, null, '/v2/banners', 'store_v2_marketing', true],
    ['legacy-api-call', 'call-forms.js', 7, 'GET', '/v2/customers', 'store_v2_customers_read_only', true],
    ['legacy-api-call', 'call-forms.js', 8, 'PATCH', '/v2/customers/{id}/addresses', 'store_v2_customers', true],
    ['legacy-api-call', 'call-forms.js', 9, 'GET', '/v2/currencies', 'store_v2_information_read_only', true],
    ['legacy-api-call', 'call-forms.js', 10, 'POST', '/v2/customers/{id}/validate', 'store_v2_customers', true],
    ['legacy-api-call', 'call-forms.js', 11, 'HEAD', '/v2/time', 'store_v2_information_read_only', true],
    ['legacy-client-config', 'defaults.js', 4, null, null, null, true],
    ['legacy-api-call', 'defaults.js', 6, 'GET', '/v2/pages', 'store_v2_content_read_only', true],
    ['legacy-api-call', 'defaults.js', 7, 'POST', '/v2/hooks', null, true],
    ['legacy-client-config', 'instance.ts', 4, null, null, null, true],
    ['legacy-api-call', 'instance.ts', 12, 'PUT', '/v2/products/{id}', 'store_v2_products', true],
    ['legacy-api-call', 'instance.ts', 17, 'GET', '/v2/products/{id}/images', 'store_v2_products_read_only', true],
    ['legacy-api-call', 'instance.ts', 22, 'DELETE', '/v2/products/{id}/skus/{id}', 'store_v2_products', true],
    ['legacy-api-call', 'instance.ts', 26, 'POST', '/v2/categories', 'store_v2_products', true],
  ],
  'got': [
    ['legacy-client-config', 'got.mjs', 3, null, null, null, true],
    ['legacy-api-call', 'got.mjs', 11, 'GET', '/v2/orders/{id}/shipments', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'got.mjs', 12, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders', true],
    ['legacy-api-call', 'got.mjs', 16, 'GET', '/v2/tax_classes', 'store_v2_information_read_only', true],
    ['legacy-api-call', 'got.mjs', 19, 'PUT', '/v2/orders/{id}', 'store_v2_orders', true],
    ['hardcoded-credential', 'got.mjs', 22, null, null, null, true],
    ['legacy-api-call', 'got.mjs', 28, 'GET', '/v2/countries', 'store_v2_information_read_only', true],
  ],
  'wrappers': [
    ['legacy-request-wrapper', 'class.ts', 6, null, null, null, true],
    ['legacy-request-wrapper', 'class.ts', 15, null, null, null, true],
    ['legacy-api-call', 'class.ts', 20, 'GET', '/v2/hooks', null, true],
    ['legacy-api-call', 'class.ts', 24, 'PUT', '/v2/customers/{id}', 'store_v2_customers', true],
    ['legacy-api-call', 'class.ts', 31, 'GET', '/v2/brands', 'store_v2_products_read_only', true],
    ['legacy-client-config', 'dynamic.js', 3, null, null, null, true],
    ['legacy-request-wrapper', 'dynamic.js', 8, null, null, null, true],
    ['legacy-request-wrapper', 'dynamic.js', 12, null, null, null, true],
    ['legacy-api-call', 'dynamic.js', 14, 'GET', '/v2/products', 'store_v2_products_read_only', true],
    ['legacy-api-call', 'dynamic.js', 20, null, '/v2/customers', 'store_v2_customers', true],
    ['legacy-api-call', 'dynamic.js', 21, 'GET', null, null, true],
    ['legacy-request-wrapper', 'function.js', 7, null, null, null, true],
    ['legacy-api-call', 'function.js', 16, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'function.js', 17, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders', true],
    ['legacy-api-call', 'function.js', 18, 'PUT', '/v2/orders/{id}', 'store_v2_orders', true],
  ],
  'browser': [
    ['legacy-api-call', 'public/js/store.js', 5, 'GET', '/v2/coupons', 'store_v2_marketing_read_only', false],
  ],
  'dual-mode': [
    ['legacy-api-call', 'client.ts', 8, 'GET', '/v2/orders', 'store_v2_orders_read_only', true],
    ['legacy-api-call', 'client.ts', 17, 'GET', '/v2/customers', 'store_v2_customers_read_only', false],
  ],
};

describe('scan fixtures', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`finds exactly the expected findings in fixtures/scan/${name}`, () => {
      expect(rows(scanFixture(name).findings)).toEqual(expected);
    });
  }

  it('finds nothing in the negatives', () => {
    expect(rows(scanFixture('negatives').findings)).toEqual([]);
  });

  it('never puts a collected secret into a finding', () => {
    for (const name of Object.keys(EXPECTED)) {
      const { findings, secrets } = scanFixture(name);
      const text = JSON.stringify(findings);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
