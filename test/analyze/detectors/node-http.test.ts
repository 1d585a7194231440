import { describe, expect, it } from 'vitest';
import { nodeHttpDetector } from '../../../src/analyze/detectors/node-http.ts';
import { babelAstFindings, brief, detectWith, expectNoSecretInFindings, fixtureScanner, scanText } from './helpers.ts';

const scanFixture = fixtureScanner('node-http');
const detect = (text: string) => detectWith(nodeHttpDetector, text);

describe('node-http detector', () => {
  it('reports every legacy call in the fixture with its method, endpoint and scope', () => {
    expect(scanFixture('webhook-seeder.js').findings.map(brief)).toEqual([
      ['legacy-api-call', 10, 'GET', '/v2/hooks', null, true],
      ['legacy-api-call', 22, 'POST', '/v2/hooks', null, true],
      ['legacy-api-call', 27, 'DELETE', '/v2/hooks/{id}', null, true],
      ['legacy-api-call', 31, 'GET', '/v2/time', 'store_v2_information_read_only', true],
      ['legacy-api-call', 35, 'GET', '/v2/countries', 'store_v2_information_read_only', true],
      ['hardcoded-credential', 35, null, null, null, true],
      ['legacy-api-call', 39, 'PUT', '/v2/hooks/{id}', null, true],
      ['legacy-api-call', 45, 'GET', '/v2/currencies', 'store_v2_information_read_only', true],
    ]);
  });

  it('flags nothing for other services, the gateway or storefront paths', () => {
    expect(scanFixture('negatives.js').findings).toEqual([]);
  });

  it("returns the key from auth: 'user:key' in secrets and in no finding field", () => {
    const result = scanFixture('webhook-seeder.js');
    expect(result.secrets).toContain('0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expectNoSecretInFindings(result);
  });

  it('joins protocol, hostname, port and path of the options into the URL', () => {
    const [match] = detect(
      "const http = require('http');\nhttp.request({ protocol: 'https:', hostname: 'store-abc123.mybigcommerce.com', port: 8443, path: '/api/v2/orders', auth: 'u:k' });",
    );
    expect(match.url?.value.map((p) => ('text' in p ? p.text : '?')).join('')).toBe('https://store-abc123.mybigcommerce.com:8443/api/v2/orders');
  });

  it('defaults the scheme to the module: http for http, https for https', () => {
    const matches = detect(
      "import http from 'node:http';\nimport https from 'node:https';\nhttp.get({ host: 'a.example', path: '/x' });\nhttps.get({ host: 'b.example', path: '/y' });",
    );
    expect(matches.map((m) => m.url?.value.map((p) => ('text' in p ? p.text : '?')).join(''))).toEqual(['http://a.example/x', 'https://b.example/y']);
  });

  it('lets the options path override the path of a URL argument, as Node merges them', () => {
    const [match] = detect("const https = require('https');\nhttps.request('https://store-abc123.mybigcommerce.com/api/v2/orders', { path: '/api/v2/customers' });");
    expect(match.url?.value.map((p) => ('text' in p ? p.text : '?')).join('')).toBe('https://store-abc123.mybigcommerce.com/api/v2/customers');
  });

  it("splits auth: 'user:key' into user and password, and finds req.setHeader('Authorization', …)", () => {
    const matches = detect(
      "const https = require('https');\nhttps.request({ hostname: H, path: '/api/v2/a', auth: U + ':' + K });\nconst req = https.request({ hostname: H, path: '/api/v2/b' });\nreq.setHeader('Authorization', 'Basic ' + Buffer.from(U + ':' + K).toString('base64'));",
    );
    expect(matches.map((m) => m.auth.map((a) => [a.kind, m.src(a.user), m.src(a.password)]))).toEqual([
      [['auth-option', 'U', 'K']],
      [['set-request-header', 'U', 'K']],
    ]);
  });

  it('reads the method option, and treats opaque options as an unknown method', () => {
    const matches = detect("const https = require('https');\nhttps.request({ hostname: H, path: '/a', method: 'DELETE' });\nhttps.request('https://h/api/v2/b', opts);");
    expect(matches.map((m) => [m.method, m.methodSource])).toEqual([['DELETE', 'option'], [null, 'option']]);
  });

  it('ignores a request function that does not come from http or https', () => {
    expect(detect("import { request } from 'undici';\nrequest({ hostname: 'store-abc123.mybigcommerce.com', path: '/api/v2/orders', auth: 'u:k' });")).toEqual([]);
  });

  it('finds the same calls on the estree-shaped AST of jscodeshift\'s babel parser', () => {
    expect(babelAstFindings('fixtures/scan/node-http/webhook-seeder.js')).toEqual(scanFixture('webhook-seeder.js').findings.map(brief));
  });

  it('reports a wrapper and each of its literal calls with their own method and endpoint', () => {
    const result = scanText(
      [
        "const https = require('https');",
        "const HOST = 'store-abc123.mybigcommerce.com';",
        'function bc(method, path, done) {',
        "  https.request({ hostname: HOST, path: '/api/v2' + path, method, auth: process.env.BC_USER + ':' + process.env.BC_KEY }, done).end();",
        '}',
        "bc('GET', '/orders/5.json', console.log);",
        "bc('DELETE', '/customers/9', console.log);",
      ].join('\n'),
    );
    expect(result.findings.map(brief)).toEqual([
      ['legacy-request-wrapper', 3, null, null, null, true],
      ['legacy-api-call', 6, 'GET', '/v2/orders/{id}', 'store_v2_orders_read_only', true],
      ['legacy-api-call', 7, 'DELETE', '/v2/customers/{id}', 'store_v2_customers', true],
    ]);
  });
});
