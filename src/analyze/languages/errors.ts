/** A PHP, Python or Ruby file whose syntax tree has an error: reported under `errors`, the scan goes on. */
export class LanguageParseError extends Error {
  override readonly name = 'LanguageParseError';
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}
