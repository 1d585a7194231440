import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/analyze/languages/parser.ts';
import { rewriteLegacyLibraryConfig } from '../../src/rewrite/languages/index.ts';
import { kindOf, readFixture, testConfig } from './helpers.ts';

const PAIRS = ['php/legacy-config.php', 'php/old-client.php', 'python/legacy_client.py', 'ruby/legacy_configure.rb', 'ruby/old_api.rb'];

async function rewrite(relative: string, text = readFixture(relative), config = testConfig()) {
  return rewriteLegacyLibraryConfig({ path: relative, text, kind: kindOf(relative) }, { config });
}

describe('rewriteLegacyLibraryConfig', () => {
  for (const relative of PAIRS) {
    it(`rewrites ${relative} to its expected OAuth form, which parses`, async () => {
      const expected = readFixture(relative.replace(/\.(php|py|rb)$/, '.expected.$1'));
      const result = await rewrite(relative);
      expect(result?.after).toBe(expected);
      await expect(parseSource(kindOf(relative), result?.after ?? '')).resolves.toBeDefined();
    });
  }

  it('says which line it changed and where the store hash and token come from', async () => {
    const result = await rewrite('php/legacy-config.php');
    expect(result?.changes).toEqual([
      { line: 7, summary: 'PHP client configured for OAuth: store_hash abc123, auth_token from BC_ACCESS_TOKEN, client_id from BIGCOMMERCE_CLIENT_ID.' },
    ]);
  });

  for (const relative of ['php/oauth-config.php', 'php/dual-mode.php', 'php/curl-sync.php', 'python/dual_mode.py', 'python/raw_requests.py', 'ruby/dual_mode.rb', 'ruby/http_clients.rb']) {
    it(`leaves ${relative} alone (already OAuth, dual-mode or not a library configuration)`, async () => {
      expect(await rewrite(relative)).toBeNull();
    });
  }

  it("takes the store hash from the config's stores mapping for a custom domain", async () => {
    const text = "<?php\nBigcommerce_Api::configure(['store_url' => 'https://shop.example.com', 'username' => 'u', 'api_key' => getenv('K')]);\n";
    const result = await rewrite('php/custom.php', text, testConfig({ stores: { 'shop.example.com': 'xyz789' } }));
    expect(result?.after).toContain("'store_hash' => 'xyz789'");
  });

  it('uses the configured environment variable names', async () => {
    const result = await rewrite('ruby/old_api.rb', undefined, testConfig({ tokenEnv: 'MY_TOKEN', storeHashEnv: 'MY_HASH' }));
    expect(result?.after).toContain("store_hash: ENV.fetch('MY_HASH')");
    expect(result?.after).toContain("access_token: ENV.fetch('MY_TOKEN')");
  });

  it('keeps CRLF line ends in a Python file, on the import it adds too', async () => {
    const text = readFixture('python/legacy_client.py').replace(/\r?\n/g, '\r\n');
    const result = await rewrite('python/legacy_client.py', text);
    expect(result?.after).toContain('import os\r\n');
    expect(result?.after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('renames configureBasicAuth to configureOAuth', async () => {
    const text = "<?php\nBigcommerce::configureBasicAuth(['store_url' => 'https://store-q1w2e3.mybigcommerce.com', 'username' => 'u', 'api_key' => getenv('K')]);\n";
    const result = await rewrite('php/basic.php', text);
    expect(result?.after).toBe(
      "<?php\nBigcommerce::configureOAuth(['store_hash' => 'q1w2e3', 'client_id' => getenv('BIGCOMMERCE_CLIENT_ID'), 'auth_token' => getenv('BC_ACCESS_TOKEN')]);\n",
    );
  });

  it('removes auth: :legacy from Bigcommerce::Config.new with its comma', async () => {
    const text = "config = Bigcommerce::Config.new(auth: 'legacy', url: 'https://store-abc123.mybigcommerce.com/api/v2', username: 'u', api_key: ENV['K'])\n";
    const result = await rewrite('ruby/config_new.rb', text);
    expect(result?.after).toBe(
      "config = Bigcommerce::Config.new(store_hash: 'abc123', client_id: ENV.fetch('BIGCOMMERCE_CLIENT_ID'), access_token: ENV.fetch('BC_ACCESS_TOKEN'))\n",
    );
  });
});
