/**
 * Warnings on stderr grouped by code and VPC (issue 12): a generated organisation (scripts/bench/specs.js, with
 * the warnings a large one has) prints a few groups instead of every warning; each group names every subnet its
 * warnings name and every line they are at (up to the listed count); errors stay one by one with file:line:col;
 * --all-diagnostics and the JSON keep every single diagnostic.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics";
import { runPipeline } from "../../src/pipeline";
import { compactNames, hasWord, terminalDiagnostics } from "../../src/report/diagnostic-groups";
import { tmpDir } from "../helpers";
import { vpce } from "./run";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeSpecs, SERVICES } = require("../../scripts/bench/specs.js") as {
  writeSpecs: (o: { dir: string; vpcs: number; vpcsPerFile?: number }) => string;
  SERVICES: string[];
};

/** 40 VPCs in 4 files; per subnet a rotating slice of the services (captures, shared route tables), no org-only. */
function warningOrg(): string {
  const dir = tmpDir("vpce-org-");
  writeSpecs({ dir, vpcs: 40, vpcsPerFile: 10 });
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    const s = parse(fs.readFileSync(p, "utf8"));
    delete s.defaults;
    for (const v of s.vpcs)
      v.subnets.forEach((sn: { services: string[] }, i: number) => {
        sn.services = SERVICES.filter((_, k) => (k + i) % 3 !== 0);
      });
    fs.writeFileSync(p, stringify(s));
  }
  return dir;
}

const org = warningOrg();

afterAll(() => fs.rmSync(org, { recursive: true, force: true }));

/** The names a text lists, with `a0..a3` runs expanded. */
function expand(list: string): string[] {
  return list.split(", ").flatMap((n) => {
    const m = /^(.*?)(\d+)\.\.\1(\d+)$/.exec(n);
    if (!m) return [n];
    return Array.from({ length: Number(m[3]) - Number(m[2]) + 1 }, (_, k) => `${m[1]}${Number(m[2]) + k}`);
  });
}

describe("grouped diagnostics", () => {
  const r = runPipeline(org, { env: {} });
  const t = terminalDiagnostics({ diagnostics: r.diagnostics, plan: r.plan });
  const warnings = r.diagnostics.filter((d) => d.severity === "warning");

  test("a few groups instead of every warning; every warning is in one", () => {
    expect(warnings.length).toBeGreaterThan(200);
    const text = t.blocks.join("\n");
    expect(text.split("\n").length).toBeLessThan(warnings.length / 4);
    const singles = t.blocks.filter((b) => !/^warning [A-Z_]+: \d+ findings/.test(b)).length;
    expect(t.folded.warnings + singles).toBe(warnings.length);
    // every code is there with its count
    for (const code of new Set(warnings.map((d) => d.code))) {
      const n = warnings.filter((d) => d.code === code).length;
      if (n > 1) expect(text).toContain(`warning ${code}: ${n} findings in `);
      else expect(text).toContain(`warning ${code} `);
    }
  });

  test("each group names every subnet its warnings name and counts them per file and VPC", () => {
    const subnetNames = new Set(
      r.plan?.stacks.flatMap((s) =>
        s.vpcs.flatMap((v) => v.endpoints.flatMap((e) => e.requesters.map((q) => q.subnet))),
      ),
    );
    for (const block of t.blocks.filter((b) => /^warning [A-Z_]+: \d+ findings/.test(b))) {
      const code = /^warning ([A-Z_]+)/.exec(block)?.[1];
      const mine = warnings.filter((d) => d.code === code);
      const rows = block.split("\n").filter((l) => l.startsWith("  - "));
      // the rows' counts add up to the group's
      expect(rows.reduce((n, l) => n + Number(/: (\d+)( at|;|$)/.exec(l)?.[1]), 0)).toBe(mine.length);
      for (const d of mine) {
        const named = d.message.split(/[^A-Za-z0-9_-]+/).filter((w) => subnetNames.has(w));
        const row = rows.find((l) => l.startsWith(`  - ${d.file} `) && l.includes(`; subnets `) && covers(l, d));
        if (named.length === 0) continue;
        expect(row).toBeDefined();
        const listed = expand((row as string).split("; subnets ")[1]);
        for (const s of named) expect(listed).toContain(s);
      }
    }
  });

  test("errors are never grouped: each with its file:line:col, after the warnings", () => {
    const err: Diagnostic = { ...warnings[0], severity: "error", code: "UNKNOWN_SERVICE", message: "x" };
    const err2: Diagnostic = { ...warnings[1], severity: "error", code: "UNKNOWN_SERVICE", message: "y" };
    const g = terminalDiagnostics({ diagnostics: [...r.diagnostics, err, err2], plan: r.plan });
    expect(g.blocks.slice(-2)).toEqual([formatDiagnostic(err), formatDiagnostic(err2)]);
  });

  test("--all-diagnostics: each on its own, in order", () => {
    const all = terminalDiagnostics({ diagnostics: r.diagnostics, plan: r.plan, all: true });
    expect(all.blocks).toEqual(r.diagnostics.map(formatDiagnostic));
    expect(all.folded.groups).toBe(0);
  });
});

/** Whether a group row covers a diagnostic: its VPC (or range of VPCs) holds the diagnostic's path. */
function covers(row: string, d: Diagnostic): boolean {
  const i = /^vpcs\[(\d+)\]/.exec(d.path)?.[1];
  const m = / vpcs\[(\d+)(?:\.\.(\d+))?\]:/.exec(row);
  if (i === undefined || !m) return i === undefined && !m;
  return Number(i) >= Number(m[1]) && Number(i) <= Number(m[2] ?? m[1]);
}

describe("vpce validate / plan / synth on stderr", () => {
  test("validate groups by default and says how to see each one; --all-diagnostics prints each", () => {
    const grouped = vpce(["validate", "--specs", org]);
    const all = vpce(["validate", "--specs", org, "--all-diagnostics"]);
    expect(grouped.code).toBe(0);
    expect(all.code).toBe(0);
    const g = grouped.err.split("\n");
    expect(g.at(-2)).toMatch(/^vpce: \d+ warnings shown in \d+ groups by code and VPC; --all-diagnostics/);
    expect(g.at(-1)).toBe(all.err.split("\n").at(-1));
    expect(g.length * 5).toBeLessThan(all.err.split("\n").length);
    expect(all.err).not.toMatch(/groups by code and VPC/);
  });

  test("VPCE_ALL_DIAGNOSTICS=1 prints each one too (cdktf synth takes no flag)", () => {
    const env = vpce(["validate", "--specs", org], { env: { VPCE_ALL_DIAGNOSTICS: "1" } });
    expect(env.err).toBe(vpce(["validate", "--specs", org, "--all-diagnostics"]).err);
  });

  test("plan --format json keeps every single diagnostic", () => {
    const j = JSON.parse(vpce(["plan", "--specs", org, "--format", "json"]).out);
    expect(j.diagnostics).toHaveLength(runPipeline(org, { env: {} }).diagnostics.length);
  });

  test("an invalid spec: its errors one by one with file:line:col, after the grouped warnings", () => {
    const bad = tmpDir("vpce-org-bad-");
    fs.cpSync(org, bad, { recursive: true });
    const f = path.join(bad, "bench-0.yaml");
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("- autoscaling\n", "- autoscalling\n"));
    const r = vpce(["validate", "--specs", bad]);
    expect(r.code).toBe(1);
    const lines = r.err.split("\n");
    const errors = lines.filter((l) => / error UNKNOWN_SERVICE /.test(l));
    expect(errors.length).toBeGreaterThan(0);
    for (const l of errors) expect(l).toMatch(/^.*bench-0\.yaml:\d+:\d+: error UNKNOWN_SERVICE at vpcs\[\d+\]/);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});

describe("every other command groups the same way", () => {
  /** The organisation with one unknown service: errors besides its many warnings. */
  function invalidOrg(): string {
    const bad = tmpDir("vpce-org-bad-");
    fs.cpSync(org, bad, { recursive: true });
    const f = path.join(bad, "bench-0.yaml");
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("- autoscaling\n", "- autoscalling\n"));
    return bad;
  }
  const GROUPED = /^vpce: \d+ warnings shown in \d+ groups by code and VPC; --all-diagnostics/m;

  test("adopt: warnings grouped; --all-diagnostics prints each, as validate does", () => {
    const grouped = vpce(["adopt", "--specs", org]);
    const all = vpce(["adopt", "--specs", org, "--all-diagnostics"]);
    expect(grouped.code).toBe(0);
    expect(grouped.err).toMatch(GROUPED);
    expect(all.err).not.toMatch(GROUPED);
    // the same diagnostics as validate shows, then adopt's own summary line
    const validate = vpce(["validate", "--specs", org]).err.split("\n");
    expect(grouped.err.split("\n").slice(0, -1)).toEqual(validate.slice(0, -1));
  });

  test.each([
    ["stacks", ["stacks"]],
    ["atlantis", ["atlantis"]],
    ["diff", ["diff", "--base", "HEAD"]],
    ["discover", ["discover", "--resolver-logs", __filename]],
  ])("%s on invalid specs: the warnings grouped, the errors one by one, exit 1", (_, args) => {
    const bad = invalidOrg();
    const grouped = vpce([...args, "--specs", bad]);
    const all = vpce([...args, "--specs", bad, "--all-diagnostics"]);
    expect(grouped.code).toBe(1);
    expect(grouped.err).toMatch(GROUPED);
    expect(grouped.err).toMatch(/bench-0\.yaml:\d+:\d+: error UNKNOWN_SERVICE /);
    expect(all.err).not.toMatch(GROUPED);
    expect(all.err.split("\n").length).toBeGreaterThan(grouped.err.split("\n").length * 5);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});

describe("compactNames", () => {
  test("runs of three or more consecutive numbers fold; numeric order; other names stay", () => {
    expect(compactNames(["s0", "s1", "s2", "s3", "s5", "s6", "s11", "nodes-a", "nodes-b"])).toBe(
      "nodes-a, nodes-b, s0..s3, s5, s6, s11",
    );
    expect(expand(compactNames(["app10", "app9", "app8", "db"]))).toEqual(["app8", "app9", "app10", "db"]);
  });
});

test("a subnet is named where it is a whole word of the message, as splitting the message into words finds", () => {
  const chars = fc.constantFrom("a", "b", "1", "-", "_", " ", ".", ",", "(", ":");
  fc.assert(
    fc.property(
      fc.array(chars, { maxLength: 30 }).map((c) => c.join("")),
      fc.stringMatching(/^[ab1_-]{1,4}$/),
      (text, word) => {
        expect(hasWord(text, word)).toBe(text.split(/[^A-Za-z0-9_-]+/).includes(word));
      },
    ),
    { numRuns: 2000, seed: 5 },
  );
});
