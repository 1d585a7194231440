// A Jenkins pipeline's `sh` steps are shell commands: curl's and wget's options give the method and
// the basic auth, and a key written there is a secret, as in a workflow's `run:`.
import { describe, expect, it } from 'vitest';
import { analyzeUnparsedFile } from '../../../src/analyze/detectors/unparsed.ts';
import { testConfig } from '../helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';

describe('Jenkins pipeline sh steps', () => {
  it('are read as commands in every quoting and call form, the other lines as text', () => {
    const text = [
      'pipeline { stages { stage("sync") { steps {',
      `  sh 'curl -s -u exporter:9c4d1e7f2a6b8c0d3e5f ${STORE}/customers.json > c.json'`,
      `  sh(script: "curl -X PUT -u $BC_USER:$BC_KEY ${STORE}/products/7 -d @p.json", returnStdout: true)`,
      "  sh label: 'pull', script: '''",
      `    wget --user app --password K9secretx7 ${STORE}/orders`,
      "  '''",
      `  echo 'see ${STORE}/brands'`,
      '} } } }',
      '',
    ].join('\n');
    const result = analyzeUnparsedFile('Jenkinsfile', text, testConfig);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.client} ${f.method} ${f.endpoint}`)).toEqual([
      '2:7 curl GET /v2/customers',
      '3:15 curl PUT /v2/products/{id}',
      '5:5 wget GET /v2/orders',
      '7:13 unknown-client null /v2/brands',
    ]);
    expect(result.secrets).toEqual(['9c4d1e7f2a6b8c0d3e5f', 'K9secretx7']);
  });

  it('leave a string that never closes to the text reading', () => {
    const result = analyzeUnparsedFile('vars/sync.groovy', `sh 'curl -u a:b ${STORE}/orders\n`, testConfig);
    expect(result.findings.map((f) => `${f.line} ${f.client}`)).toEqual(['1 unknown-client']);
  });
});
