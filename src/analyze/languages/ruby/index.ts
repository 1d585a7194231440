// Ruby: the official client's configuration and calls, HTTParty and Faraday.
import type { Collector, LanguageFile } from '../context.ts';
import { RubyEvaluator } from './evaluate.ts';
import { reportFaradayCalls } from './faraday.ts';
import { reportHttpartyCalls } from './httparty.ts';
import { reportRubyLibraryCalls } from './library-calls.ts';
import { findRubyLibraryConfigs, reportRubyLibraryConfigs } from './library-config.ts';

export function analyzeRuby(file: LanguageFile, out: Collector): void {
  const evaluator = new RubyEvaluator(file.root);
  const configs = findRubyLibraryConfigs(file, evaluator);
  reportRubyLibraryConfigs(file, out, configs, evaluator);
  reportRubyLibraryCalls(file, out, configs);
  reportHttpartyCalls(file, out, evaluator);
  reportFaradayCalls(file, out, evaluator);
}
