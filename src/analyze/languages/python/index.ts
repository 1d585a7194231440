// Python: the official client's configuration and calls, requests and httpx.
import type { Collector, LanguageFile } from '../context.ts';
import { PythonEvaluator } from './evaluate.ts';
import { reportPythonLibraryCalls } from './library-calls.ts';
import { findPythonLibraryConfigs, reportPythonLibraryConfigs } from './library-config.ts';
import { reportRequestsCalls } from './requests.ts';

export function analyzePython(file: LanguageFile, out: Collector): void {
  const evaluator = new PythonEvaluator(file.root);
  const configs = findPythonLibraryConfigs(file, evaluator);
  reportPythonLibraryConfigs(file, out, configs, evaluator);
  reportPythonLibraryCalls(file, out, configs);
  reportRequestsCalls(file, out, evaluator);
}
