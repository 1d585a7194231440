// Kubernetes manifests through the built CLI: a file of several documents (`---`), and a legacy API
// account kept base64-encoded in a Secret's `data` (fixtures/e2e/k8s).
import { describe, expect, it } from 'vitest';
import { cleanTempDirsAfterAll, copyFixture, findingRows, FORMATS, runCli, runJson } from './helpers.ts';

cleanTempDirsAfterAll();

const KEYS = ['7c0e9b5a3f1d4e2a8b6c9d0e1f2a3b4c', '5d41402abc4b2a76b9719d911017c592'];
const WRITTEN = KEYS.flatMap((key) => [key, Buffer.from(key).toString('base64')]);

describe('Kubernetes manifests', () => {
  it.each([false, true])('reads every document of a file and a Secret\'s base64 data, not a ConfigMap\'s (git work tree: %s)', async (git) => {
    const dir = await copyFixture('e2e/k8s', { git });
    const { report, code } = await runJson(['scan', '--no-cache'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.errors).toEqual([]);
    expect(findingRows(report)).toEqual([
      'deploy/order-sync.yaml:22 legacy-credentials-config - - -',
      'deploy/order-sync.yaml:24 hardcoded-credential - - -',
      // Found by the encoded store host alone: no name in the file says BigCommerce.
      'deploy/reporting-secret.yaml:8 legacy-credentials-config - - -',
      'deploy/reporting-secret.yaml:10 hardcoded-credential - - -',
    ]);
  });

  it('never prints the key, decoded or as written, in any format', async () => {
    const dir = await copyFixture('e2e/k8s', { git: true });
    for (const format of FORMATS) {
      const { stdout, stderr, code } = await runCli(['check', '--no-cache', '--format', format], { cwd: dir });
      expect({ format, code }).toEqual({ format, code: 1 });
      for (const written of WRITTEN) expect(stdout + stderr).not.toContain(written);
    }
  });
});
