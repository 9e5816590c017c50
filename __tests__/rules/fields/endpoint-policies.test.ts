import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import type { Diagnostic } from "../../../src/diagnostics";
import { MAX_POLICY_FILE_BYTES } from "../../../src/input/resolve";
import { runPipeline } from "../../../src/pipeline";
import { tmpDir } from "../../helpers";
import { findings, runSpecs, spec } from "../support";

const statement = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" };
const policy = (doc: unknown) => JSON.stringify(doc, null, 2);
const withPolicy = (file: string) => spec((s) => (s.defaults = { policy: file }));

describe("endpoint-policies", () => {
  test("Noncompliance: ORG_ID_REQUIRED for org-only without organizationId", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.organizationId;
        s.vpcs[0].endpoints = { ssm: { policy: "org-only" } };
      }),
    });
    expect(findings(r, "ORG_ID_REQUIRED").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.policy"]);
  });

  test("Compliance: org-only with organizationId", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { policy: "org-only" } })) });
    expect(findings(r, "ORG_ID_REQUIRED")).toEqual([]);
  });

  test("Noncompliance: POLICY_FILE_MISSING for a path that does not exist", () => {
    const r = runSpecs({ "a.yaml": withPolicy("policies/s3.json") });
    const [d] = findings(r, "POLICY_FILE_MISSING");
    expect(d.path).toBe("defaults.policy");
    expect(d.message).toContain("policies/s3.json");
  });

  test("Noncompliance: POLICY_INVALID for a file that is not JSON, and for a statement without Effect", () => {
    const notJson = runSpecs({ "a.yaml": withPolicy("p.json"), "p.json": "{ Version: 2012-10-17" });
    expect(findings(notJson, "POLICY_INVALID")[0].message).toMatch(/not valid JSON/);
    const noEffect = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [{ ...statement, Effect: "Maybe" }] }),
    });
    expect(findings(noEffect, "POLICY_INVALID")[0].message).toContain("Statement[0].Effect");
  });

  test("Noncompliance: POLICY_NO_PRINCIPAL for a statement without Principal", () => {
    const { Principal: _, ...noPrincipal } = statement;
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [noPrincipal] }),
    });
    expect(findings(r, "POLICY_NO_PRINCIPAL").map((d) => d.path)).toEqual(["defaults.policy"]);
  });

  test("Noncompliance: POLICY_TOO_LARGE for a document over 20,480 characters", () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...statement, Resource: `arn:aws:s3:::bucket-${i}/*` }));
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: many }),
    });
    expect(findings(r, "POLICY_TOO_LARGE")[0].message).toContain("20480");
  });

  test("Compliance: a small IAM policy with a Principal, beside the spec", () => {
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [statement] }),
    });
    for (const code of ["POLICY_FILE_MISSING", "POLICY_INVALID", "POLICY_NO_PRINCIPAL", "POLICY_TOO_LARGE"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});

/**
 * Policy files come from inside the specs folder (or VPCE_POLICY_DIRS) only,
 * as written and after following links: specs arrive in pull requests, and
 * what a policy file holds ends up in the stack and the plan posted back.
 */
describe("endpoint-policies: where a policy file may come from", () => {
  const good = policy({ Version: "2012-10-17", Statement: [statement] });
  /** A policy-shaped file outside the specs folder, with a key that must never be echoed. */
  const secret = policy({ Version: "2012-10-17", Statement: [statement], SecretMarker: "hunter2" });
  const roots: string[] = [];
  afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  /** A work folder: `specs/` (with a.yaml naming `policyPath`) and `outside/` holding the secret file. */
  function setup(policyPath: string, build: (dirs: { specs: string; outside: string }) => void = () => undefined) {
    const root = tmpDir("vpce-policy-");
    roots.push(root);
    const specs = path.join(root, "specs");
    const outside = path.join(root, "outside");
    fs.mkdirSync(specs);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, "p.json"), secret);
    fs.writeFileSync(path.join(specs, "a.yaml"), stringify(withPolicy(policyPath)));
    build({ specs, outside });
    return { root, specs, outside };
  }

  const run = (dir: string, env: NodeJS.ProcessEnv = {}) => runPipeline(dir, { dumpDir: tmpDir(), env });
  /** Nothing of the outside file is in any diagnostic. */
  const leaksNothing = (r: { diagnostics: readonly Diagnostic[] }) => {
    const text = JSON.stringify(r.diagnostics);
    expect(text).not.toContain("SecretMarker");
    expect(text).not.toContain("hunter2");
  };

  test.each([
    ["an absolute path to a policy-shaped file", (d: string) => path.join(d, "..", "outside", "p.json"), /absolute/],
    ["../ out of the specs folder", () => "../outside/p.json", /outside the specs folder/],
    ["../ to a file that does not exist (same answer: nothing is probed)", () => "../outside/nope.json", /outside/],
    ["a path that goes down and then out", () => "policies/../../outside/p.json", /outside/],
  ])("Noncompliance: POLICY_PATH_OUTSIDE for %s", (_name, policyPath, message) => {
    const w = setup("x");
    fs.writeFileSync(path.join(w.specs, "a.yaml"), stringify(withPolicy(policyPath(w.specs))));
    const r = run(w.specs);
    const [d] = findings(r, "POLICY_PATH_OUTSIDE");
    expect(d).toMatchObject({ path: "defaults.policy", pos: { line: expect.any(Number) } });
    expect(d.message).toMatch(message);
    expect(findings(r, "POLICY_FILE_MISSING")).toEqual([]);
    expect(r.plan).toBeUndefined();
    leaksNothing(r);
  });

  test("Noncompliance: POLICY_PATH_OUTSIDE for a link inside the specs folder to a file outside", () => {
    const w = setup("p.json", ({ specs, outside }) =>
      fs.symlinkSync(path.join(outside, "p.json"), path.join(specs, "p.json")),
    );
    const r = run(w.specs);
    expect(findings(r, "POLICY_PATH_OUTSIDE").map((d) => d.message)).toEqual([expect.stringMatching(/link/)]);
    expect(r.plan).toBeUndefined();
    leaksNothing(r);
  });

  test("Noncompliance: POLICY_PATH_OUTSIDE for a file in a linked folder that lies outside", () => {
    const w = setup("policies/p.json", ({ specs, outside }) => fs.symlinkSync(outside, path.join(specs, "policies")));
    const r = run(w.specs);
    expect(findings(r, "POLICY_PATH_OUTSIDE").map((d) => d.path)).toEqual(["defaults.policy"]);
    leaksNothing(r);
  });

  test("Compliance: links that stay inside the specs folder, and a specs folder that is itself a link", () => {
    const w = setup("p.json", ({ specs }) => {
      fs.mkdirSync(path.join(specs, "real"));
      fs.writeFileSync(path.join(specs, "real", "p.json"), good);
      fs.symlinkSync(path.join(specs, "real", "p.json"), path.join(specs, "p.json"));
    });
    const linked = path.join(w.root, "specs-link");
    fs.symlinkSync(w.specs, linked);
    for (const dir of [w.specs, linked]) {
      const r = run(dir);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.plan).toBeDefined();
    }
  });

  test("Compliance: a folder named in VPCE_POLICY_DIRS (relative to the working directory) may hold policies", () => {
    const w = setup("../shared/p.json", ({ outside }) => {
      fs.mkdirSync(path.join(outside, "..", "shared"));
      fs.writeFileSync(path.join(outside, "..", "shared", "p.json"), good);
    });
    const shared = path.relative(process.cwd(), path.join(w.root, "shared"));
    const elsewhere = path.join(w.root, "elsewhere");
    // GIVEN the folder is not named  THEN outside; GIVEN it is (among others)  THEN read
    expect(findings(run(w.specs), "POLICY_PATH_OUTSIDE")).toHaveLength(1);
    const r = run(w.specs, { VPCE_POLICY_DIRS: [elsewhere, shared].join(path.delimiter) });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.plan).toBeDefined();
  });

  test("Noncompliance: POLICY_TOO_LARGE for a file over the size limit (it is not read)", () => {
    const w = setup("big.json", ({ specs }) =>
      fs.writeFileSync(path.join(specs, "big.json"), " ".repeat(MAX_POLICY_FILE_BYTES + 1)),
    );
    expect(findings(run(w.specs), "POLICY_TOO_LARGE").map((d) => d.message)).toEqual([
      expect.stringContaining(`${MAX_POLICY_FILE_BYTES + 1} bytes`),
    ]);
  });

  test("Noncompliance: POLICY_INVALID says what is wrong without quoting the file's values", () => {
    const w = setup("p.json", ({ specs }) =>
      fs.writeFileSync(
        path.join(specs, "p.json"),
        '{\n  "Version": "hunter2",\n  "Statement": [{ "Effect": "hunter2" ]\n}',
      ),
    );
    const notJson = run(w.specs);
    expect(findings(notJson, "POLICY_INVALID").map((d) => d.message)).toEqual([
      expect.stringMatching(/not valid JSON \(\w+ at line 3, column \d+\)/),
    ]);
    leaksNothing(notJson);
    const keys = Array.from({ length: 8 }, (_, i) => `Key${i}`);
    fs.writeFileSync(
      path.join(w.specs, "p.json"),
      policy({
        Version: "hunter2",
        Statement: [{ ...statement, Effect: "hunter2" }],
        ...Object.fromEntries(keys.map((k) => [k, "hunter2"])),
      }),
    );
    const invalid = run(w.specs);
    const messages = findings(invalid, "POLICY_INVALID").map((d) => d.message.replace('policy file "p.json": ', ""));
    expect(messages.sort()).toEqual([
      'Statement[0].Effect must be "Allow" or "Deny".',
      "Version is not an IAM policy version.",
      'unknown top-level key(s) "Key0", "Key1", "Key2", "Key3", "Key4" and 3 more.',
    ]);
    leaksNothing(invalid);
  });
});
