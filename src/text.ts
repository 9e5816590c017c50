/**
 * Counted words for generated messages: "1 subnet is", "2 subnets are".
 * Every message that names a list of subnets or services picks its nouns,
 * verbs and pronouns through `agree`, so one name never reads as many.
 */

/** How many: a number, or the list whose items are counted. */
export type Count = number | readonly unknown[];

function amount(n: Count): number {
  return typeof n === "number" ? n : n.length;
}

/** `one` when the count is exactly 1, else `many` (0 takes the plural: "0 blocks"). */
export function agree(opts: { n: Count; one: string; many: string }): string {
  return amount(opts.n) === 1 ? opts.one : opts.many;
}

/** The count and its noun: "1 block", "3 blocks"; `many` defaults to `one` + "s". */
export function counted(opts: { n: Count; one: string; many?: string }): string {
  return `${amount(opts.n)} ${agree({ n: opts.n, one: opts.one, many: opts.many ?? `${opts.one}s` })}`;
}
