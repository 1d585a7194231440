/** A problem with what was asked for (a path that does not exist, or lies outside the root). */
export class DiscoverError extends Error {
  override readonly name = 'DiscoverError';
  constructor(
    message: string,
    /** The path as the user gave it. */
    readonly path?: string,
  ) {
    super(message);
  }
}
