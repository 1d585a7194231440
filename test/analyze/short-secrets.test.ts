import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { redactText } from '../../src/redact.ts';
import { testConfig } from './helpers.ts';

const SOURCE = `const axios = require('axios');
const api = axios.create({ baseURL: 'https://store-abc123.mybigcommerce.com/api/v2', auth: { username: process.env.BC_USER, password: 'X' }, headers: { 'X-Request-Id': 'r' } });
module.exports = () => api.get('/orders');
`;

describe('values too short to be credentials', () => {
  it('does not collect a one-character password as a hard-coded secret', () => {
    const result = analyzeJsSource({ path: 'src/api.js', text: SOURCE }, { config: testConfig });
    expect(result.secrets).toEqual([]);
    expect(result.findings.map((f) => f.rule)).not.toContain('hardcoded-credential');
    expect(result.findings.find((f) => f.rule === 'legacy-client-config')?.snippet).toContain("'X-Request-Id'");
  });

  it('leaves text alone when a known secret is only one or two characters long', () => {
    expect(redactText("headers: { 'X-Auth-Token': t, ab: 1 }", { values: new Set(['X', 'ab']) })).toBe("headers: { 'X-Auth-Token': t, ab: 1 }");
  });
});
