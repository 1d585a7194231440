// What makes an --include / --exclude glob unusable. picomatch reads an unclosed `[` or `{` as a
// literal character, so `--include '['` silently matched no file: such a pattern is refused instead.

/** Why `pattern` is not a usable glob, or null when it is. */
export function globProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'is empty';
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i === pattern.length - 1) return 'ends with a lone \\';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // `[]…]` and `[!]…]`: a `]` first in a class is one of its characters.
      if (pattern[i + 1] === '!' || pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
  }
  if (inClass) return "has a '[' that is never closed (write \\[ for a literal bracket)";
  if (braces > 0) return "has a '{' that is never closed (write \\{ for a literal brace)";
  return null;
}
