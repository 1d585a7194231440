import { describe, expect, it } from 'vitest';
import { mightBeLegacy, needlesFor } from '../../src/discover/prefilter.ts';
import type { FileKind } from '../../src/discover/types.ts';

const passes = (kind: FileKind, text: string) => mightBeLegacy(Buffer.from(text), kind);

describe('mightBeLegacy keeps every file a full analysis could flag', () => {
  it.each([
    ['a store host', "fetch('https://store-abc123.mybigcommerce.com/api/v2/orders.json', { headers })"],
    ['a store host held apart from the path', "const HOST = 'store-abc123.mybigcommerce.com';\nconst p = '/api/' + 'v2/orders';"],
    ['a store host in another casing', "axios.get('https://Store-ABC.MyBigCommerce.com' + path, { auth })"],
    ['a custom domain with /api/v2', "got('https://shop.example.com/api/v2/products', { username, password })"],
    ['a URL in userinfo form', "request('https://user:key@store-x.mybigcommerce.com/api/v2/customers')"],
    ['a JSON-escaped path in a string', 'const url = "https:\\/\\/shop.example.com\\/api\\/v2\\/orders";'],
  ])('JS: %s', (_, text) => {
    expect(passes('js', text)).toBe(true);
  });

  it.each<[FileKind, string]>([
    ['env', 'BIGCOMMERCE_STORE_URL=https://shop.example.com\nBIGCOMMERCE_USERNAME=admin\nBIGCOMMERCE_API_KEY=abc\n'],
    ['env', 'STORE_URL=https://store-abc.mybigcommerce.com\nAPI_USER=a\nAPI_KEY=b\n'],
    ['yaml', 'bigCommerce:\n  url: https://shop.example.com\n  username: a\n  apiKey: b\n'],
    ['json', '{ "api": "https:\\/\\/shop.example.com\\/api\\/v2\\/", "user": "a", "key": "b" }'],
    ['php', "<?php Bigcommerce::configure(['store_url' => $url, 'username' => $u, 'api_key' => $k]);"],
    ['php', "<?php Bigcommerce_Api::configure($settings);"],
    ['python', "api = BigcommerceApi(host=os.environ['HOST'], basic_auth=(user, key))"],
    ['ruby', "Bigcommerce.configure do |c|\n  c.auth = 'legacy'\n  c.url = ENV['URL']\nend"],
    ['ruby', "Bigcommerce::Api.new(store_url: url, username: u, api_key: k)"],
  ])('%s: %s', (kind, text) => {
    expect(passes(kind, text)).toBe(true);
  });
});

describe('mightBeLegacy reads a store host inside base64 (a Kubernetes Secret\'s data)', () => {
  it('at every alignment base64 can give it', () => {
    const encoded = ['', 'x', 'xy', 'xyz', 'wxyz'].map((prefix) => Buffer.from(`${prefix}https://store-abc123.mybigcommerce.com/`).toString('base64'));
    expect(encoded.map((value) => passes('yaml', `kind: Secret\ndata:\n  BC_URL: ${value}\n`))).toEqual([true, true, true, true, true]);
  });
});

describe('mightBeLegacy drops files with no legacy evidence', () => {
  it.each([
    ['the OAuth gateway', "fetch(`https://api.bigcommerce.com/stores/${hash}/v2/orders`, { headers: { 'X-Auth-Token': t } })"],
    ['basic auth to another service', "axios.get('https://api.stripe.com/v1/charges', { auth: { username: key } })"],
    ['"Basic" in prose', '// Basic usage: call the client with your options'],
    ['a BigCommerce mention in JS', "import BigCommerce from 'node-bigcommerce'; // OAuth only"],
  ])('JS: %s', (_, text) => {
    expect(passes('js', text)).toBe(false);
  });

  it('config: BC_USERNAME alone (BC is also Business Central)', () => {
    expect(passes('env', 'BC_USERNAME=admin\nBC_PASSWORD=x\nBC_URL=https://bc.example.com\n')).toBe(false);
  });
});

describe('the exported needles', () => {
  it('are what mightBeLegacy searches for, per kind', () => {
    for (const kind of ['js', 'env', 'yaml', 'json', 'php', 'python', 'ruby'] as const) {
      for (const needle of needlesFor(kind)) expect(passes(kind, `xx ${needle} xx`)).toBe(true);
    }
  });
});
