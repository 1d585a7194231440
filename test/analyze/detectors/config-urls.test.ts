// A config value holding a legacy API URL with no account settings beside it: reported where it is
// written (`legacy-api-url`), since the code that reads it may be out of the analysis' reach.
import { afterEach, describe, expect, it } from 'vitest';
import { scanProject } from '../../../src/analyze/index.ts';
import { analyzeEnvFile } from '../../../src/analyze/detectors/config-env.ts';
import { analyzeYamlOrJsonFile } from '../../../src/analyze/detectors/config-yaml.ts';
import { makeTree, removeTree } from '../../discover/tree.ts';
import { testConfig } from '../helpers.ts';

const rows = (result: ReturnType<typeof analyzeEnvFile>) => result.findings.map((f) => [f.rule, f.line, f.endpoint, f.scope, f.confidence, f.fixable]);

describe('legacy API URLs in config', () => {
  it('reports each URL of a JSON table of endpoints, with the scope its resource needs (a write assumed)', () => {
    const json = '{\n  "orders": "https://store-abc123.mybigcommerce.com/api/v2/orders",\n  "products": "https://store-abc123.mybigcommerce.com/api/v2/products.json",\n  "name": "sync"\n}\n';
    const result = analyzeYamlOrJsonFile('config/endpoints.json', json, testConfig);
    expect(rows(result)).toEqual([
      ['legacy-api-url', 2, '/v2/orders', 'store_v2_orders', 'medium', false],
      ['legacy-api-url', 3, '/v2/products', 'store_v2_products', 'medium', false],
    ]);
    expect(result.findings[0].notes.map((n) => n.message).join(' ')).toMatch(/write was assumed/);
  });

  it('leaves out the V2 API\'s resource links in a saved response (a test fixture), which nothing calls as written', () => {
    const json = JSON.stringify({ id: 100, products: { url: 'https://store-abc123.mybigcommerce.com/api/v2/orders/100/products.json', resource: '/orders/100/products' }, next: 'https://store-abc123.mybigcommerce.com/api/v2/orders' }, null, 2);
    expect(rows(analyzeYamlOrJsonFile('test/fixtures/order.json', json, testConfig))).toEqual([['legacy-api-url', 7, '/v2/orders', 'store_v2_orders', 'medium', false]]);
  });

  it('reports a base URL in YAML with no endpoint, so the scope list says it is incomplete', () => {
    const result = analyzeYamlOrJsonFile('deploy/sync.yml', 'sync:\n  api: https://store-abc123.mybigcommerce.com/api/v2/\n', testConfig);
    expect(rows(result)).toEqual([['legacy-api-url', 2, null, null, 'medium', false]]);
    expect(result.findings[0].notes.map((n) => n.kind)).toContain('dynamic-endpoint');
  });

  it('reports a URL-only .env entry, and the store hash its host names', () => {
    const result = analyzeEnvFile('.env.example', 'BC_API_URL=https://store-abc123.mybigcommerce.com/api/v2/\nPORT=3000\n', testConfig);
    expect(rows(result)).toEqual([['legacy-api-url', 1, null, null, 'medium', false]]);
    expect(result.findings[0].host?.storeHash).toBe('abc123');
  });

  it('leaves the URL of account settings to the credentials finding', () => {
    const env = 'BC_STORE_URL=https://store-abc123.mybigcommerce.com/api/v2/\nBC_API_USER=app\nBC_API_KEY=\n';
    expect(analyzeEnvFile('.env.example', env, testConfig).findings.map((f) => f.rule)).toEqual(['legacy-credentials-config']);
  });

  it('reports a custom domain only under a key named after BigCommerce', () => {
    expect(rows(analyzeEnvFile('.env.example', 'BC_API_URL=https://shop.example.com/api/v2/orders\n', testConfig))).toEqual([
      ['legacy-api-url', 1, '/v2/orders', 'store_v2_orders', 'medium', false],
    ]);
    expect(analyzeEnvFile('.env.example', 'CRM_URL=https://crm.example.com/api/v2/orders\n', testConfig).findings).toEqual([]);
  });

  it('does not report a bare store URL, the OAuth gateway or another service', () => {
    const yaml = [
      'storefront: https://store-abc123.mybigcommerce.com',
      'gateway: https://api.bigcommerce.com/stores/abc123/v2/orders',
      'crm: https://api.example.com/api/v2/orders',
      'docs: see https://store-abc123.mybigcommerce.com/api/v2/orders for the old way',
    ].join('\n');
    expect(analyzeYamlOrJsonFile('config.yml', `${yaml}\n`, testConfig).findings).toEqual([]);
  });

  it('records a password in the URL as a secret', () => {
    const result = analyzeEnvFile('.env', 'BC_API_URL=https://app:s3cr3tPassw0rd@store-abc123.mybigcommerce.com/api/v2/orders\n', testConfig);
    expect(result.findings.map((f) => f.rule)).toEqual(['legacy-api-url']);
    expect(result.secrets).toContain('s3cr3tPassw0rd');
    expect(result.findings[0].message).not.toContain('s3cr3tPassw0rd');
  });
});

describe('legacy API URLs in config, across files', () => {
  let root: string;
  afterEach(async () => {
    await removeTree(root);
  });

  it('are the call\'s when the cross-file pass traces a request to them, and reported once', async () => {
    root = await makeTree({
      '.env.example': 'BC_API_BASE=https://store-abc123.mybigcommerce.com/api/v2\n',
      'src/orders.js':
        "const axios = require('axios');\n" +
        'exports.list = () => axios.get(`${process.env.BC_API_BASE}/orders`, { auth: { username: process.env.BC_API_USER, password: process.env.BC_API_KEY } });\n',
    });
    const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.endpoint}`)).toEqual(['src/orders.js:2 legacy-api-call /v2/orders']);
    expect(report.findings[0].trace.map((s) => s.file)).toContain('.env.example');
    expect(report.summary.complete).toBe(true);
  });

  it('stay reported when no request is traced to them, and keep the scope list incomplete for a base URL', async () => {
    root = await makeTree({
      '.env.example': 'BC_API_BASE=https://store-abc123.mybigcommerce.com/api/v2\n',
      'src/orders.js': "exports.list = (base) => fetch(base + '/orders');\n",
    });
    const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['.env.example:1 legacy-api-url']);
    expect(report.summary.complete).toBe(false);
  });
});
