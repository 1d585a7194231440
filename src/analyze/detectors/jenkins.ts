// Jenkins pipelines (a Jenkinsfile, a shared library's .groovy): the commands of their `sh` steps are
// shell commands, read by the shell detector with curl's and wget's options (method, basic auth), as
// a workflow's `run:` is. `sh 'cmd'`, `sh "cmd"`, `sh '''…'''`, `sh """…"""`, and `sh(script: …)`.
import type { Config } from '../../types.ts';
import type { ConfigFileAnalysis } from './config-entries.ts';
import { addScriptFindings } from './shell.ts';

/**
 * `sh` (or `sh(`), its named arguments up to `script:`, then where its string opens. Quantifiers are
 * bounded and kept to one line, so a hostile line cannot make the search backtrack for long.
 */
const SH_STEP = /\bsh\b[ \t]*\(?[ \t]*(?:(?:label|returnStdout|returnStatus|encoding)[ \t]*:[ \t]*(?:'[^'\n]{0,200}'|"[^"\n]{0,200}"|[\w.]{1,50})[ \t]*,[ \t]*){0,4}(?:script[ \t]*:[ \t]*)?(?='|")/g;

export function analyzePipelineSteps(file: string, text: string, config: Config): ConfigFileAnalysis {
  const out: ConfigFileAnalysis = { findings: [], secrets: [] };
  const at = lineCounter(text);
  for (const step of text.matchAll(SH_STEP)) {
    const open = step.index + step[0].length;
    const quote = text.startsWith("'''", open) || text.startsWith('"""', open) ? text.slice(open, open + 3) : text[open];
    const start = open + quote.length;
    const end = closingQuote(text, start, quote);
    if (end === -1) continue;
    const { line, column } = at(start);
    addScriptFindings(file, { text: text.slice(start, end), line, column }, config, out, true);
  }
  return out;
}

/** Where the string that starts at `from` ends: a single quote closes on its own line, a triple one anywhere. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text.startsWith(quote, i)) {
      return i;
    } else if (quote.length === 1 && text[i] === '\n') {
      return -1;
    }
  }
  return -1;
}

/** Line and column of offsets asked for in increasing order, counting each line break once. */
function lineCounter(text: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
}
