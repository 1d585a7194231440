/**
 * Code-unit order for paths and rule ids: the order git and the file listing use, the same in every
 * locale, and free of `localeCompare`, whose first call loads ICU's collator (about 10 ms of every run).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
