/**
 * One rule for every command: results on stdout; diagnostics and the summary
 * line on stderr; a JSON result carries its diagnostics on stdout as data.
 */
import * as path from "node:path";
import { BASE, edit, ROOT, tmpDir, writeTree } from "../helpers";
import { run, type Io } from "../../src/cli/main";
import { vpce, widest } from "./run";

const SPECS = path.join(ROOT, "specs");
const SUMMARY = /^vpce: 0 errors, \d+ warnings in 4 stack\(s\)$/;
const WARNING = /^specs\/[a-z-]+\.yaml:\d+:\d+: warning [A-Z_]+ /m;
const invalid = () => writeTree({ "a.yaml": edit(BASE, "region: eu-central-1", "region: eu-centrl-1") });

describe("vpce plan (table)", () => {
  test("the plan on stdout; the warnings, then the summary line, on stderr", () => {
    const r = vpce(["plan", "--specs", SPECS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Stack analytics-s3 /);
    expect(r.out).not.toMatch(/warning|PRIVATE_DNS_CAPTURE/);
    expect(r.err).toMatch(WARNING);
    expect(r.err.split("\n").at(-1)).toMatch(SUMMARY);
  });

  test("an invalid spec: nothing on stdout, the errors and the summary on stderr, exit 1", () => {
    const r = vpce(["plan", "--specs", invalid()]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/error UNKNOWN_REGION/);
    expect(r.err.split("\n").at(-1)).toBe("vpce: 1 error, 0 warnings; no plan.");
  });
});

describe("vpce plan --format json", () => {
  test("the diagnostics are in the JSON on stdout; stderr is the summary line alone", () => {
    const r = vpce(["plan", "--specs", SPECS, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(true);
    expect(j.diagnostics.length).toBeGreaterThan(0);
    expect(j.diagnostics.every((d: { severity: string }) => d.severity !== "error")).toBe(true);
    expect(r.err).toMatch(SUMMARY);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  test("compact when piped (half the bytes of a large plan), indented for a terminal; the same data", () => {
    const piped = vpce(["plan", "--specs", SPECS, "--format", "json"]).out;
    const terminal = vpce(["plan", "--specs", SPECS, "--format", "json"], { columns: 120 }).out;
    expect(piped.split("\n")).toHaveLength(1);
    expect(terminal).toContain('\n  "stacks": [');
    expect(JSON.parse(terminal)).toEqual(JSON.parse(piped));
  });

  test("an invalid spec: JSON with valid false, its errors and no stacks; exit 1", () => {
    const r = vpce(["plan", "--specs", invalid(), "--format", "json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ version: 1, valid: false });
    expect(j.stacks).toBeUndefined();
    expect(j.diagnostics[0]).toMatchObject({ code: "UNKNOWN_REGION", severity: "error" });
    expect(r.err).toBe("vpce: 1 error, 0 warnings; no plan.");
  });
});

describe("vpce validate", () => {
  test("text: nothing on stdout; diagnostics and the summary on stderr", () => {
    const r = vpce(["validate", "--specs", SPECS]);
    expect(r.out).toBe("");
    expect(r.err).toMatch(WARNING);
    expect(r.err.split("\n").at(-1)).toMatch(SUMMARY);
  });

  test("--json: the diagnostics in the JSON on stdout; stderr is the summary line alone", () => {
    const r = vpce(["validate", "--specs", SPECS, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).diagnostics.length).toBeGreaterThan(0);
    expect(r.err).toMatch(SUMMARY);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  test("--json on an invalid spec: the same, exit 1", () => {
    const r = vpce(["validate", "--specs", invalid(), "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ valid: false, diagnostics: [{ code: "UNKNOWN_REGION" }] });
    expect(r.err).toBe("vpce: 1 error, 0 warnings");
  });
});

test("vpce synth: nothing on stdout; the warnings, then the summary line, on stderr", () => {
  const r = vpce(["synth", "--specs", SPECS, "--out", tmpDir()]);
  expect(r.code).toBe(0);
  expect(r.out).toBe("");
  expect(r.err).toMatch(WARNING);
  expect(r.err.split("\n").at(-1)).toMatch(/^vpce: 4 stack\(s\) written to .* \(0 errors, \d+ warnings\)$/);
});

test("usage errors: stderr only", () => {
  const r = vpce(["plan", "--fromat", "json"]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
});

describe("the plan's width", () => {
  test.each([60, 80, 100, 120])("COLUMNS=%i: no line of the plan is wider, with or without --why", (columns) => {
    for (const why of [[], ["--why"]]) {
      const r = vpce(["plan", "--specs", SPECS, ...why], { env: { COLUMNS: String(columns) } });
      expect(r.code).toBe(0);
      expect(widest(r.out)).toBeLessThanOrEqual(columns);
      expect(widest(r.out)).toBeGreaterThan(columns - 10);
    }
  });

  test("a terminal's width when COLUMNS is not set; COLUMNS wins over it", () => {
    expect(widest(vpce(["plan", "--specs", SPECS], { columns: 90 }).out)).toBe(90);
    expect(widest(vpce(["plan", "--specs", SPECS], { columns: 90, env: { COLUMNS: "70" } }).out)).toBe(70);
  });

  test("neither (a pipe, a file): 100 columns; a COLUMNS that is not a number is ignored", () => {
    expect(widest(vpce(["plan", "--specs", SPECS]).out)).toBe(100);
    expect(widest(vpce(["plan", "--specs", SPECS], { env: { COLUMNS: "wide" } }).out)).toBe(100);
  });

  test("narrower than 60: fitted to 60", () => {
    expect(widest(vpce(["plan", "--specs", SPECS], { env: { COLUMNS: "30" } }).out)).toBe(60);
  });
});

describe("reasons", () => {
  test("left out by default, with a pointer to --why; --why adds them", () => {
    const short = vpce(["plan", "--specs", SPECS]).out;
    const why = vpce(["plan", "--specs", SPECS, "--why"]).out;
    expect(short).not.toMatch(/why fleet_ssm/);
    expect(short).toMatch(/vpce plan --why/);
    expect(why).toMatch(/^ {2}why fleet_ssm \(interface\):$/m);
    expect(why).toMatch(/^ {4}- security group admits TCP 443 from /m);
    // The examples' whole plan was 517 lines, reasons included, at any width.
    expect(short.split("\n").length).toBeLessThan(250);
    expect(why.split("\n").length).toBeGreaterThan(2 * short.split("\n").length);
  });

  test("--no-reasons (deprecated) is accepted: the same plan, a note on stderr", () => {
    const r = vpce(["plan", "--specs", SPECS, "--no-reasons"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(vpce(["plan", "--specs", SPECS]).out);
    expect(r.err.split("\n")[0]).toBe("vpce: --no-reasons is deprecated: reasons are shown only with --why.");
  });
});

describe("a large result in pieces (Io.write, which stdout has)", () => {
  test.each([["table"], ["json"]])("plan (%s): piece by piece through write, the same text as one out", (format) => {
    const args = ["plan", "--specs", SPECS, "--format", format];
    const pieces: string[] = [];
    const io: Io = {
      out: () => {
        throw new Error("the plan must go through write");
      },
      write: (t) => pieces.push(t),
      err: () => undefined,
      env: {},
    };
    expect(run(args, io)).toBe(0);
    // a piece per stack (4) and the rest
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.join("")).toBe(vpce(args).out + "\n");
  });
});
