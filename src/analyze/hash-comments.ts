/** Whole-line `#` comments (shell, YAML, .env), as the suppression parser reads comments: the text after `#`. */
export function hashComments(text: string): Array<{ text: string; line: number; block: boolean }> {
  const comments: Array<{ text: string; line: number; block: boolean }> = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*#(.*)$/.exec(line);
    if (match) comments.push({ text: match[1], line: index + 1, block: false });
  });
  return comments;
}
