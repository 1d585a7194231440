// Commands that call the legacy API: in shell scripts, Makefiles and Dockerfiles, and in the commands
// a config file holds (a CI step's `run:`, a CI job's `script:` list, a package.json script).
import { describe, expect, it } from 'vitest';
import { analyzeYamlOrJsonFile } from '../../../src/analyze/detectors/config-yaml.ts';
import { analyzeShellFile } from '../../../src/analyze/detectors/shell.ts';
import { analyzeEnvFile } from '../../../src/analyze/detectors/config-env.ts';
import { analyzeKeyValueFile } from '../../../src/analyze/detectors/config-keyvalue.ts';
import { testConfig } from '../helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const rows = (result: ReturnType<typeof analyzeShellFile>) =>
  result.findings.map((f) => `${f.line} ${f.rule} ${f.client} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.scope ?? '-'} ${f.confidence}`);

describe('legacy calls in shell commands', () => {
  it('reads curl\'s method and basic auth, and keeps a written key as a secret', () => {
    const result = analyzeShellFile('scripts/sync.sh', `#!/bin/sh\ncurl -s -u app:9f8e7d6c5b4a39281706 -X POST ${STORE}/orders.json -d @order.json\n`, testConfig);
    expect(rows(result)).toEqual(['2 legacy-api-call curl POST /v2/orders store_v2_orders high']);
    expect(result.secrets).toEqual(['9f8e7d6c5b4a39281706']);
    expect(result.findings[0].fixable).toBe(false);
  });

  it('keeps every password a command writes as a secret, whatever the client\'s option', () => {
    const script = [
      `wget --http-user=app --http-password=Zq9v8w7x6y5 ${STORE}/orders`,
      `wget --user app --password 'Kp3m4n5b6v7c' ${STORE}/brands`,
      `http -a app:Hh8j7k6l5m4n GET ${STORE}/store`,
      `curl --user=app:Qw1e2r3t4y5u -H "Authorization: Basic YXBwOnNlY3JldDEyMw==" ${STORE}/coupons`,
      `curl -u "$U:$K" ${STORE}/customers`,
      `curl -H "Authorization: Basic $(printf 'app:Tz8x7c6v5b4n' | base64)" ${STORE}/products`,
      `curl -H "Authorization: Basic $(printf '$U:$K' | base64)" ${STORE}/brands`,
    ].join('\n');
    const result = analyzeShellFile('s.sh', script, testConfig);
    expect(result.findings).toHaveLength(7);
    expect(result.secrets.sort()).toEqual(['Hh8j7k6l5m4n', 'Kp3m4n5b6v7c', 'Qw1e2r3t4y5u', 'Tz8x7c6v5b4n', 'YXBwOnNlY3JldDEyMw==', 'Zq9v8w7x6y5']);
  });

  it('does not take another tool\'s `-a` (wget\'s log file) for HTTPie\'s auth', () => {
    expect(rows(analyzeShellFile('s.sh', 'wget -a sync.log https://shop.example.com/api/v2/orders\n', testConfig))).toEqual([]);
  });

  it('joins continued lines into one command, reported from its first line', () => {
    const script = `curl \\\n  --user "$BC_USER:$BC_KEY" \\\n  --request DELETE \\\n  "${STORE}/products/5"\n`;
    expect(rows(analyzeShellFile('deploy.sh', script, testConfig))).toEqual(['1 legacy-api-call curl DELETE /v2/products/{id} store_v2_products high']);
  });

  it('tells curl\'s and wget\'s methods from their options', () => {
    const script = [
      `curl -u "$U:$K" ${STORE}/brands`,
      `curl -u "$U:$K" -I ${STORE}/store`,
      `curl -u "$U:$K" --data-binary @x.json ${STORE}/coupons`,
      `wget --user "$U" --password "$K" ${STORE}/customers`,
      `wget --http-user="$U" --http-password="$K" --post-data "{}" ${STORE}/customers`,
    ].join('\n');
    expect(rows(analyzeShellFile('s.sh', script, testConfig))).toEqual([
      '1 legacy-api-call curl GET /v2/brands store_v2_products_read_only high',
      '2 legacy-api-call curl HEAD /v2/store store_v2_information_read_only high',
      '3 legacy-api-call curl POST /v2/coupons store_v2_marketing high',
      '4 legacy-api-call wget GET /v2/customers store_v2_customers_read_only high',
      '5 legacy-api-call wget POST /v2/customers store_v2_customers high',
    ]);
  });

  it('gives each command of a line its own options', () => {
    const line = `curl -u "$U:$K" -X DELETE ${STORE}/redirects/3 && curl -u "$U:$K" ${STORE}/redirects`;
    expect(rows(analyzeShellFile('s.sh', line, testConfig)).map((r) => r.split(' ').slice(2, 5).join(' '))).toEqual([
      'curl DELETE /v2/redirects/{id}',
      'curl GET /v2/redirects',
    ]);
  });

  it('reports a custom domain or a host in a variable only with basic auth and a V2 resource', () => {
    const script = [
      'curl -u "$U:$K" https://shop.example.com/api/v2/orders',
      'curl -u "$U:$K" "https://$BC_HOST/api/v2/orders"',
      'curl https://shop.example.com/api/v2/orders',
      'curl -u "$U:$K" https://crm.example.com/api/v2/contacts',
      `curl -H "X-Auth-Token: $TOKEN" https://api.bigcommerce.com/stores/abc123/v2/orders`,
      `# curl -u app:key ${STORE}/orders (the old way)`,
    ].join('\n');
    expect(rows(analyzeShellFile('s.sh', script, testConfig))).toEqual([
      '1 legacy-api-call curl GET /v2/orders store_v2_orders_read_only medium',
      '2 legacy-api-call curl GET /v2/orders store_v2_orders_read_only medium',
    ]);
  });

  it('reports a store host\'s URL whatever the command, with the method unknown', () => {
    expect(rows(analyzeShellFile('Makefile', `sync:\n\tnode sync.js ${STORE}/orders\n`, testConfig))).toEqual([
      '2 legacy-api-call unknown-client - /v2/orders store_v2_orders medium',
    ]);
  });
});

describe('legacy calls in the commands a config file holds', () => {
  it('reads a CI step\'s run block, on the line the command is on, and leaves prose alone', () => {
    const workflow = [
      'jobs:',
      '  sync:',
      '    steps:',
      '      - name: Pull orders',
      '        run: |',
      '          echo start',
      `          curl -u "$BC_USER:$BC_KEY" ${STORE}/orders`,
      `        env: { NOTE: "see ${STORE}/orders for the old way" }`,
    ].join('\n');
    expect(rows(analyzeYamlOrJsonFile('.github/workflows/sync.yml', `${workflow}\n`, testConfig))).toEqual([
      '7 legacy-api-call curl GET /v2/orders store_v2_orders_read_only high',
    ]);
  });

  it('reads a CI job\'s script list', () => {
    const job = `sync:\n  script:\n    - npm ci\n    - curl -u "$U:$K" -X PUT ${STORE}/products/7 -d @p.json\n`;
    expect(rows(analyzeYamlOrJsonFile('.gitlab-ci.yml', job, testConfig))).toEqual(['4 legacy-api-call curl PUT /v2/products/{id} store_v2_products high']);
  });

  it('reads package.json scripts', () => {
    const pkg = JSON.stringify({ name: 'x', scripts: { sync: `curl -u $U:$K ${STORE}/orders.json > orders.json` } }, null, 2);
    expect(rows(analyzeYamlOrJsonFile('package.json', pkg, testConfig))).toEqual(['4 legacy-api-call curl GET /v2/orders store_v2_orders_read_only high']);
  });

  describe('the command\'s region, in absolute columns of the file', () => {
    const span = (f: { line: number; column: number; endLine: number; endColumn: number }) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    const at = (text: string, part: string) => text.indexOf(part) + 1;

    it('covers a package.json script where it is written, each of two on one line', () => {
      const one = `curl -u u:$K ${STORE}/orders`;
      const two = `curl -X PUT -u u:$K ${STORE}/products/1`;
      const pkg = JSON.stringify({ name: 'x', scripts: { build: 'tsc', a: one, b: two } });
      const found = analyzeYamlOrJsonFile('package.json', pkg, testConfig).findings;
      expect(found.map(span)).toEqual([`1:${at(pkg, one)}-1:${at(pkg, one) + one.length}`, `1:${at(pkg, two)}-1:${at(pkg, two) + two.length}`]);
    });

    it('covers a workflow run: step and a run: | block where they are written', () => {
      const one = `curl -u ci:$K ${STORE}/orders`;
      const workflow = `steps:\n  - run: ${one}\n  - run: |\n      curl --user "ci:$K" \\\n        -X PUT ${STORE}/orders/1\n`;
      const found = analyzeYamlOrJsonFile('.github/workflows/ci.yml', workflow, testConfig).findings;
      const last = `        -X PUT ${STORE}/orders/1`;
      expect(found.map(span)).toEqual([`2:10-2:${10 + one.length}`, `4:7-5:${last.length + 1}`]);
    });

    it('covers a whole script value whose command is written with JSON escapes, never an inverted region', () => {
      const command = `curl -H "Authorization: Basic $T" ${STORE}/orders`;
      const pkg = JSON.stringify({ scripts: { sync: command } });
      const [finding] = analyzeYamlOrJsonFile('package.json', pkg, testConfig).findings;
      const written = JSON.stringify(command);
      expect(span(finding)).toBe(`1:${at(pkg, written)}-1:${at(pkg, written) + written.length}`);
    });

    it('covers a command in a .env or .toml value where it is written, after a CRLF line', () => {
      const command = `curl -u u:$K ${STORE}/orders`;
      const env = `A=1\r\nSYNC_CMD="${command}"\r\n`;
      const toml = `[jobs]\r\nsync = '${command}' # nightly\r\n`;
      expect(analyzeEnvFile('.env.example', env, testConfig).findings.filter((f) => f.rule === 'legacy-api-call').map(span)).toEqual([`2:11-2:${11 + command.length}`]);
      expect(analyzeKeyValueFile('ci.toml', toml, testConfig).findings.map(span)).toEqual([`2:9-2:${9 + command.length}`]);
    });

    it('covers a shell file\'s indented command from its first character to its last', () => {
      const [finding] = analyzeShellFile('Makefile', `sync:\n\tcurl -u m:$K ${STORE}/orders  \n`, testConfig).findings;
      expect(span(finding)).toBe(`2:2-2:${2 + `curl -u m:$K ${STORE}/orders`.length}`);
    });
  });
});

