/**
 * Hostile input, one row per case (docs/hostile-input.md is the same table in
 * words). Each row asserts a specific diagnostic code (or, for input vpce must
 * accept or ignore, a plan), no exception from the pipeline, no stack trace
 * and no internal error in the CLI output, bounded time and memory, and that
 * Object.prototype is unchanged afterwards.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { run, type Io } from "../../src/cli/main";
import type { DiagnosticCode } from "../../src/diagnostics";
import { runPipeline } from "../../src/pipeline";
import { MAX_SPEC_BYTES, scanNesting } from "../../src/input/load";
import { MAX_POLICY_FILE_BYTES } from "../../src/input/resolve";
import { BASE, edit } from "../helpers";
import { workspace } from "./support";

/**
 * Generous bounds: a spec is checked in milliseconds; these catch hangs and blow-ups, not slowness. The time
 * bound scales with how long this machine, as loaded now, takes for a 150-VPC spec (measured before the rows):
 * the largest row is 10 times that much input, so linear work stays far below 30 times it, and a quadratic
 * blow-up (100 times) does not.
 */
const TIME_BOUND_MS = 5000;
const TIME_BOUND_FACTOR = 30;
const HEAP_BOUND_BYTES = 256 * 1024 * 1024;
let timeBoundMs = TIME_BOUND_MS;

interface Row {
  name: string;
  /** Files of the specs folder (relative path -> content), or a function that builds it (links, folders). */
  files?: Record<string, string | Buffer>;
  build?: (dir: string) => void;
  /** The code vpce must answer with; "plan" when the input is acceptable and must give a plan. */
  expect: DiagnosticCode | "plan";
  /** Expected 1-based line of the diagnostic, where it points into the file. */
  line?: number;
  /** What the message must say (cases whose message was fixed to be clear). */
  message?: RegExp;
  /** Text that must appear in no diagnostic and no CLI output (the content of a file outside the project). */
  secret?: string;
}

/** BASE with `defaults.policy` naming `file`; the policy line is line 5. */
const withPolicy = (file: string) =>
  edit(BASE, "organizationId: o-a1b2c3d4e5\n", `organizationId: o-a1b2c3d4e5\ndefaults: { policy: "${file}" }\n`);
/** A policy-shaped JSON file (with a key and value that must never be echoed), written outside the specs folder. */
const SECRET = "SecretMarkerKey";
const secretPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }],
  [SECRET]: `${SECRET}-value`,
});
const outsideFile = (specs: string, name: string) => {
  const f = path.join(specs, "..", "outside", name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, secretPolicy);
  return f;
};

const nested = (open: string, close: string, n: number) =>
  `version: 1\nregion: eu-central-1\nvpcs: ${open.repeat(n)}${close.repeat(n)}\n`;
const billionLaughs =
  [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`),
  ].join("\n") + "\n";
const manyVpcs = (n: number) => {
  let t = "version: 1\nstack: many\nregion: eu-central-1\nvpcs:\n";
  for (let i = 0; i < n; i++) {
    const h = i.toString(16).padStart(4, "0");
    t +=
      `  - name: v${i}\n    id: vpc-0123456789abc${h}\n    cidr: 10.${i % 256}.0.0/16\n    subnets:\n` +
      `      - { name: a, id: subnet-0123456789abc${h}, az: eu-central-1a, ` +
      `cidr: 10.${i % 256}.1.0/24, services: [sts] }\n`;
  }
  return t;
};

const ROWS: Row[] = [
  {
    name: "policy: an absolute path to a policy-shaped file outside the specs folder",
    build: (d) => fs.writeFileSync(path.join(d, "a.yaml"), withPolicy(outsideFile(d, "p.json"))),
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: SECRET,
  },
  {
    name: "policy: /etc/passwd",
    files: { "a.yaml": withPolicy("/etc/passwd") },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: "root:",
  },
  {
    name: "policy: /dev/zero (a device that never ends)",
    files: { "a.yaml": withPolicy("/dev/zero") },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
  },
  {
    name: "policy: ../ out of the specs folder to a policy-shaped file",
    build: (d) => (outsideFile(d, "p.json"), fs.writeFileSync(path.join(d, "a.yaml"), withPolicy("../outside/p.json"))),
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: SECRET,
  },
  {
    name: "policy: ../../../../../../../../etc/hostname",
    files: { "a.yaml": withPolicy("../../../../../../../../etc/hostname") },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
  },
  {
    name: "policy: a link inside the specs folder to a file outside",
    build: (d) => {
      fs.symlinkSync(outsideFile(d, "p.json"), path.join(d, "p.json"));
      fs.writeFileSync(path.join(d, "a.yaml"), withPolicy("p.json"));
    },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: SECRET,
  },
  {
    name: "policy: a file in a linked folder that lies outside",
    build: (d) => {
      fs.symlinkSync(path.dirname(outsideFile(d, "p.json")), path.join(d, "policies"));
      fs.writeFileSync(path.join(d, "a.yaml"), withPolicy("policies/p.json"));
    },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: SECRET,
  },
  {
    name: "policy: a link to /etc/passwd",
    build: (d) => {
      fs.symlinkSync("/etc/passwd", path.join(d, "p.json"));
      fs.writeFileSync(path.join(d, "a.yaml"), withPolicy("p.json"));
    },
    expect: "POLICY_PATH_OUTSIDE",
    line: 5,
    secret: "root:",
  },
  {
    name: "policy: a file over the size limit (256 KiB) inside the specs folder",
    files: { "a.yaml": withPolicy("p.json"), "p.json": " ".repeat(MAX_POLICY_FILE_BYTES + 1) },
    expect: "POLICY_TOO_LARGE",
    line: 5,
  },
  {
    name: "policy: a file that is not JSON (its text is not echoed)",
    files: { "a.yaml": withPolicy("p.json"), "p.json": `${SECRET} = "hunter2"\n` },
    expect: "POLICY_INVALID",
    line: 5,
    message: /not valid JSON \(\w+ at line 1, column 1\)/,
    secret: SECRET,
  },
  {
    name: "policy: a folder",
    build: (d) => (
      fs.mkdirSync(path.join(d, "p.json")),
      fs.writeFileSync(path.join(d, "a.yaml"), withPolicy("p.json"))
    ),
    expect: "POLICY_FILE_MISSING",
    line: 5,
  },
  {
    name: "YAML syntax error (unclosed flow sequence)",
    files: { "a.yaml": "version: 1\nregion: [eu-central-1\nvpcs: []\n" },
    expect: "YAML_SYNTAX",
  },
  {
    name: "duplicate key",
    files: { "a.yaml": edit(BASE, "region: eu-central-1\n", "region: eu-central-1\nregion: eu-west-1\n") },
    expect: "YAML_DUPLICATE_KEY",
    line: 4,
  },
  { name: "alias bomb (billion laughs, 9^9 nodes)", files: { "a.yaml": billionLaughs }, expect: "YAML_ALIAS_LIMIT" },
  { name: "alias to an undefined anchor", files: { "a.yaml": BASE + "x: *nope\n" }, expect: "YAML_ALIAS_LIMIT" },
  {
    name: "10,000 levels of [[[",
    files: { "a.yaml": nested("[", "]", 10_000) },
    expect: "YAML_SYNTAX",
    line: 3,
    message: /nests more than 128 levels/,
  },
  {
    name: "10,000 levels of flow mappings {a: {a: ...}}",
    files: { "a.yaml": `version: 1\nvpcs: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n` },
    expect: "YAML_SYNTAX",
    line: 2,
  },
  {
    name: "1,400 levels of block mappings (indentation, ~1 MiB; 10,000 would exceed the size limit)",
    files: { "a.yaml": Array.from({ length: 1400 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n" },
    expect: "YAML_SYNTAX",
    line: 129,
  },
  {
    name: "10,000 list indicators on one line (- - - ...)",
    files: { "a.yaml": `vpcs:\n${"- ".repeat(10_000)}1\n` },
    expect: "YAML_SYNTAX",
    line: 2,
  },
  {
    name: "~1 MiB of [ (just under the size limit)",
    files: { "a.yaml": `vpcs: ${"[".repeat(MAX_SPEC_BYTES - 100)}\n` },
    expect: "YAML_SYNTAX",
    line: 1,
  },
  {
    name: "33 levels: over MAX_DEPTH, under the pre-parse guard",
    files: { "a.yaml": BASE + `tags: ${"[".repeat(33)}${"]".repeat(33)}\n` },
    expect: "YAML_SYNTAX",
    line: 1,
    message: /nests too deeply|levels deep/,
  },
  {
    name: "file over 1 MiB",
    files: { "a.yaml": "# " + "x".repeat(MAX_SPEC_BYTES + 10) + "\n" },
    expect: "FILE_TOO_LARGE",
  },
  { name: "large but allowed file (1,500 VPCs, ~0.3 MiB)", files: { "a.yaml": manyVpcs(1500) }, expect: "plan" },
  {
    name: "non-UTF-8 bytes",
    files: {
      "a.yaml": Buffer.concat([Buffer.from("version: 1\nregion: "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]),
    },
    expect: "FILE_NOT_UTF8",
    line: 2,
  },
  {
    name: "UTF-16 file (with its BOM)",
    files: { "a.yaml": Buffer.from("\ufeffversion: 1\n", "utf16le") },
    expect: "FILE_NOT_UTF8",
    line: 1,
  },
  {
    name: "UTF-8 BOM before a valid spec",
    files: { "a.yaml": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE)]) },
    expect: "plan",
  },
  { name: "empty file", files: { "a.yaml": "" }, expect: "EMPTY_SPEC" },
  { name: "only comments", files: { "a.yaml": "# a spec, one day\n# not yet\n" }, expect: "EMPTY_SPEC" },
  { name: "only whitespace and newlines", files: { "a.yaml": "\n  \n\n" }, expect: "EMPTY_SPEC" },
  {
    name: "a spec that is a list",
    files: { "a.yaml": "- version: 1\n- region: eu-central-1\n" },
    expect: "NOT_A_MAPPING",
    line: 1,
  },
  { name: "a spec that is a scalar", files: { "a.yaml": "just some text\n" }, expect: "NOT_A_MAPPING", line: 1 },
  { name: "a spec that is null", files: { "a.yaml": "null\n" }, expect: "EMPTY_SPEC" },
  { name: "a spec that is ~ (null)", files: { "a.yaml": "~\n" }, expect: "EMPTY_SPEC" },
  {
    name: "two YAML documents in one file (---)",
    files: { "a.yaml": BASE + "---\n" + BASE },
    expect: "YAML_SYNTAX",
    line: 22,
    message: /more than one YAML document/,
  },
  {
    name: "tabs as indentation",
    files: { "a.yaml": edit(BASE, "    id: vpc-", "\tid: vpc-") },
    expect: "YAML_SYNTAX",
    line: 7,
  },
  {
    name: "non-YAML files beside a valid spec (README.md, policy.json, .yaml.bak)",
    files: {
      "a.yaml": BASE,
      "README.md": "# not a spec: {[",
      "policy.json": "{ not json",
      "a.yaml.bak": "garbage: [",
      "notes.txt": "\u0000\u0001",
    },
    expect: "plan",
  },
  { name: "only non-YAML files", files: { "README.md": "# hello", "policy.json": "{}" }, expect: "NO_SPECS" },
  {
    name: "dangling symlink named like a spec",
    build: (d) => {
      fs.writeFileSync(path.join(d, "ok.yaml"), BASE);
      fs.symlinkSync(path.join(d, "missing-target"), path.join(d, "broken.yaml"));
    },
    expect: "FILE_UNREADABLE",
  },
  {
    name: "a directory named x.yaml (holding a valid spec)",
    build: (d) => {
      fs.mkdirSync(path.join(d, "x.yaml"));
      fs.writeFileSync(path.join(d, "x.yaml", "a.yaml"), BASE);
    },
    expect: "plan",
  },
  {
    name: "a binary file named x.yaml",
    files: { "x.yaml": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)) },
    expect: "FILE_NOT_UTF8",
  },
  {
    name: "NUL byte in an otherwise UTF-8 file (read as part of the value)",
    files: { "x.yaml": "version: 1\u0000\nregion: x\n" },
    expect: "UNSUPPORTED_VERSION",
    line: 1,
  },
  {
    name: "!!binary tag",
    files: { "a.yaml": BASE + "tags: { x: !!binary aGVsbG8= }\n" },
    expect: "WRONG_TYPE",
    line: 22,
  },
  {
    name: "!!js/function tag",
    files: { "a.yaml": edit(BASE, "region: eu-central-1", "region: !!js/function 'function () { return 1 }'") },
    expect: "YAML_SYNTAX",
    line: 3,
  },
  {
    name: "custom tag !custom",
    files: { "a.yaml": edit(BASE, "region: eu-central-1", "region: !custom eu-central-1") },
    expect: "YAML_SYNTAX",
    line: 3,
    message: /Unresolved tag: !custom/,
  },
  {
    name: "!!float on a string field (YAML 1.1 tag)",
    files: { "a.yaml": edit(BASE, "stack: base", "stack: !!float base") },
    expect: "YAML_SYNTAX",
    line: 2,
  },
  { name: "unknown directive %FOO", files: { "a.yaml": "%FOO bar\n---\n" + BASE }, expect: "YAML_SYNTAX", line: 1 },
  {
    name: "!!set tag where a list is expected",
    files: {
      "a.yaml": edit(
        BASE,
        "services: [s3, ssm]\n      - name: app-b",
        "services: !!set { s3, ssm }\n      - name: app-b",
      ),
    },
    expect: "WRONG_TYPE",
    line: 15,
  },
  {
    name: "account unquoted (a number)",
    files: { "a.yaml": edit(BASE, "stack: base", "stack: base\naccount: 111122223333") },
    expect: "WRONG_TYPE",
    line: 3,
  },
  {
    name: "id: 0x1F (a hex number)",
    files: { "a.yaml": edit(BASE, "id: vpc-0123456789abcdef0", "id: 0x1F") },
    expect: "WRONG_TYPE",
    line: 7,
  },
  {
    name: "version: '1' (a string)",
    files: { "a.yaml": edit(BASE, "version: 1", "version: '1'") },
    expect: "UNSUPPORTED_VERSION",
    line: 1,
  },
  {
    name: "name: yes / no / on (YAML 1.1 booleans stay strings)",
    files: { "a.yaml": edit(BASE, "name: main", "name: on") },
    expect: "plan",
  },
  {
    name: "a 200,000-character string value",
    files: { "a.yaml": edit(BASE, "stack: base", `stack: ${"a".repeat(200_000)}`) },
    expect: "INVALID_VALUE",
    line: 2,
  },
  {
    name: "a 200,000-character key",
    files: { "a.yaml": BASE + `${"k".repeat(200_000)}: 1\n` },
    expect: "YAML_SYNTAX",
    line: 22,
  },
  {
    name: "a 200,000-character service name",
    files: {
      "a.yaml": edit(
        BASE,
        "services: [s3, ssm]\n      - name: app-b",
        `services: [s3, ${"s".repeat(200_000)}]\n      - name: app-b`,
      ),
    },
    expect: "UNKNOWN_SERVICE",
    line: 15,
    message: /unknown service "s{77}\.\.\."/,
  },
  {
    name: "__proto__ at the top level",
    files: { "a.yaml": BASE + "__proto__: { polluted: true }\n" },
    expect: "UNKNOWN_FIELD",
    line: 22,
  },
  {
    name: "constructor.prototype at the top level",
    files: { "a.yaml": BASE + "constructor: { prototype: { polluted: true } }\n" },
    expect: "UNKNOWN_FIELD",
    line: 22,
  },
  {
    name: "__proto__ in a VPC",
    files: {
      "a.yaml": edit(BASE, "    cidr: 10.20.0.0/16\n", "    cidr: 10.20.0.0/16\n    __proto__: { polluted: true }\n"),
    },
    expect: "UNKNOWN_FIELD",
    line: 9,
  },
  {
    name: "__proto__ as an endpoints key",
    files: {
      "a.yaml":
        BASE +
        "    endpoints:\n" +
        "      __proto__: { serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 }\n",
    },
    expect: "INVALID_VALUE",
    line: 23,
  },
  {
    name: "an endpoints key outside the pattern with a null value",
    files: { "a.yaml": BASE + "    endpoints:\n      _x: null\n" },
    expect: "INVALID_VALUE",
    line: 23,
  },
  {
    name: "an endpoints key outside the pattern with a wrong-typed value",
    files: { "a.yaml": BASE + "    endpoints:\n      Bad Key: { serviceName: x, allowedCidrs: 10.0.0.0/8 }\n" },
    expect: "INVALID_VALUE",
    line: 23,
  },
  {
    name: "__proto__ and constructor as tag keys (plain data, no pollution)",
    files: { "a.yaml": edit(BASE, "stack: base", "stack: base\ntags: { __proto__: x, constructor: y, toString: z }") },
    expect: "plan",
  },
  {
    name: "merge key << (YAML 1.1) in a subnet",
    files: { "a.yaml": edit(BASE, "      - name: app-b\n", "      - <<: { name: app-b }\n        name: app-b\n") },
    expect: "UNKNOWN_FIELD",
    line: 16,
  },
];

const ws = workspace("vpce-hostile-", ["specs", "catalog", "out"]);
afterAll(() => ws.cleanup());

beforeAll(() => {
  // the reference: median of three runs of a tenth of the largest row
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    prepare({ name: "reference", files: { "a.yaml": manyVpcs(150) }, expect: "plan" });
    const t0 = Date.now();
    runPipeline(ws.dirs.specs, { dumpDir: ws.dirs.catalog });
    times.push(Date.now() - t0);
  }
  timeBoundMs = Math.max(TIME_BOUND_MS, TIME_BOUND_FACTOR * times.sort((a, b) => a - b)[1]);
});

function prepare(row: Row): void {
  fs.rmSync(ws.dirs.specs, { recursive: true, force: true });
  fs.mkdirSync(ws.dirs.specs, { recursive: true });
  for (const [rel, content] of Object.entries(row.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(ws.dirs.specs, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws.dirs.specs, rel), content);
  }
  row.build?.(ws.dirs.specs);
}

function prototypeSnapshot(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(Array.prototype).sort(),
    Object.getOwnPropertyNames(Function.prototype).sort(),
  ]);
}

const PROTO = prototypeSnapshot();

describe("hostile input", () => {
  test.each(ROWS.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    prepare(row);
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    let result: ReturnType<typeof runPipeline> | undefined;
    expect(() => {
      result = runPipeline(ws.dirs.specs, { dumpDir: ws.dirs.catalog });
    }).not.toThrow();
    const ms = Date.now() - t0;
    const heap = process.memoryUsage().heapUsed - heap0;
    const r = result as ReturnType<typeof runPipeline>;
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (row.expect === "plan") {
      expect(errors.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
      expect(r.plan).toBeDefined();
    } else {
      expect(r.plan).toBeUndefined();
      const hits = errors.filter((d) => d.code === row.expect);
      expect({ codes: errors.map((d) => d.code), has: hits.length > 0 }).toMatchObject({ has: true });
      if (row.line !== undefined) expect(hits.map((d) => d.pos?.line)).toContain(row.line);
      if (row.message) expect(hits.map((d) => d.message).join("\n")).toMatch(row.message);
      // a 200,000-character value is not echoed whole
      for (const d of hits) expect(d.message.length).toBeLessThan(2000);
      if (row.secret) expect(JSON.stringify(r.diagnostics)).not.toContain(row.secret);
    }
    expect({ ms, timeBoundMs, bounded: ms < timeBoundMs }).toMatchObject({ bounded: true });
    expect({ heapMB: Math.round(heap / 1e6), bounded: heap < HEAP_BOUND_BYTES }).toMatchObject({ bounded: true });
    expect(prototypeSnapshot()).toBe(PROTO);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // the CLI: the right exit code, the code printed with file:line:col, no stack trace, nothing written on error
    const lines: string[] = [];
    const io: Io = { out: (t) => lines.push(t), err: (t) => lines.push(t), env: {} };
    fs.rmSync(ws.dirs.out, { recursive: true, force: true });
    const code = run(["validate", "--specs", ws.dirs.specs], io);
    const text = lines.join("\n");
    expect(text).not.toMatch(/internal error|\n\s+at .+[:(]\d+:\d+\)?/);
    if (row.secret) expect(text).not.toContain(row.secret);
    expect(code).toBe(row.expect === "plan" ? 0 : 1);
    if (row.expect !== "plan") {
      expect(text).toMatch(new RegExp(`(:\\d+:\\d+)?: error ${row.expect}`));
      expect(
        run(["synth", "--specs", ws.dirs.specs, "--out", ws.dirs.out], {
          ...io,
          out: () => undefined,
          err: () => undefined,
        }),
      ).toBe(1);
      expect(fs.existsSync(ws.dirs.out)).toBe(false);
    }
  });

  test("the pre-parse nesting guard accepts what specs look like and stops what they do not", () => {
    // GIVEN ordinary specs, brackets inside quoted strings, comments and words like don't  THEN no alarm
    expect(scanNesting(BASE)).toBeUndefined();
    expect(
      scanNesting(
        `a: "${"[".repeat(500)}"\nb: '${"{".repeat(500)}'\n# ${"[".repeat(500)}\nc: don't ${"x".repeat(10)}\n`,
      ),
    ).toBeUndefined();
    // GIVEN nesting deeper than the guard  THEN it stops at the first level too many
    expect(scanNesting(`a: ${"[".repeat(129)}`)).toEqual({ offset: 3 + 128 });
    expect(scanNesting(`x: don't\na: ${"{".repeat(200)}`)).toBeDefined();
  });
});
