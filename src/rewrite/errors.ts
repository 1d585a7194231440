// Errors the rewrite stage throws on purpose; the CLI prints their message as one line (exit 2).

/** The git working tree has uncommitted changes in files `fix` would write. */
export class DirtyTreeError extends Error {
  override readonly name = 'DirtyTreeError';
  readonly files: string[];

  constructor(files: string[]) {
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, +${files.length - 5} more` : '');
    super(`uncommitted changes in ${shown}: commit or stash them first, or pass --allow-dirty`);
    this.files = files;
  }
}

/** Writing could not be done at all (not a refusal of one file: those are reported per file). */
export class WriteError extends Error {
  override readonly name = 'WriteError';
}
