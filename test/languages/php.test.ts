import { describe, expect, it } from 'vitest';
import { rows, scanFixture, shownText } from './helpers.ts';

describe('PHP', () => {
  it('reports the legacy Bigcommerce::configure, its literal key and every client call with its endpoint and scope', async () => {
    const result = await scanFixture('php/legacy-config.php');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 7, null, null, null],
      ['hardcoded-credential', 10, null, null, null],
      ['legacy-api-call', 14, 'GET', '/v2/orders', 'store_v2_orders_read_only'],
      ['legacy-api-call', 16, 'PUT', '/v2/orders/{id}', 'store_v2_orders'],
      ['legacy-api-call', 18, 'POST', '/v2/gift_certificates', 'store_v2_marketing'],
      ['legacy-api-call', 19, 'GET', '/v2/products/count', 'store_v2_products_read_only'],
    ]);
    const config = result.findings.find((f) => f.rule === 'legacy-library-config');
    expect(config).toMatchObject({ client: 'bigcommerce-api-php', confidence: 'high', fixable: true, host: { kind: 'store-hostname', storeHash: 'abc123' } });
    expect(result.secrets).toEqual(['d41d8cd98f00b204e9800998ecf8427e']);
  });

  it('never shows the literal API key in a message, snippet, trace or note', async () => {
    const result = await scanFixture('php/legacy-config.php');
    expect(shownText(result.findings)).not.toContain('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('follows a settings variable into the old Bigcommerce_Api::configure', async () => {
    const result = await scanFixture('php/old-client.php');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 9, null, null, null],
      ['legacy-api-call', 10, 'GET', '/v2/customers', 'store_v2_customers_read_only'],
      ['legacy-api-call', 11, 'DELETE', '/v2/customers/{id}', 'store_v2_customers'],
    ]);
  });

  it('reports nothing for a client already configured for OAuth', async () => {
    expect((await scanFixture('php/oauth-config.php')).findings).toEqual([]);
  });

  it('reports only the legacy branch of a dual-mode configuration, not rewritable, with a dual-mode note', async () => {
    const result = await scanFixture('php/dual-mode.php');
    expect(rows(result.findings)).toEqual([
      ['legacy-library-config', 11, null, null, null],
      ['legacy-api-call', 17, 'GET', '/v2/products', 'store_v2_products_read_only'],
    ]);
    expect(result.findings.every((f) => !f.fixable && f.notes.some((n) => n.kind === 'dual-mode'))).toBe(true);
  });

  it('reports cURL handles with CURLOPT_USERPWD or a Basic header against a store /api/v2 URL, and not other services', async () => {
    const result = await scanFixture('php/curl-sync.php');
    expect(rows(result.findings)).toEqual([
      ['legacy-api-call', 6, 'GET', '/v2/orders/{id}', 'store_v2_orders_read_only'],
      ['legacy-api-call', 19, 'POST', '/v2/orders/{id}/shipments', 'store_v2_orders'],
      ['legacy-api-call', 28, 'PUT', '/v2/products/{id}', 'store_v2_products'],
      ['hardcoded-credential', 30, null, null, null],
    ]);
    expect(result.secrets).toEqual(['9f86d081884c7d659a2feaa0c55ad015']);
    const first = result.findings.find((f) => f.line === 6);
    expect(first?.message).toContain('https://api.bigcommerce.com/stores/abc123/v2/orders/{id}');
    expect(first?.fixable).toBe(false);
  });

  it('reports Guzzle clients with base_uri and auth, their requests, and per-request auth on a custom domain', async () => {
    const result = await scanFixture('php/guzzle-client.php');
    expect(rows(result.findings)).toEqual([
      ['legacy-client-config', 4, null, null, null],
      ['legacy-api-call', 8, 'GET', '/v2/customers', 'store_v2_customers_read_only'],
      ['legacy-api-call', 9, 'DELETE', '/v2/coupons/{id}', 'store_v2_marketing'],
      ['hardcoded-credential', 12, null, null, null],
      ['legacy-api-call', 12, 'POST', '/v2/orders', 'store_v2_orders'],
    ]);
    const custom = result.findings.find((f) => f.rule === 'legacy-api-call' && f.line === 12);
    expect(custom).toMatchObject({ confidence: 'medium', host: { kind: 'custom-domain', name: 'shop.example.com' } });
  });
});
