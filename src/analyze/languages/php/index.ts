// PHP: the official client's configuration and calls, raw cURL and Guzzle.
import type { Collector, LanguageFile } from '../context.ts';
import { reportCurlCalls } from './curl.ts';
import { PhpEvaluator } from './evaluate.ts';
import { reportGuzzleCalls } from './guzzle.ts';
import { reportPhpLibraryCalls } from './library-calls.ts';
import { findPhpLibraryConfigs, reportPhpLibraryConfigs } from './library-config.ts';
import { PhpNames } from './names.ts';

export function analyzePhp(file: LanguageFile, out: Collector): void {
  const names = new PhpNames(file.root);
  const evaluator = new PhpEvaluator(file.root);
  const configs = findPhpLibraryConfigs(file, names, evaluator);
  reportPhpLibraryConfigs(file, out, configs, evaluator);
  reportPhpLibraryCalls(file, out, configs, names, evaluator);
  reportCurlCalls(file, out, evaluator);
  reportGuzzleCalls(file, out, names, evaluator);
}
