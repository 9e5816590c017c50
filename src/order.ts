/**
 * The one string order of vpce: UTF-16 code units, never the locale, so that
 * sorted output (addresses, reasons, diagnostics) is the same on every machine.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator by a string key: `list.sort(by((s) => s.name))`. */
export function by<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareStrings(key(a), key(b));
}
