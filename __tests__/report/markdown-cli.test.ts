/**
 * `vpce plan --format markdown [--gb-per-month N]`: the markdown on stdout with
 * the warnings inside it; stderr holds only the summary line.
 */
import * as path from "node:path";
import { MARKER } from "../../src/report/markdown";
import { vpce } from "../cli/run";
import { BASE, edit, ROOT, writeTree } from "../helpers";

const SPECS = path.join(ROOT, "specs");

test("the markdown on stdout, the warnings in it; stderr is the summary line alone", () => {
  const r = vpce(["plan", "--specs", SPECS, "--format", "markdown"]);
  expect(r.code).toBe(0);
  expect(r.out.split("\n")[0]).toBe(MARKER);
  expect(r.out).toContain("**`PRIVATE_DNS_CAPTURE`** in `specs/eks-platform.yaml:");
  expect(r.out).toContain("**`FULL_ACCESS_POLICY`** in `specs/shared-services.yaml:");
  expect(r.err).toBe("vpce: 0 errors, 2 warnings in 4 stack(s)");
});

test("an invalid spec: markdown that says there is no plan and lists the error; exit 1", () => {
  const dir = writeTree({ "a.yaml": edit(BASE, "region: eu-central-1", "region: eu-centrl-1") });
  const r = vpce(["plan", "--specs", dir, "--format", "markdown"]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("### vpce plan: no plan (1 error)");
  expect(r.out).toContain("**1 error**: `UNKNOWN_REGION` 1");
  expect(r.out).toMatch(/^- error \*\*`UNKNOWN_REGION`\*\* in `.*a\.yaml:3:\d+` at `region`:<br>$/m);
  expect(r.out).not.toMatch(/\| stack \|/);
  expect(r.err).toBe("vpce: 1 error, 0 warnings; no plan.");
});

test("--gb-per-month N prices N GB per endpoint beside NAT", () => {
  const r = vpce(["plan", "--specs", SPECS, "--format", "markdown", "--gb-per-month", "12.5"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^At 12\.5 GB per endpoint per month: /m);
  expect(r.out).toContain("| same traffic via NAT |");
});

test("--gb-per-month: a number of GB, only with --format markdown; else a usage error (exit 2)", () => {
  for (const bad of ["-1", "abc", "1e3", ""]) {
    const r = vpce(["plan", "--specs", SPECS, "--format", "markdown", "--gb-per-month", bad]);
    expect({ bad, code: r.code, out: r.out }).toEqual({ bad, code: 2, out: "" });
    expect(r.err).toMatch(/^vpce: option "--gb-per-month <N>" argument ".*" is invalid\. Give a number of GB/);
  }
  for (const format of ["table", "json"]) {
    const r = vpce(["plan", "--specs", SPECS, "--format", format, "--gb-per-month", "10"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("vpce: --gb-per-month applies to --format markdown only; the table and JSON show hourly costs.");
  }
});

test("plan --help names the markdown format and --gb-per-month", () => {
  const r = vpce(["plan", "--help"]);
  expect(r.out).toMatch(/choices: "table", "json", "markdown"/);
  expect(r.out).toMatch(/--gb-per-month <N>/);
});
