/** A config file that cannot be used; the message names the file, the key and the problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    /** The file as shown in the message. */
    readonly file: string,
    /** The dotted key at fault, when there is one. */
    readonly key?: string,
    /** 1-based, for YAML syntax errors. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}
