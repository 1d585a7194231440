#!/usr/bin/env node
// Runs the analyze stage in one process, with or without the cross-file pass, and prints the number
// of findings: the benchmark's way to measure what the pass adds (whole process, like the CLI).
// Usage: node bench/scan-driver.js ROOT [--no-project-pass]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [root, flag] = process.argv.slice(2);
const [{ scanProject }, { defaultConfig }] = await Promise.all([
  import(join(ROOT, 'dist', 'src', 'analyze', 'index.js')),
  import(join(ROOT, 'dist', 'src', 'config', 'defaults.js')),
]);
const result = await scanProject({ root: resolve(root), paths: [], config: defaultConfig(), projectPass: flag !== '--no-project-pass' });
process.stdout.write(`${JSON.stringify({ findings: result.report.findings.length, files: [...new Set(result.report.findings.map((f) => f.file))].length })}\n`);
