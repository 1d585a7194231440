// `.properties`, `.ini`, `.cfg`, `.conf` and `.toml` files are read as `key = value` config, grouped by
// section or by the dotted key's prefix, with the text reading for what their lines hold besides.
import { describe, expect, it } from 'vitest';
import { analyzeUnparsedFile } from '../../../src/analyze/detectors/unparsed.ts';
import { analyzeYamlOrJsonFile } from '../../../src/analyze/detectors/config-yaml.ts';
import { analyzeEnvFile } from '../../../src/analyze/detectors/config-env.ts';
import { testConfig } from '../helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const rows = (result: ReturnType<typeof analyzeUnparsedFile>) => result.findings.map((f) => `${f.line} ${f.rule} ${f.endpoint ?? '-'}`);

describe('key = value config files', () => {
  it('read a .properties account (store URL, user, key under one prefix) as legacy settings, the key a credential kept secret', () => {
    const text = `# shop\nshop.api.base-url=${STORE}\nshop.api.user=shopclient\nshop.api.key=9f8e7d6c5b4a39281706aa\nother.url=https://example.com\n`;
    const result = analyzeUnparsedFile('src/main/resources/application.properties', text, testConfig);
    expect(rows(result)).toEqual(['2 legacy-credentials-config -', '4 hardcoded-credential -']);
    expect(result.secrets).toEqual(['9f8e7d6c5b4a39281706aa']);
  });

  it('mark account settings fixable only in a .env template, the one config fix rewrites', () => {
    const env = `BC_STORE_URL=${STORE}\nBC_API_USER=app\nBC_API_KEY=9f8e7d6c5b4a39281706aa\n`;
    const fixable = (result: ReturnType<typeof analyzeUnparsedFile>) => result.findings.map((f) => `${f.rule} ${f.fixable}`);
    expect(fixable(analyzeEnvFile('.env.example', env, testConfig))).toEqual(['legacy-credentials-config true', 'hardcoded-credential true']);
    expect(fixable(analyzeEnvFile('.env', env, testConfig))).toEqual(['legacy-credentials-config false', 'hardcoded-credential false']);
    const yaml = `bigcommerce:\n  store_url: ${STORE}\n  username: app\n  api_key: 9f8e7d6c5b4a39281706aa\n`;
    expect(fixable(analyzeYamlOrJsonFile('config/bc.yml', yaml, testConfig))).toEqual(['legacy-credentials-config false', 'hardcoded-credential false']);
  });

  it('read a quoted .env value that has a comment after it', () => {
    const env = `BC_STORE_URL="${STORE}" # the store\nBC_API_USER='app' # who\nBC_API_KEY="9f8e7d6c5b4a39281706aa" # live\n`;
    const result = analyzeEnvFile('.env.example', env, testConfig);
    expect(result.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['1 legacy-credentials-config', '3 hardcoded-credential']);
    expect(result.secrets).toEqual(['9f8e7d6c5b4a39281706aa']);
  });

  it('show the lines as written in a finding\'s snippet, the key blanked in it', () => {
    const env = `BC_STORE_URL=${STORE}\nBC_API_USER=app\nexport BC_API_KEY="9f8e7d6c5b4a39281706aa"\n`;
    expect(analyzeEnvFile('.env.example', env, testConfig).findings.map((f) => f.snippet)).toEqual([`BC_STORE_URL=${STORE}`, 'export BC_API_KEY="9f8e…(redacted)"']);
  });

  it('show `key: value` for a line that holds more than the entry, since the rest may be a key no reader knew', () => {
    const yaml = `bigcommerce: { store_url: ${STORE}, username: app, api_key: 9f8e7d6c5b4a39281706aa, other: zz9PLANTEDkeyFLOW0000000000 }\n`;
    const snippets = analyzeYamlOrJsonFile('config/a.yml', yaml, testConfig).findings.map((f) => f.snippet).join('\n');
    expect(snippets).not.toContain('zz9PLANTED');
    expect(snippets).toContain(`bigcommerce.store_url: ${STORE}`);
    const env = `BC_STORE_URL=${STORE}\nBC_API_USER=app\nBC_API_KEY=9f8e7d6c5b4a39281706aa # was zz9PLANTEDkeyOLD000000000\n`;
    expect(analyzeEnvFile('.env.example', env, testConfig).findings.map((f) => f.snippet).join('\n')).not.toContain('zz9PLANTED');
  });

  it('show `key: value` for a line that does not show the entry plainly: minified JSON, a Secret\'s base64 value', () => {
    const json = JSON.stringify({ bigcommerce: { store_url: STORE, username: 'app', api_key: '9f8e7d6c5b4a39281706aa' }, padding: 'x'.repeat(300) });
    expect(analyzeYamlOrJsonFile('config/bc.json', json, testConfig).findings.map((f) => f.snippet)).toEqual([`bigcommerce.store_url: ${STORE}`, 'bigcommerce.api_key: 9f8e…(redacted)']);
    const encoded = (value: string) => Buffer.from(value).toString('base64');
    const secret = `apiVersion: v1\nkind: Secret\ndata:\n  BC_STORE_URL: ${encoded(STORE)}\n  BC_API_USER: ${encoded('app')}\n  BC_API_KEY: ${encoded('9f8e7d6c5b4a39281706aa')}\n`;
    const snippets = analyzeYamlOrJsonFile('k8s/secret.yml', secret, testConfig).findings.map((f) => f.snippet);
    expect(snippets).toEqual([`data.BC_STORE_URL: ${STORE}`, 'data.BC_API_KEY: 9f8e…(redacted)']);
  });

  it('group INI and TOML entries by section, and read a quoted value before its comment', () => {
    const ini = `[bigcommerce]\nstore_url = https://shop.example.com/api/v2\nusername = app\napi_key = "5e1f0c9a7b3d2e4f6a8c" ; live\n[other]\nusername = x\n`;
    expect(rows(analyzeUnparsedFile('sync.ini', ini, testConfig))).toEqual(['2 legacy-credentials-config -', '4 hardcoded-credential -']);
    const toml = `[bigcommerce]\nendpoints = "${STORE}/orders" # legacy\n`;
    expect(rows(analyzeUnparsedFile('config.toml', toml, testConfig))).toEqual(['2 legacy-api-url /v2/orders']);
  });

  it('keep reporting a legacy user and key left beside the OAuth gateway\'s URL, and not an OAuth token there', () => {
    const json = JSON.stringify({ bigcommerce: { storeUrl: 'https://api.bigcommerce.com/stores/abc123/v2', username: 'acme', apiKey: 'aaaabbbbccccddddeeee0000' } }, null, 2);
    const result = analyzeYamlOrJsonFile('config/bc.json', json, testConfig);
    expect(rows(result)).toEqual(['5 hardcoded-credential -']);
    expect(result.secrets).toEqual(['aaaabbbbccccddddeeee0000']);
    const oauth = JSON.stringify({ bigcommerce: { storeUrl: 'https://api.bigcommerce.com/stores/abc123/v2', clientId: 'x', accessToken: 'tok' } });
    expect(analyzeYamlOrJsonFile('config/bc.json', oauth, testConfig).findings).toEqual([]);
  });

  it('read a TOML inline table as a group of its own', () => {
    const toml = `[bigcommerce]\nstore = { url = "https://store-abc123.mybigcommerce.com", user = "u", key = "5e1f0c9a7b3d2e4f6a8c" }\nname = "x, y"\n`;
    const result = analyzeUnparsedFile('config.toml', toml, testConfig);
    expect(rows(result)).toEqual(['2 legacy-credentials-config -', '2 hardcoded-credential -']);
    expect(result.secrets).toEqual(['5e1f0c9a7b3d2e4f6a8c']);
    expect(result.findings.map((f) => f.client)).toEqual(['toml', 'toml']);
  });

  it('still read lines that are not key = value as text (a .conf proxy), once per line', () => {
    const conf = `location /bc/ {\n  proxy_pass ${STORE}/;\n}\nbc.url = ${STORE}/orders\n`;
    expect(rows(analyzeUnparsedFile('nginx.conf', conf, testConfig))).toEqual(['4 legacy-api-url /v2/orders', '2 legacy-api-call -']);
  });

  it('take a credential spelled across the last two keys (`api.key`) in YAML too', () => {
    const yaml = `bigcommerce:\n  api:\n    url: ${STORE}\n    user: app\n    key: 0a1b2c3d4e5f60718293\n`;
    const result = analyzeYamlOrJsonFile('config/bc.yml', yaml, testConfig);
    expect(result.findings.map((f) => f.rule)).toEqual(['legacy-credentials-config', 'hardcoded-credential']);
    expect(result.secrets).toEqual(['0a1b2c3d4e5f60718293']);
  });

  it('read lines of any length in one pass, .env files too (a hostile run of spaces in a section or a value)', () => {
    const spaces = ' '.repeat(200_000);
    expect(rows(analyzeUnparsedFile('a.ini', `[${spaces}x\nurl = ${STORE}/orders\n`, testConfig))).toEqual(['2 legacy-api-url /v2/orders']);
    const env = analyzeEnvFile('.env.example', `A=x${spaces}y\nBC_API_URL=${STORE}/orders\n`, testConfig);
    expect(env.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['2 legacy-api-url']);
  });
});
