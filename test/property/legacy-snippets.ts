// fast-check arbitraries for JavaScript/TypeScript files built from the legacy call styles: clients,
// URL shapes, hosts, basic-auth forms, with random whitespace, comments and credentials.
import fc from 'fast-check';

export interface LegacySnippet {
  /** The file's text. */
  code: string;
  /** `.js`, `.ts`, ... */
  path: string;
  /** Every credential written into the code: none may appear in any output. */
  secrets: string[];
  /** True when the call goes to a `store-{hash}` host, which is legacy whatever the path. */
  storeHost: boolean;
}

/** Realistic credentials: legacy API keys are 40 hex digits; passwords are at least 12 characters. */
const credential = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{40}$/),
  fc.stringMatching(/^[A-Za-z0-9]{12,32}$/),
  fc.stringMatching(/^[A-Za-z0-9]{8}[!#%&*+\-.=?@^_~]{1,3}[A-Za-z0-9]{4,8}$/),
);
const username = fc.stringMatching(/^[a-z][a-z0-9-]{2,11}$/);
const storeHash = fc.stringMatching(/^[a-z0-9]{6,10}$/);
const identifier = fc.constantFrom('API_KEY', 'apiKey', 'bcKey', 'legacyPassword', 'k', 'credential', 'cfg', 'LEGACY_TOKEN');

const host = fc.oneof(
  storeHash.map((h) => `store-${h}.mybigcommerce.com`),
  fc.tuple(storeHash, fc.integer({ min: 1, max: 99999 })).map(([h, c]) => `store-${h}-${c}.mybigcommerce.com`),
  fc.constantFrom('shop.acme-outfitters.example', 'www.example-store.com', 'acme.mybigcommerce.com'),
);

const resource = fc.constantFrom(
  'orders', 'orders/5', 'orders/1024/products', 'orders/7/shipments', 'products', 'products/12/images', 'customers',
  'customers/3/addresses', 'optionsets', 'shippingaddresses', 'orderstatuses', 'store', 'coupons', 'brands',
  'categories', 'hooks', 'time', 'frobnicators/7', '',
);
const suffix = fc.constantFrom('', '.json', '.xml', '/', '?limit=50', '.json?page=2&limit=250');
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'get', 'patch');

/** Whitespace and comments that may sit between tokens, including ones mentioning BigCommerce. */
const gap = fc.constantFrom(' ', '  ', '\n', '\n  ', '\t', ' /* c */ ', '\n// https://store-x.mybigcommerce.com/api/v2/\n', ' /* Basic dGVzdA== */ ');
const lineComment = fc.constantFrom('', '// legacy store client\n', '/* eslint-disable */\n', '// TODO: move to OAuth\n');

type AuthStyle = 'buffer' | 'btoa' | 'template' | 'preEncoded' | 'option' | 'userinfo';
type UrlStyle = 'literal' | 'template' | 'concat' | 'constant' | 'object';
type Client = 'fetch' | 'axios' | 'axios.get' | 'axios.request' | 'got' | 'superagent' | 'request' | 'https';

export const legacySnippet: fc.Arbitrary<LegacySnippet> = fc
  .record({
    host,
    resource,
    suffix,
    method,
    user: username,
    secret: credential,
    keyName: identifier,
    auth: fc.constantFrom<AuthStyle>('buffer', 'btoa', 'template', 'preEncoded', 'option', 'userinfo'),
    url: fc.constantFrom<UrlStyle>('literal', 'template', 'concat', 'constant', 'object'),
    client: fc.constantFrom<Client>('fetch', 'axios', 'axios.get', 'axios.request', 'got', 'superagent', 'request', 'https'),
    gaps: fc.array(gap, { minLength: 6, maxLength: 6 }),
    comment: lineComment,
    ext: fc.constantFrom('.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx', '.mts'),
    quote: fc.constantFrom("'", '"'),
  })
  .map((p) => {
    const q = p.quote;
    const [g0, g1, g2, g3, g4, g5] = p.gaps;
    const path = `/api/v2/${p.resource}${p.suffix}`;
    // A password in URL userinfo is written percent-encoded, as a URL needs it.
    const encoded = encodeURIComponent(p.secret);
    const userinfo = p.auth === 'userinfo' ? `${p.user}:${encoded}@` : '';
    const origin = `https://${userinfo}${p.host}`;
    const secrets = encoded === p.secret ? [p.secret] : [p.secret, encoded];
    const lines: string[] = [p.comment];

    // The credential, held the way the style needs it.
    lines.push(`const ${p.keyName} =${g0}${q}${p.secret}${q};`);
    let header = '';
    if (p.auth === 'buffer') header = `'Basic ' +${g1}Buffer.from(${q}${p.user}:${q} + ${p.keyName}).toString('base64')`;
    if (p.auth === 'btoa') header = `"Basic " + btoa(${q}${p.user}${q} +${g1}":" + ${p.keyName})`;
    if (p.auth === 'template') header = '`Basic ${Buffer.from(`' + p.user + ':${' + p.keyName + '}`).toString("base64")}`';
    if (p.auth === 'preEncoded') {
      const token = Buffer.from(`${p.user}:${p.secret}`).toString('base64');
      secrets.push(token);
      header = `${q}Basic ${token}${q}`;
    }

    // The URL.
    let urlExpr: string;
    if (p.url === 'literal') urlExpr = `${q}${origin}${path}${q}`;
    else if (p.url === 'template') {
      lines.push(`const HOST = ${q}${p.host}${q};`);
      urlExpr = '`https://' + userinfo + '${HOST}' + path + '`';
    } else if (p.url === 'concat') urlExpr = `${q}${origin}${q} +${g2}${q}${path}${q}`;
    else if (p.url === 'constant') {
      lines.push(`const BASE_URL = ${q}${origin}/api/v2${q};`);
      urlExpr = `BASE_URL + ${q}/${p.resource}${p.suffix}${q}`;
    } else {
      lines.push(`const settings = { store: { url: ${q}${origin}/api/v2${q} } };`);
      urlExpr = `\`\${settings.store.url}/${p.resource}${p.suffix}\``;
    }

    const headers = header ? `{ Authorization:${g3}${header} }` : '{}';
    const authOption = p.auth === 'option' ? `auth: { username: ${q}${p.user}${q}, password: ${p.keyName} },` : '';
    const m = p.method;
    let callText: string;
    switch (p.client) {
      case 'fetch':
        callText = `fetch(${urlExpr}, {${g4}method: ${q}${m}${q}, headers: ${headers} })`;
        break;
      case 'axios':
        callText = `axios({ url: ${urlExpr},${g4}method: ${q}${m}${q}, headers: ${headers}, ${authOption} })`;
        break;
      case 'axios.get':
        callText = `axios.get(${urlExpr}, { headers: ${headers},${g4}${authOption} })`;
        break;
      case 'axios.request':
        callText = `axios.request({ url: ${urlExpr}, method: ${q}${m}${q}, headers: ${headers}, ${authOption} })`;
        break;
      case 'got':
        callText = `got(${urlExpr}, { method: ${q}${m.toUpperCase()}${q}, headers: ${headers},${g4}${p.auth === 'option' ? `username: ${q}${p.user}${q}, password: ${p.keyName}` : ''} })`;
        break;
      case 'superagent':
        callText = `superagent.get(${urlExpr})${g4}${p.auth === 'option' ? `.auth(${q}${p.user}${q}, ${p.keyName})` : `.set('Authorization', ${header || "''"})`}`;
        break;
      case 'request':
        callText = `request({ uri: ${urlExpr}, method: ${q}${m}${q}, headers: ${headers}, ${p.auth === 'option' ? `auth: { user: ${q}${p.user}${q}, pass: ${p.keyName} }` : ''} })`;
        break;
      case 'https':
        callText = `https.request({ hostname: ${q}${p.host}${q}, path: ${q}${path}${q}, method: ${q}${m}${q},${g4}headers: ${headers}, ${p.auth === 'option' ? `auth: ${q}${p.user}:${q} + ${p.keyName}` : ''} })`;
        break;
    }
    lines.push(`export async function run() {${g5}return ${callText};\n}`);
    const imports =
      p.client.startsWith('axios') ? "import axios from 'axios';\n"
      : p.client === 'got' ? "import got from 'got';\n"
      : p.client === 'superagent' ? "import superagent from 'superagent';\n"
      : p.client === 'request' ? "const request = require('request');\n"
      : p.client === 'https' ? "import https from 'node:https';\n"
      : '';
    const storeHost = /^store-[a-z0-9]+(-\d+)?\.mybigcommerce\.com$/.test(p.host);
    return { code: imports + lines.join('\n') + '\n', path: `src/client${p.ext}`, secrets, storeHost };
  });

/** A legacy snippet, sometimes damaged: a character deleted, or junk inserted, at a random place. */
export const maybeBrokenSnippet: fc.Arbitrary<LegacySnippet> = fc
  .tuple(legacySnippet, fc.nat(), fc.constantFrom('none', 'delete', 'insert'), fc.constantFrom('{', ')', '`', "'", '/*', '@', '\u0000', '\uFEFF', '\r'))
  .map(([snippet, at, damage, junk]) => {
    if (damage === 'none') return snippet;
    const i = at % Math.max(snippet.code.length, 1);
    const code = damage === 'delete' ? snippet.code.slice(0, i) + snippet.code.slice(i + 1) : snippet.code.slice(0, i) + junk + snippet.code.slice(i);
    return { ...snippet, code };
  });
