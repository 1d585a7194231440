// YAML files of several documents (Kubernetes, Helm) and Kubernetes Secrets' base64 `data`.
import { describe, expect, it } from 'vitest';
import { analyzeYamlOrJsonFile } from '../../../src/analyze/detectors/config-yaml.ts';
import { testConfig } from '../helpers.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const rows = (result: ReturnType<typeof analyzeYamlOrJsonFile>) => result.findings.map((f) => `${f.line} ${f.rule}`);

describe('YAML documents', () => {
  it('reads each document apart: a store URL in one and credentials in another are not one account', () => {
    const text = [
      'kind: ConfigMap',
      'data:',
      '  BIGCOMMERCE_STORE_URL: https://store-abc123.mybigcommerce.com',
      '---',
      'kind: ConfigMap',
      'data:',
      '  BIGCOMMERCE_USERNAME: admin',
      '  BIGCOMMERCE_API_KEY: 9f86d081884c7d659a2feaa0c55ad015',
    ].join('\n');
    const result = analyzeYamlOrJsonFile('k8s/config.yaml', text, testConfig);
    expect(rows(result)).not.toContain('3 legacy-credentials-config');
  });

  it('decodes a Secret\'s data, keeps the key in both forms as secrets, and leaves a value that is not base64 text as written', () => {
    const key = '9f86d081884c7d659a2feaa0c55ad015';
    const text = [
      'kind: Secret',
      'data:',
      `  BIGCOMMERCE_STORE_URL: ${b64('https://store-abc123.mybigcommerce.com')}`,
      `  BIGCOMMERCE_USERNAME: ${b64('admin')}`,
      `  BIGCOMMERCE_API_KEY: ${b64(key)}`,
      '  BIGCOMMERCE_NOTE: not base64!',
    ].join('\n');
    const result = analyzeYamlOrJsonFile('k8s/secret.yaml', text, testConfig);
    expect(rows(result)).toEqual(['3 legacy-credentials-config', '5 hardcoded-credential']);
    expect(result.secrets).toEqual(expect.arrayContaining([key, b64(key)]));
  });

  it('does not decode the data of a ConfigMap', () => {
    const text = `kind: ConfigMap\ndata:\n  BIGCOMMERCE_STORE_URL: ${b64('https://store-abc123.mybigcommerce.com')}\n  BIGCOMMERCE_API_KEY: ${b64('9f86d081884c7d659a2feaa0c55ad015')}\n`;
    expect(rows(analyzeYamlOrJsonFile('k8s/cm.yaml', text, testConfig))).not.toContain('3 legacy-credentials-config');
  });
});
