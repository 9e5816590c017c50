/**
 * A box-drawn table of cells already wrapped to their column's width (plain text, one column per character, like
 * wrap.ts): the plan table's frame. It replaced cli-table3, whose width measuring (string-width building its
 * emoji and ANSI regular expressions on every call) took 250 ms per VPC table: 4 minutes for 1,000 VPCs.
 */

export interface BoxTableOptions {
  /** The header cells; a cell's lines are separated by "\n". */
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The text width of each column: no line of a cell is longer (cells are wrapped before). */
  readonly widths: readonly number[];
  /** Per column; default left. */
  readonly aligns?: readonly ("left" | "right")[];
}

/** The table with a border around it and between every two rows, one space either side of each cell. */
export function boxTable(opts: BoxTableOptions): string {
  const rule = (left: string, middle: string, right: string) =>
    left + opts.widths.map((w) => "─".repeat(w + 2)).join(middle) + right;
  const out = [rule("┌", "┬", "┐")];
  // the same between every two rows: drawn once
  const between = rule("├", "┼", "┤");
  const rows = [opts.head, ...opts.rows];
  rows.forEach((row, r) => {
    if (r > 0) out.push(between);
    const cells = row.map((text) => text.split("\n"));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      const parts = opts.widths.map((w, c) => {
        const text = cells[c]?.[l] ?? "";
        if (text.length > w) throw new Error(`cell line longer than its column (${text.length} > ${w}): ${text}`);
        const pad = " ".repeat(w - text.length);
        return opts.aligns?.[c] === "right" ? pad + text : text + pad;
      });
      out.push(`│ ${parts.join(" │ ")} │`);
    }
  });
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
