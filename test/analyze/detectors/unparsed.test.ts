// Files in languages the tool has no parser for (Java, Go, C#, PowerShell, Jenkinsfiles, templates,
// .properties...), read as plain text: a store host's /api/v2 URL there must not pass unseen.
import { describe, expect, it } from 'vitest';
import { analyzeUnparsedFile, unparsedComments } from '../../../src/analyze/detectors/unparsed.ts';
import { parseSuppressionComment } from '../../../src/analyze/suppressions.ts';
import { testConfig } from '../helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';
const rows = (result: ReturnType<typeof analyzeUnparsedFile>) =>
  result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.scope ?? '-'} ${f.confidence} ${f.fixable}`);

describe('legacy API URLs in files the tool does not parse', () => {
  it('reports a store URL written in code where it is written, with its resource and a write assumed', () => {
    const java = `class Orders {\n  static final String URL = "${STORE}/orders/%d.json";\n}\n`;
    expect(rows(analyzeUnparsedFile('src/Orders.java', java, testConfig))).toEqual(['2:30 legacy-api-call - /v2/orders/{id} store_v2_orders medium false']);
  });

  it('passes over the resource links of a saved V2 XML response, not a store URL in XML config', () => {
    const saved = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<customer>',
      '  <id>1</id>',
      `  <addresses><link rel="resource" href="${STORE}/customers/1/addresses.xml">/customers/1/addresses</link></addresses>`,
      '</customer>',
    ].join('\n');
    expect(rows(analyzeUnparsedFile('test/fixtures/customer.xml', saved, testConfig))).toEqual([]);
    const config = `<settings>\n  <endpoint>${STORE}/orders</endpoint>\n</settings>\n`;
    expect(rows(analyzeUnparsedFile('app.config.xml', config, testConfig))).toEqual(['2:13 legacy-api-call - /v2/orders store_v2_orders medium false']);
  });

  it('names the language in its note with the right article (a Java file, an R file, an Erlang file)', () => {
    const notes = ['x.java', 'x.r', 'x.erl', 'x.go'].map((file) => analyzeUnparsedFile(file, `"${STORE}/time"`, testConfig).findings[0].notes.find((n) => n.kind === 'not-rewritable')?.message.split(' file')[0]);
    expect(notes).toEqual(['A Java', 'An R', 'An Erlang', 'A Go']);
  });

  it('takes interpolations for holes: C#, Kotlin, PowerShell, Go and CoffeeScript forms', () => {
    const lines = [
      `var a = $"${STORE}/products/{id}";`,
      `val b = "${STORE}/customers/\${id}"`,
      `-Uri "${STORE}/brands/$BrandId"`,
      `url := fmt.Sprintf("${STORE}/coupons/%v", id)`,
      `request.get "${STORE}/orders/#{id}" # via request`,
    ];
    const endpoints = ['x.cs', 'x.kt', 'x.ps1', 'x.go', 'sync.coffee'].map((file, k) => analyzeUnparsedFile(file, lines[k], testConfig).findings.map((f) => f.endpoint));
    expect(endpoints).toEqual([['/v2/products/{id}'], ['/v2/customers/{id}'], ['/v2/brands/{id}'], ['/v2/coupons/{id}'], ['/v2/orders/{id}']]);
  });

  it('passes over comment lines, in each language\'s own comment syntax', () => {
    const cases: Array<[string, string]> = [
      ['a.java', `// was ${STORE}/orders\n/** see ${STORE}/orders */\n * ${STORE}/orders\n`],
      ['a.ps1', `# was ${STORE}/orders\n`],
      ['a.lua', `-- was ${STORE}/orders\n`],
      ['a.vb', `' was ${STORE}/orders\nREM was ${STORE}/orders\n`],
      ['a.html', `<!-- was ${STORE}/orders -->\n`],
      ['a.properties', `# was ${STORE}/orders\n! was ${STORE}/orders\n`],
    ];
    for (const [file, text] of cases) expect({ file, rows: rows(analyzeUnparsedFile(file, text, testConfig)) }).toEqual({ file, rows: [] });
  });

  it('leaves out a comment that ends a line, but not `//` or `#` inside a string', () => {
    const java = `private String storeUrl; // "${STORE}"\nString orders = "${STORE}/orders"; // was "${STORE}/brands"\n`;
    expect(rows(analyzeUnparsedFile('Connector.java', java, testConfig))).toEqual(['2:18 legacy-api-call - /v2/orders store_v2_orders medium false']);
    const ps = `$u = "${STORE}/brands#top" # ${STORE}/coupons\n`;
    expect(analyzeUnparsedFile('a.ps1', ps, testConfig).findings.map((f) => f.endpoint)).toEqual(['/v2/brands']);
    const vb = `Dim url = "${STORE}/orders" ' ${STORE}/customers\n`;
    expect(analyzeUnparsedFile('a.vb', vb, testConfig).findings.map((f) => f.endpoint)).toEqual(['/v2/orders']);
  });

  it('reads a quote that opens a line as code outside Visual Basic (a Groovy list item)', () => {
    expect(rows(analyzeUnparsedFile('Jenkinsfile', `def urls = [\n  '${STORE}/orders',\n]\n`, testConfig))).toEqual(['2:4 legacy-api-call - /v2/orders store_v2_orders medium false']);
  });

  it('reports a base URL with no endpoint, even beside a full URL, since it may serve other requests', () => {
    expect(rows(analyzeUnparsedFile('Api.java', `String base = "${STORE}/";\nString orders = "${STORE}/orders";\n`, testConfig))).toEqual([
      '1:16 legacy-api-call - - - medium false',
      '2:18 legacy-api-call - /v2/orders store_v2_orders medium false',
    ]);
  });

  it('makes one finding with no endpoint when a store host and /api/v2 are written apart', () => {
    const cs = 'const string Host = "https://store-abc123.mybigcommerce.com";\nconst string Api = "/api/v2";\n';
    const result = analyzeUnparsedFile('Catalog.cs', cs, testConfig);
    expect(rows(result)).toEqual(['1:30 legacy-api-call - - - low false']);
    expect(result.findings[0].host?.storeHash).toBe('abc123');
    expect(result.findings[0].message).toContain('C# file');
  });

  it('reads lines of any length in one pass: a hostile line of host-like labels, a comment line of spaces, unclosed link tags', () => {
    const labels = `${'a.'.repeat(200_000)}x = "/api/v2";\n`;
    expect(rows(analyzeUnparsedFile('a.cs', labels, testConfig))).toEqual([]);
    const dots = `${'.mybigcommerce.com'.repeat(50_000)}\nconst Api = "/api/v2";\n`;
    expect(rows(analyzeUnparsedFile('b.cs', dots, testConfig))).toEqual([]);
    const spaces = `# bc-oauth-migrate-ignore-file ${' '.repeat(200_000)}x\n`;
    expect(unparsedComments('c.ps1', spaces).map((c) => c.line)).toEqual([1]);
    const links = `${'<link '.repeat(100_000)}"${STORE}/orders"\n`;
    expect(rows(analyzeUnparsedFile('d.xml', links, testConfig))).toHaveLength(1);
  });

  it('reports nothing for the gateway, another service\'s /api/v2, a custom domain, or a store host without /api/v2', () => {
    const text = [
      '"https://api.bigcommerce.com/stores/abc123/v2/orders"',
      '"https://api.example.com/api/v2/orders"',
      '"https://shop.example.com/api/v2/orders"',
      '"https://store-abc123.mybigcommerce.com/cart.php"',
    ].join('\n');
    expect(rows(analyzeUnparsedFile('a.go', text, testConfig))).toEqual([]);
  });

  it('keeps URL passwords and Basic tokens written in a reporting file as secrets', () => {
    const text = `$h = @{ Authorization = "Basic c3RvY2s6M2I3ZTlhMWM1ZDJm" }\nInvoke-RestMethod "https://app:Xk4j5h6g7f8d@store-abc123.mybigcommerce.com/api/v2/orders" -Headers $h\n`;
    const result = analyzeUnparsedFile('a.ps1', text, testConfig);
    expect(result.findings).toHaveLength(1);
    expect(result.secrets.sort()).toEqual(['Xk4j5h6g7f8d', 'c3RvY2s6M2I3ZTlhMWM1ZDJm']);
  });

  it('shows string literals that look like keys on a reported line as …, the URL and short or spaced strings as written', () => {
    const go = `req, _ := http.NewRequest("GET", "${STORE}/orders", nil); req.SetBasicAuth("app", "d41d8cd98f00b204e980"); log("sending the request")\n`;
    expect(analyzeUnparsedFile('a.go', go, testConfig).findings[0].snippet).toBe(
      `req, _ := http.NewRequest("GET", "${STORE}/orders", nil); req.SetBasicAuth("app", "…"); log("sending the request")`,
    );
  });

  it('reads suppression directives from comment lines, closing delimiters left out of the reason', () => {
    const ps = `# bc-oauth-migrate-ignore-next-line -- probe, retired in 2027\nInvoke-RestMethod "${STORE}/time"\n`;
    const html = `<!-- bc-oauth-migrate-ignore-file: legacy admin page -->\n<script>fetch("${STORE}/time")</script>\n`;
    const parsed = [['ops/a.ps1', ps], ['admin.html', html]].flatMap(([file, text]) => unparsedComments(file, text).map((c) => parseSuppressionComment(c, file, text)));
    expect(parsed).toEqual([
      { file: 'ops/a.ps1', line: 1, kind: 'next-line', appliesToLine: 2, reason: 'probe, retired in 2027' },
      { file: 'admin.html', line: 1, kind: 'file', reason: 'legacy admin page' },
    ]);
  });
});
