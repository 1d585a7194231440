// Detection and rewriting share their matchers: on every fixture, the transform (parsing with
// jscodeshift's parser for the extension) sees exactly the findings `scan` reports, same ids.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import jscodeshift from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { analyzeJsSource } from '../../src/analyze/js-file.ts';
import { defaultConfig } from '../../src/config/defaults.ts';
import { rewriteText, settingsFromOptions } from '../../transforms/jscodeshift.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [path] : [];
  });
}

const files = [...jsFiles(join(FIXTURES, 'scan')), ...jsFiles(join(FIXTURES, 'example-app', 'src'))];

describe('the transform and the scanner agree on what is legacy', () => {
  it('covers the scan fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    const path = relative(FIXTURES, file).split('\\').join('/');
    it(`${path}: same findings, same ids`, () => {
      const text = readFileSync(file, 'utf8');
      const scanned = analyzeJsSource({ path, text }, { config: defaultConfig() }).findings;
      const seen = rewriteText(text, path, jscodeshift, settingsFromOptions({})).findings;
      const row = (f: { id: string; rule: string; line: number; fixable: boolean }) => `${f.id.split('~')[0]} ${f.rule} ${f.line} ${f.fixable}`;
      expect(seen.map(row)).toEqual(scanned.map(row));
    });
  }
});
