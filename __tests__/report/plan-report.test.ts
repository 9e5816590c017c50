/** The plan table fitted to a width, the word wrapping under it, and the JSON report. */
import * as path from "node:path";
import { runPipeline } from "../../src/pipeline";
import type { Plan } from "../../src/planner/plan";
import { COST_NOTE, monthlyUsd, round2, stackMonthlyUsd } from "../../src/report/cost";
import {
  fitColumns,
  jsonParts,
  MIN_TABLE_WIDTH,
  renderJson,
  renderTable,
  tableParts,
} from "../../src/report/plan-report";
import { hang, longestLine, longestWord, wrap } from "../../src/report/wrap";
import { ROOT } from "../helpers";

const examples = runPipeline(path.join(ROOT, "specs"));
const plan = examples.plan!;
const lines = (text: string) => text.split("\n");
const widest = (text: string) => Math.max(...lines(text).map((l) => l.length));

describe("longestWord and longestLine", () => {
  test.each([
    ["", 0, 0],
    ["abc", 3, 3],
    ["ab cde\nf", 3, 6],
    ["abcd\n", 4, 4],
    ["\nabcd", 4, 4],
    ["a  b\n\nxyz q", 3, 5],
    [" leading", 7, 8],
  ])("%j: word %d, line %d", (text, word, line) => {
    expect(longestWord(text)).toBe(word);
    expect(longestLine(text)).toBe(line);
  });
});

describe("wrap", () => {
  test("breaks at spaces, keeps the text's own line breaks", () => {
    expect(wrap({ text: "aa bb cc\ndd", width: 5 })).toEqual(["aa bb", "cc", "dd"]);
  });

  test("a word longer than a line breaks after / - . : , _ in the line's second half, else at the width", () => {
    expect(wrap({ text: "policies/s3-analytics-buckets.json", width: 12 })).toEqual([
      "policies/s3-",
      "analytics-",
      "buckets.json",
    ]);
    expect(wrap({ text: "abcdefghij", width: 4 })).toEqual(["abcd", "efgh", "ij"]);
    // a break point in the first half would leave most of the line empty: cut at the width instead
    expect(wrap({ text: "a/bcdefghij", width: 6 })).toEqual(["a/bcde", "fghij"]);
  });

  test("no line is ever wider than the width, and no character is lost", () => {
    const text = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 10.0.0.0/8 x  y\nz";
    for (let width = 1; width < 70; width++) {
      const out = wrap({ text, width });
      expect(Math.max(...out.map((l) => l.length))).toBeLessThanOrEqual(width);
      expect(out.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  test("hang: the first line's prefix, the others indented under it", () => {
    expect(hang({ text: "one two three", width: 11, first: "  - " })).toEqual(["  - one two", "    three"]);
  });
});

describe("fitColumns", () => {
  const natural = [12, 21, 18, 40, 7];
  const words = [12, 21, 18, 26, 7];
  const room = (width: number) => width - 1 - 3 * natural.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  test("the natural widths when they fit", () => {
    expect(fitColumns({ natural, words, width: 200 })).toEqual(natural);
  });

  test("the widest column gives way first; ids and CIDRs stay whole while others can give way", () => {
    const w = fitColumns({ natural, words, width: 100 });
    expect(sum(w)).toBe(room(100));
    expect(w).toEqual([12, 21, 18, 26, 7]);
    expect(fitColumns({ natural, words, width: 84 })).toEqual([11, 21, 18, 11, 7]);
    // then the widest again, words breaking
    expect(fitColumns({ natural, words, width: 80 })).toEqual([11, 17, 18, 11, 7]);
  });

  test("narrower: every column down to its minimum, never below", () => {
    expect(sum(fitColumns({ natural, words, width: MIN_TABLE_WIDTH }))).toBe(room(MIN_TABLE_WIDTH));
    expect(fitColumns({ natural, words, width: 20 })).toEqual(fitColumns({ natural, words, width: MIN_TABLE_WIDTH }));
    expect(MIN_TABLE_WIDTH).toBeLessThanOrEqual(60);
  });
});

describe("renderTable", () => {
  test.each([60, 72, 80, 100, 120, 160])("%i columns: no line wider, with or without reasons", (width) => {
    for (const why of [false, true]) expect(widest(renderTable({ plan, width, why }))).toBeLessThanOrEqual(width);
  });

  test("wide enough, nothing wraps: a policy file's path stays on one line", () => {
    expect(renderTable({ plan, width: 200 })).toContain("│ file policies/s3-analytics-buckets.json │");
    expect(renderTable({ plan, width: 80 })).not.toContain("policies/s3-analytics-buckets.json");
  });

  test("line counts: about 200 lines at 100 columns without reasons, more than twice that with them", () => {
    const short = lines(renderTable({ plan, width: 100 })).length;
    const why = lines(renderTable({ plan, width: 100, why: true })).length;
    expect(short).toBeLessThan(230);
    expect(why).toBeGreaterThan(2 * short);
    expect(lines(renderTable({ plan, width: 60 })).length).toBeLessThan(400);
  });

  test("the cells: service, type and port; the full name only when it is not the usual one", () => {
    const t = renderTable({ plan, width: 200 });
    expect(t).toMatch(/│ ssm +│ us-east-1a: batch-a +│ 10\.20\.1\.0\/24 +│ DNS on +│ +14\.60 │/);
    expect(t).toMatch(/│ interface +│ us-east-1b: batch-b/);
    expect(t).toContain("com.amazonaws.vpce.ap-southeast-2.vpce-svc-0123456789abcdef0");
    expect(t).not.toContain("com.amazonaws.us-east-1.ssm ");
    expect(t).toMatch(/│ TCP 443 +│/);
  });

  test("no diagnostics in the table: they go to stderr", () => {
    expect(renderTable({ plan, width: 100, why: true })).not.toMatch(/warning [A-Z_]+/);
  });
});

describe("renderJson", () => {
  test("a plan: valid, stacks, costs and every diagnostic", () => {
    const j = JSON.parse(renderJson({ plan, diagnostics: examples.diagnostics }));
    expect(j).toMatchObject({ version: 1, valid: true });
    expect(j.stacks).toHaveLength(4);
    expect(j.diagnostics).toHaveLength(examples.diagnostics.length);
  });

  test("no plan: valid false and the diagnostics, no stacks", () => {
    const j = JSON.parse(renderJson({ diagnostics: examples.diagnostics }));
    expect(Object.keys(j)).toEqual(["version", "valid", "diagnostics"]);
    expect(j.valid).toBe(false);
  });
});

describe("in parts", () => {
  /** The JSON as one JSON.stringify of the whole report: what the parts must add up to, byte for byte. */
  const whole = (p: Plan, indent?: number) => {
    const stacks = p.stacks.map((s) => ({
      ...s,
      monthlyUsd: stackMonthlyUsd(s),
      vpcs: s.vpcs.map((v) => ({ ...v, endpoints: v.endpoints.map((e) => ({ ...e, monthlyUsd: monthlyUsd(e) })) })),
    }));
    const total = round2(stacks.reduce((n, s) => n + s.monthlyUsd, 0));
    const report = { version: 1, valid: true, stacks, monthlyUsd: total, costNote: COST_NOTE, diagnostics };
    return JSON.stringify(report, null, indent);
  };
  const diagnostics = examples.diagnostics;
  const plans: Array<[string, Plan]> = [
    ["every example stack", plan],
    ["one stack", { stacks: plan.stacks.slice(1, 2) }],
    ["no stack", { stacks: [] }],
  ];

  test.each(plans)("JSON of %s: compact and indented by 2 or 4, the same bytes as one JSON.stringify", (_, p) => {
    // (and what JSON.stringify makes of other whole numbers: at most 10 spaces, none below 1)
    for (const indent of [undefined, 2, 4, 12, 0, -1]) {
      const parts = [...jsonParts({ plan: p, diagnostics, indent })];
      expect(parts.join("")).toBe(whole(p, indent));
      // a part per stack between the head and the tail (one part when there is no stack)
      expect(parts).toHaveLength(p.stacks.length === 0 ? 1 : p.stacks.length + 2);
    }
  });

  test("JSON without a plan: one part, the invalid report", () => {
    expect([...jsonParts({ diagnostics })]).toEqual([renderJson({ diagnostics })]);
  });

  test("table: a part per stack, each starting with its Stack line, then the notes", () => {
    const parts = [...tableParts({ plan, width: 100 })];
    expect(parts.join("")).toBe(renderTable({ plan, width: 100 }));
    expect(parts).toHaveLength(plan.stacks.length + 1);
    parts
      .slice(0, -1)
      .forEach((part, i) => expect(part).toMatch(new RegExp(`^(\\n\\n)?Stack ${plan.stacks[i].stack} `)));
    expect(parts[parts.length - 1]).toMatch(/^\n\nHourly charges /);
  });
});
