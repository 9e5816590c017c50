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

/*
 * Sorting for the many short lists of specs and plans (a subnet's requests, a VPC's subnets, an endpoint's zones
 * and requesters): the same order as Array.prototype.sort with the same comparator (both are stable), without the
 * work array V8's sort allocates for every call, which at 100,000 subnets was a sixth of what planning allocated.
 */

/** Up to this length an insertion sort; longer lists go to Array.prototype.sort. */
const SHORT = 24;

/** Sorts `list` in place (stable) and returns it. */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], item) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** The list when it is in order already (most are: requesters come sorted), else a sorted copy. */
export function sortedOrCopy<T>(list: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return sortInPlace([...list], compare);
  return list;
}

/** Sorts strings in place by UTF-16 code units (the order of `.sort()` without a comparator) and returns them. */
export function sortStrings(list: string[]): string[] {
  return sortInPlace(list, compareStrings);
}

/** Orders things by name (compareStrings). */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return compareStrings(a.name, b.name);
}
