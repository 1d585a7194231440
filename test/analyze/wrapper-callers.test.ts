// A wrapper's note that other files' calls are not followed stays only where another file names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { settleWrapperCallers } from '../../src/analyze/wrapper-callers.ts';
import { fileKindOf } from '../../src/discover/kinds.ts';
import type { DiscoveredFile } from '../../src/discover/types.ts';
import type { Finding } from '../../src/types.ts';
import { makeTree, removeTree } from '../discover/tree.ts';

let root: string;
beforeAll(async () => {
  root = await makeTree({
    'lib/bc.php': '<?php function bc_api($p) {}',
    'pages/order.php': '<?php echo BC_API("/orders/1");',
    'pages/home.php': '<?php echo "bc_api_version";',
    'sync.py': 'def bc_get(path): pass',
    'report.py': 'BC_GET = 1\n',
    'templates/show.html.erb': '<%= fetch_orders %>',
    'app.rb': 'def fetch_orders; end',
  });
});
afterAll(async () => removeTree(root));

const files = (): DiscoveredFile[] =>
  ['lib/bc.php', 'pages/order.php', 'pages/home.php', 'sync.py', 'report.py', 'templates/show.html.erb', 'app.rb'].map((path) => ({ path, absolutePath: join(root, path), size: -1, kind: fileKindOf(path)! }));

function wrapperFinding(file: string): Finding {
  return { file, line: 1, notes: [{ kind: 'untraced-requests', message: 'other files' }] } as unknown as Finding;
}

describe('settleWrapperCallers', () => {
  it('names the other files that name a PHP wrapper, ignoring case as PHP does, and not a longer word', () => {
    const finding = wrapperFinding('lib/bc.php');
    settleWrapperCallers([{ finding, name: 'bc_api', kind: 'php' }], files(), 1 << 20);
    expect(finding.notes).toEqual([{ kind: 'untraced-requests', message: expect.stringContaining('from other files (pages/order.php) are not followed in PHP') }]);
  });

  it('drops the note of a Python wrapper no other file names (names are case-sensitive there)', () => {
    const finding = wrapperFinding('sync.py');
    settleWrapperCallers([{ finding, name: 'bc_get', kind: 'python' }], files(), 1 << 20);
    expect(finding.notes).toEqual([]);
  });

  it('counts a template read as text as a caller of a Ruby helper', () => {
    const finding = wrapperFinding('app.rb');
    settleWrapperCallers([{ finding, name: 'fetch_orders', kind: 'ruby' }], files(), 1 << 20);
    expect(finding.notes[0].message).toContain('(templates/show.html.erb)');
  });
});
