// Single-file components (.vue, .svelte, .astro) hold their code in <script> blocks, and Astro's in
// its `---` frontmatter too; the rest is markup. The code is parsed as a file whose markup is
// blanked out: same length, same line breaks, so every offset, line and column is the file's own,
// findings point into the component as written, and a rewrite's edits apply to it unchanged.
import { isComponentPath } from '../discover/kinds.ts';

export { isComponentPath };

export interface ComponentCode {
  /** The file's text with everything but its code turned to spaces (line breaks kept). */
  text: string;
  /** Some block is TypeScript (`lang="ts"`, or Astro's frontmatter). */
  typescript: boolean;
}

const SCRIPT_OPEN = /<script\b/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
/** `type` values of script blocks that hold data or templates, not code. */
const NOT_CODE_TYPE = /\btype\s*=\s*["']?(?!module\b|text\/javascript\b|application\/javascript\b|text\/typescript\b|ts\b)[\w/+.-]+/i;
const TYPESCRIPT_LANG = /\blang\s*=\s*["']?(?:ts|typescript|tsx)\b/i;
/** Astro's frontmatter: the file opens with a `---` line, and the code runs to the next one. */
const FRONTMATTER = /^\s*---[^\S\r\n]*\r?\n/;

export function componentCode(text: string, path: string): ComponentCode {
  const code: Array<[number, number]> = [];
  let typescript = false;
  if (/\.astro$/i.test(path)) {
    const open = FRONTMATTER.exec(text);
    const close = open ? /\r?\n---[^\S\r\n]*(?:\r?\n|$)/.exec(text.slice(open[0].length)) : null;
    if (open && close) {
      code.push([open[0].length, open[0].length + close.index]);
      typescript = true;
    }
  }
  for (const block of scriptBlocks(text)) {
    if (NOT_CODE_TYPE.test(block.attributes)) continue;
    code.push([block.start, block.end]);
    if (TYPESCRIPT_LANG.test(block.attributes)) typescript = true;
  }
  code.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of code) {
    if (start < at) continue;
    out += markup(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return { text: out + markup(text.slice(at)), typescript };
}

/** Each `<script …>…</script>`: its attributes and where its content lies. One pass over the text. */
function scriptBlocks(text: string): Array<{ attributes: string; start: number; end: number }> {
  const blocks: Array<{ attributes: string; start: number; end: number }> = [];
  SCRIPT_OPEN.lastIndex = 0;
  for (let open = SCRIPT_OPEN.exec(text); open; open = SCRIPT_OPEN.exec(text)) {
    // The tag ends at the first `>`; with none left, no block is left either.
    const tagEnd = text.indexOf('>', open.index);
    if (tagEnd === -1) break;
    const attributes = text.slice(open.index + open[0].length, tagEnd);
    const start = tagEnd + 1;
    SCRIPT_CLOSE.lastIndex = start;
    const close = SCRIPT_CLOSE.exec(text);
    // An unclosed block holds no code a browser would run either.
    if (!close) break;
    blocks.push({ attributes, start, end: close.index });
    SCRIPT_OPEN.lastIndex = close.index + close[0].length;
  }
  return blocks;
}

function markup(text: string): string {
  return text.replace(/[^\r\n\u2028\u2029]/g, ' ');
}
