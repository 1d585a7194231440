import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { testConfig } from './helpers.ts';

const KEY = 'd1e8a70b5ccab1dc2f56bbf7e99f064a660c08a3';

function analyze(operator: '||' | '??') {
  const text = `
const API_KEY = process.env.BC_API_KEY ${operator} '${KEY}';
export function getStore() {
  return fetch('https://store-abc123.mybigcommerce.com/api/v2/store', {
    headers: { Authorization: 'Basic ' + Buffer.from('admin:' + API_KEY).toString('base64') },
  });
}
`;
  return analyzeJsSource({ path: 'src/store.js', text }, { config: testConfig });
}

describe('a credential written as an env fallback', () => {
  it.each(['||', '??'] as const)('is reported as hard-coded with %s and collected for redaction', (operator) => {
    const result = analyze(operator);
    const credential = result.findings.find((f) => f.rule === 'hardcoded-credential');
    expect(credential?.line).toBe(2);
    expect(result.secrets).toContain(KEY);
    expect(JSON.stringify(result.findings)).not.toContain(KEY);
  });
});
