// Jupyter notebooks: only code cells are read, IPython syntax is set apart, and every line of code
// knows the notebook line and column it is written at.
import { describe, expect, it } from 'vitest';
import { NotebookError, notebookCode, notebookColumn, notebookLine } from '../../src/analyze/notebooks.ts';
import { analyzeNotebook } from '../../src/analyze/notebook-analysis.ts';
import { testConfig } from './helpers.ts';

const STORE = 'https://store-abc123.mybigcommerce.com/api/v2';

/** A notebook as Jupyter writes it: one-space indent, one string per line of each cell. */
function notebook(cells: Array<{ type?: string; source: string[]; outputs?: unknown[] }>, metadata: object = { kernelspec: { language: 'python' } }): string {
  const json = {
    cells: cells.map(({ type = 'code', source, outputs = [] }) => ({
      cell_type: type,
      metadata: {},
      ...(type === 'code' ? { outputs } : {}),
      source: source.map((line, k) => (k < source.length - 1 ? `${line}\n` : line)),
    })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

/** The notebook line holding this text. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('notebookCode', () => {
  it('reads code cells only, not markdown or outputs, each line at the notebook line it is written on', () => {
    const text = notebook([
      { type: 'markdown', source: [`Calls ${STORE}/orders`] },
      { source: ['import requests', "r = requests.get('x')"], outputs: [{ output_type: 'stream', text: [`${STORE}/orders/1/products`] }] },
    ]);
    const { code } = notebookCode(text);
    expect(code.text).toBe("import requests\nr = requests.get('x')\n\n");
    expect([1, 2].map((line) => notebookLine(code, line))).toEqual([lineOf(text, 'import requests'), lineOf(text, 'r = requests')]);
  });

  it('gives the notebook column of code, counting the escapes of its JSON string', () => {
    const text = notebook([{ source: ['x = "a" + "https://store"'] }]);
    const { code } = notebookCode(text);
    const line = text.split('\n')[lineOf(text, 'x = ') - 1];
    expect(notebookColumn(code, 1, code.text.indexOf('https') + 1)).toBe(line.indexOf('https') + 1);
  });

  it('sets IPython syntax apart: magics and help become pass, `!` lines and %%bash cells are shell', () => {
    const text = notebook([
      { source: ['%matplotlib inline', 'if True:', '    !curl -u a:$KEY https://x', 'files = !ls', 'requests?'] },
      { source: ['%%bash', 'curl https://y'] },
      { source: ['%%time', 'total = 1'] },
      { source: ['%%html', '<a href="https://z">z</a>'] },
    ]);
    const { code, shell, other } = notebookCode(text);
    expect(code.text).toBe('pass\nif True:\n    pass\nfiles = None\npass\n\npass\ntotal = 1\n\n');
    expect(shell.text).toBe('curl -u a:$KEY https://x\n\ncurl https://y\n\n');
    expect(other.text).toBe('<a href="https://z">z</a>\n\n');
    expect(notebookColumn(shell, 1, 1)).toBe(text.split('\n')[lineOf(text, '!curl') - 1].indexOf('curl') + 1);
  });

  it('leaves the code of other kernels as written, and names their language', () => {
    const text = notebook([{ source: ['x <- 5 %% 2', '!TRUE'] }], { kernelspec: { language: 'R' }, language_info: { name: 'R', file_extension: '.r' } });
    expect(notebookCode(text)).toMatchObject({ language: 'r', extension: '.r', code: { text: 'x <- 5 %% 2\n!TRUE\n\n' }, shell: { text: '' } });
  });

  it('reads nbformat 3 notebooks (worksheets, input) too', () => {
    const text = JSON.stringify({ worksheets: [{ cells: [{ cell_type: 'code', input: ['a = 1\n', 'b = 2'] }] }], metadata: {}, nbformat: 3 }, null, 1);
    expect(notebookCode(text).code.text).toBe('a = 1\nb = 2\n\n');
  });

  it('throws a NotebookError at the line and column of a JSON syntax error', () => {
    expect(() => notebookCode('{\n "cells": [\n  {,\n]}')).toThrow(NotebookError);
    expect(() => notebookCode('{\n "cells": [\n  {,\n]}')).toThrow(expect.objectContaining({ line: 3 }));
  });
});

describe('analyzeNotebook', () => {
  it('reports a Python cell\'s legacy call and key at their notebook lines, never as fixable, keys kept as secrets', async () => {
    const key = 'f3c9a1e07b5d42c8a6e1d0b9c7f2a4e5';
    const text = notebook([
      { source: ['import requests', `AUTH = ('reporting', '${key}')`] },
      { source: [`requests.get('${STORE}/orders', auth=AUTH)`] },
    ]);
    const result = await analyzeNotebook('report.ipynb', text, testConfig);
    expect(result.findings.map((f) => `${f.line} ${f.rule} ${f.method ?? '-'} ${f.endpoint ?? '-'} ${f.fixable}`)).toEqual([
      `${lineOf(text, 'AUTH =')} hardcoded-credential - - false`,
      `${lineOf(text, 'requests.get')} legacy-api-call GET /v2/orders false`,
    ]);
    expect(result.findings.every((f) => f.notes.some((n) => n.kind === 'not-rewritable'))).toBe(true);
    expect(result.secrets).toContain(key);
  });

  it('reports a syntax error in a cell at its notebook line', async () => {
    const text = notebook([{ source: ['a = 1'] }, { source: ['def broken(:'] }]);
    await expect(analyzeNotebook('bad.ipynb', text, testConfig)).rejects.toMatchObject({ line: lineOf(text, 'def broken') });
  });

  it('reads the cells of a kernel without a parser as plain text, comments in its syntax left out', async () => {
    const text = notebook([{ source: [`# ${STORE}/time`, `res <- GET("${STORE}/customers")`] }], { language_info: { name: 'R', file_extension: '.r' } });
    const result = await analyzeNotebook('r.ipynb', text, testConfig);
    expect(result.findings.map((f) => `${f.line} ${f.endpoint}`)).toEqual([`${lineOf(text, 'res <-')} /v2/customers`]);
  });
});
