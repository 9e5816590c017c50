import { distance } from "fastest-levenshtein";
import { compareStrings } from "./order";

/** Longest word worth a "did you mean": edit distance of a 200,000-character value against 400 ids took seconds. */
export const MAX_SUGGEST_LENGTH = 128;

/**
 * The closest valid names to `word`, best first: edit distance within a third
 * of the word's length (at least 2), or names that contain the word / are
 * contained in it (`dynamo` -> `dynamodb`).
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  if (word.length > MAX_SUGGEST_LENGTH) return [];
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const scored: Array<[string, number]> = [];
  for (const c of new Set(candidates)) {
    const lc = c.toLowerCase();
    let d = distance(w, lc);
    if (d > limit && w.length >= 3 && (lc.includes(w) || w.includes(lc))) d = limit;
    if (d <= limit) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || compareStrings(a[0], b[0]));
  return scored.slice(0, max).map(([c]) => c);
}
