// Vue, Svelte and Astro components: their code is parsed with the markup blanked, so findings point
// into the component as written.
import { describe, expect, it } from 'vitest';
import { componentCode } from '../../src/analyze/components.ts';
import { scanProject } from '../../src/analyze/index.ts';
import { makeTree, removeTree } from '../discover/tree.ts';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { parseJs } from '../../src/analyze/parse.ts';
import { testConfig } from './helpers.ts';

const URL = 'https://store-abc123.mybigcommerce.com/api/v2';

describe('componentCode', () => {
  it('keeps the code of every script block and blanks the rest, same length and line breaks', () => {
    const text = `<template>\r\n  <p>{{ a }}</p>\r\n</template>\r\n<script>\r\nexport default { data: () => ({ a: 1 }) };\r\n</script>\r\n<script setup lang="ts">\r\nconst b: number = 2;\r\n</script>\r\n`;
    const code = componentCode(text, 'A.vue');
    expect(code.text.length).toBe(text.length);
    expect(code.text.split('\r\n').length).toBe(text.split('\r\n').length);
    expect(code.text.replace(/\s+/g, ' ').trim()).toBe('export default { data: () => ({ a: 1 }) }; const b: number = 2;');
    expect(code.typescript).toBe(true);
  });

  it('reads a file of many unclosed script tags in one pass, finding no code in them', () => {
    const text = `<template></template>\n${'<script>x'.repeat(100_000)}\n`;
    expect(componentCode(text, 'A.vue').text.trim()).toBe('');
    expect(componentCode(`${'<script'.repeat(100_000)}\n`, 'B.vue').text.trim()).toBe('');
  });

  it('reads Astro\'s frontmatter as TypeScript, and leaves out script blocks that hold data', () => {
    const text = `---\nconst title: string = 'x';\n---\n<script type="application/ld+json">{"@type": "Product"}</script>\n<script type="module">console.log(1);</script>\n`;
    const code = componentCode(text, 'page.astro');
    expect(code.text.replace(/\s+/g, ' ').trim()).toBe("const title: string = 'x'; console.log(1);");
    expect(code.typescript).toBe(true);
    expect(componentCode('<script>\nlet a = 1;\n</script>\n', 'B.svelte').typescript).toBe(false);
  });
});

describe('legacy calls in components', () => {
  it('are found in the script block at their line and column in the file, and not in the markup', () => {
    const text = [
      '<template>',
      `  <a href="${URL}/orders">orders</a>`,
      '</template>',
      '<script setup lang="ts">',
      `const res = await fetch('${URL}/orders', { headers: { Authorization: 'Basic ' + btoa(user + ':' + key) } });`,
      '</script>',
      '',
    ].join('\n');
    const findings = analyzeJsSource({ path: 'src/Orders.vue', text }, { config: testConfig }).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.method} ${f.endpoint} ${f.fixable}`)).toEqual(['5:19 GET /v2/orders false']);
    expect(findings[0].notes.map((n) => n.kind)).toContain('browser-side');
  });

  it('in an Astro frontmatter run on the server, so they are rewritable', () => {
    const text = `---\nconst res = await fetch('${URL}/brands', { headers: { Authorization: 'Basic ' + btoa(user + ':' + key) } });\n---\n<p>{res.status}</p>\n`;
    const [finding] = analyzeJsSource({ path: 'src/pages/brands.astro', text }, { config: testConfig }).findings;
    expect([finding.line, finding.fixable]).toEqual([2, true]);
  });

  it('a component that does not parse is an error at its own line', () => {
    expect(() => parseJs('<template><p/></template>\n<script>\nconst = 1;\n</script>\n', 'C.vue')).toThrow(/\(3:/);
  });
});

describe('components and the cross-file pass', () => {
  it('a component calling a wrapper of another module gets the call\'s finding at its own line', async () => {
    const root = await makeTree({
      'src/api/bc.js': `export async function bcRequest(method, path) {\n  return fetch('${URL}' + path, { method, headers: { Authorization: 'Basic ' + btoa(user + ':' + key) } });\n}\n`,
      'src/components/Orders.vue': "<template><p>{{ n }}</p></template>\n<script setup>\nimport { bcRequest } from '../api/bc.js';\nconst n = await bcRequest('GET', '/orders/count');\n</script>\n",
    });
    try {
      const { report } = await scanProject({ root, paths: [], config: testConfig, useGit: false });
      expect(report.findings.filter((f) => f.rule === 'legacy-api-call').map((f) => `${f.file}:${f.line} ${f.method} ${f.endpoint}`)).toEqual(['src/components/Orders.vue:4 GET /v2/orders/count']);
    } finally {
      await removeTree(root);
    }
  });
});

