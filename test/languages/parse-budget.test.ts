// A parse that runs past its time budget stops and says so: the file is listed as not analyzed
// rather than holding the scan for minutes (tree-sitter's recovery on some hostile lines).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/analyze/languages/parser.ts';

describe('the tree-sitter parse budget', () => {
  it('stops a parse that runs past it, with an error that says so', async () => {
    const text = `${'a: '.repeat(20_000)}\n`;
    await expect(parseSource('ruby', text, 1)).rejects.toThrow(/Ruby parsing took longer than 0\.001 s, so the file was not analyzed/);
  });

  it('leaves a parse within it alone', async () => {
    const tree = await parseSource('ruby', 'puts 1\n', 10_000);
    expect(tree.rootNode.type).toBe('program');
    tree.delete();
  });
});
