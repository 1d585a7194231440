import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { judgeUrl } from '../../src/analyze/languages/evidence.ts';
import type { Config } from '../../src/types.ts';
import { testConfig } from './helpers.ts';

const HELPDESK = `const axios = require('axios');
const fd = axios.create({ baseURL: 'https://HOST/api/v2', auth: { username: process.env.DESK_KEY, password: 'X' } });
async function sync() {
  const products = await fd.get('/products');
  const brands = await axios.get('https://acme.zendesk.com/api/v2/brands.json', { auth: { username: 'me@acme.com/token', password: process.env.ZD } });
  return [products, brands];
}
module.exports = sync;
`;

function scan(text: string, config: Config = testConfig) {
  return analyzeJsSource({ path: 'src/helpdesk.js', text }, { config }).findings;
}

describe('custom domains and other services under /api/v2', () => {
  it('does not report /api/v2 calls to tenants of Zendesk, Freshdesk and other services with an /api/v2 of their own', () => {
    expect(scan(HELPDESK.replace('HOST', 'acme.freshdesk.com'))).toEqual([]);
    expect(scan(HELPDESK.replace('HOST', 'it.freshservice.com').replace(/acme\.zendesk\.com/, 'acme.statuspage.io'))).toEqual([]);
  });

  it('reports a custom domain that nothing names as a store at low confidence, not fixable, with a note saying so', () => {
    const findings = scan(HELPDESK.replace('HOST', 'support.acme-tools.io'));
    const legacy = findings.filter((f) => f.rule !== 'hardcoded-credential');
    expect(legacy.map((f) => [f.rule, f.line])).toEqual([['legacy-client-config', 2], ['legacy-api-call', 4]]);
    for (const f of legacy) {
      expect(f).toMatchObject({ confidence: 'low', fixable: false });
      expect(f.notes.find((n) => n.kind === 'not-rewritable')?.message).toMatch(/Nothing in this file or the config says support\.acme-tools\.io is a BigCommerce store/);
    }
  });

  it('takes a stores mapping for the domain as evidence: high confidence and fixable', () => {
    const config = { ...testConfig, stores: { 'support.acme-tools.io': 'abc123' } };
    const call = scan(HELPDESK.replace('HOST', 'support.acme-tools.io'), config).find((f) => f.rule === 'legacy-api-call');
    expect(call).toMatchObject({ confidence: 'high', fixable: true, host: { storeHash: 'abc123' } });
  });

  it('takes a file that names BigCommerce as evidence for a custom domain', () => {
    const call = scan(HELPDESK.replace('HOST', 'shop.example.com').replace('DESK_KEY', 'BC_API_USER')).find((f) => f.rule === 'legacy-api-call');
    expect(call).toMatchObject({ confidence: 'high', fixable: true });
  });

  it('does not take an /api/v2 URL of another service for a store in other languages, commands and config', () => {
    expect(judgeUrl([{ text: 'https://acme.zendesk.com/api/v2/brands.json' }], testConfig).legacy).toBe(false);
    expect(judgeUrl([{ text: 'https://shop.example.com/api/v2/brands.json' }], testConfig).legacy).toBe(true);
  });
});
