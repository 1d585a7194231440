import { afterEach, describe, expect, it, vi } from 'vitest';

// Force colour support before ink (and chalk) load, so the colour-off case is a real test.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup, render } from 'ink-testing-library';
import { ReviewApp } from '../../src/review/App.tsx';
import { makeItem, sampleItems, tick } from './fixtures.ts';

const ANSI = /\u001B\[/;

afterEach(() => cleanup());

async function itemScreen(color: boolean): Promise<string> {
  const app = render(
    <ReviewApp items={sampleItems()} envVars={[]} onFinish={vi.fn()} onCancel={vi.fn()} color={color} columns={80} />,
  );
  await tick();
  app.stdin.write('\r');
  await tick();
  return app.lastFrame() ?? '';
}

describe('colour', () => {
  it('colours the diff when colour is on: + green, - red, @@ cyan', async () => {
    const screen = await itemScreen(true);
    expect(screen).toContain('\u001B[32m+fetch');
    expect(screen).toContain('\u001B[31m-fetch');
    expect(screen).toContain('\u001B[36m@@ -1,1 +1,1 @@');
  });

  it('writes no ANSI escape at all when colour is off (NO_COLOR)', async () => {
    const screen = await itemScreen(false);
    expect(screen).toContain('+fetch');
    expect(screen).not.toMatch(ANSI);
  });

  it('shows control characters from the scanned code escaped, never sending them to the terminal', async () => {
    const item = { ...makeItem('e1', 'src/new\nline.js', 3), codeFrame: "> 3 | const x = '\u001b]0;pwn\u0007';" };
    const app = render(<ReviewApp items={[item]} envVars={[]} onFinish={vi.fn()} onCancel={vi.fn()} color={false} columns={120} />);
    await tick();
    app.stdin.write('\r');
    await tick();
    const screen = app.lastFrame() ?? '';
    expect(screen).toContain('src/new\\nline.js:3');
    expect(screen).toContain("const x = '\\x1b]0;pwn\\x07'");
    expect(screen).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/u);
  });
});
