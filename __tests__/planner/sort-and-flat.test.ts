/**
 * The planner's allocation-saving helpers give exactly what they replace: sortInPlace the order of
 * Array.prototype.sort with the same comparator (stable, short and long lists), flat the text of the template.
 */
import { compareStrings } from "../../src/order";
import { flat } from "../../src/planner/flat";
import { byName, sortInPlace, sortStrings } from "../../src/order";

/** A small deterministic generator (the lists must be the same on every run). */
function generator(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe("sortInPlace", () => {
  it("orders like Array.prototype.sort, keeping equal items in their order, for short and long lists", () => {
    const random = generator(7);
    for (const length of [0, 1, 2, 5, 12, 24, 25, 40, 200]) {
      // few distinct names: many ties, so an unstable sort would show
      const items = Array.from({ length }, (_, i) => ({ name: `s${Math.floor(random() * 6)}`, at: i }));
      const expected = [...items].sort(byName);
      const sorted = sortInPlace([...items], byName);
      expect(sorted.map((x) => `${x.name}@${x.at}`)).toEqual(expected.map((x) => `${x.name}@${x.at}`));
    }
  });

  it("sorts the list it is given, and sortStrings by UTF-16 code units like sort() without a comparator", () => {
    const list = ["s2", "s10", "S1", "s1", "é", "z", "s11", "a-b", "a_b"];
    const native = [...list].sort();
    expect(sortStrings(list)).toBe(list);
    expect(list).toEqual(native);
    expect(list).toEqual([...native].sort(compareStrings));
  });
});

describe("flat", () => {
  it("gives the template's text, numbers and undefined written as a template writes them", () => {
    const service = "ssm";
    const n = 2;
    const missing: string | undefined = undefined;
    expect(flat`${service} from subnet s1 (${n}) ${missing}`).toBe(`${service} from subnet s1 (${n}) ${missing}`);
    expect(flat`no values`).toBe("no values");
    expect(flat`${"a"}${"b"}`).toBe("ab");
  });
});
