/** `--specs` naming one spec file: its policy files are read from beside it, and nothing outside that folder. */
import * as path from "node:path";
import { stringify } from "yaml";
import { runPipeline } from "../../src/pipeline";
import { writeTree } from "../helpers";
import { spec } from "../rules/support";

const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "ssm:*", Resource: "*" }],
});

function withPolicy(file: string): string {
  return stringify(spec((s) => (s.vpcs[0].endpoints = { ssm: { policy: file } })));
}

test("a policy file beside the one spec file given is read", () => {
  const root = writeTree({ "specs/a.yaml": withPolicy("policies/ssm.json"), "specs/policies/ssm.json": POLICY });
  const r = runPipeline(path.join(root, "specs", "a.yaml"), { dumpDir: writeTree({}) });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(r.plan?.stacks[0].vpcs[0].endpoints.find((e) => e.service === "ssm")?.policy.kind).toBe("file");
});

test("a policy file above the one spec file's folder is still outside", () => {
  const root = writeTree({ "specs/a.yaml": withPolicy("../ssm.json"), "ssm.json": POLICY });
  const r = runPipeline(path.join(root, "specs", "a.yaml"), { dumpDir: writeTree({}) });
  expect(r.diagnostics.map((d) => d.code)).toContain("POLICY_PATH_OUTSIDE");
  expect(r.plan).toBeUndefined();
});
