/**
 * The plan table's frame draws exactly what cli-table3 (which it replaced for speed) drew for the same cells:
 * a differential test over random tables, cli-table3 kept as a development dependency for this proof only.
 */
import Table from "cli-table3";
import fc from "fast-check";
import { boxTable } from "../../src/report/box-table";
import { wrap } from "../../src/report/wrap";

/** What plan-report.ts drew before: cli-table3 with widths 2 wider than the text (its padding), no colours. */
function cliTable3(opts: { head: string[]; rows: string[][]; widths: number[]; aligns: ("left" | "right")[] }): string {
  const table = new Table({
    head: opts.head,
    colWidths: opts.widths.map((w) => w + 2),
    colAligns: opts.aligns,
    style: { head: [], border: [] },
  });
  for (const r of opts.rows) table.push(r);
  return table.toString();
}

// printable ASCII words and line breaks, like the plan's cells (ids, CIDRs, names, prices)
const word = fc.stringMatching(/^[a-zA-Z0-9./:_$-]{1,14}$/);
const cellText = fc.array(fc.array(word, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 4 });

const tableArb = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.record({
    widths: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: columns, maxLength: columns }),
    aligns: fc.array(fc.constantFrom<"left" | "right">("left", "right"), { minLength: columns, maxLength: columns }),
    head: fc.array(cellText, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
  }),
);

describe("boxTable", () => {
  test("draws the same text as cli-table3 for cells wrapped to their widths", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const fit = (cell: string[][], i: number) =>
          wrap({ text: cell.map((l) => l.join(" ")).join("\n"), width: t.widths[i] }).join("\n");
        const head = t.head.map(fit);
        const rows = t.rows.map((r) => r.map(fit));
        expect(boxTable({ head, rows, widths: t.widths, aligns: t.aligns })).toBe(
          cliTable3({ head, rows, widths: t.widths, aligns: t.aligns }),
        );
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test("right-aligned columns pad on the left, rows of different heights pad with blank lines", () => {
    expect(boxTable({ head: ["a", "$"], rows: [["x\ny", "1.50"]], widths: [3, 5], aligns: ["left", "right"] })).toBe(
      [
        "┌─────┬───────┐",
        "│ a   │     $ │",
        "├─────┼───────┤",
        "│ x   │  1.50 │",
        "│ y   │       │",
        "└─────┴───────┘",
      ].join("\n"),
    );
  });

  test("a line longer than its column is refused, not drawn past the border", () => {
    expect(() => boxTable({ head: ["abcd"], rows: [], widths: [3] })).toThrow(/longer than its column \(4 > 3\)/);
  });
});
