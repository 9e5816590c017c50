/** synthToDir: all or nothing. */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthToDir } from "../../src/constructs/synth";
import type { Plan } from "../../src/planner/plan";
import { BASE, pipelineOf, tmpDir } from "../helpers";
import { readTree } from "../reorder";

test("a synthesis that fails half-way leaves the previous output untouched and no temporary folder", () => {
  // GIVEN a previous output
  const plan = pipelineOf({ "a.yaml": BASE }).plan as Plan;
  const out = path.join(tmpDir(), "cdktf.out");
  synthToDir(plan, out);
  fs.writeFileSync(path.join(out, "stacks", "base", "terraform.tfstate"), "{}");
  const before = readTree(out);
  // WHEN a second plan breaks inside the construct layer (two resources on one address)
  const stack = plan.stacks[0];
  const vpc = stack.vpcs[0];
  const broken: Plan = {
    stacks: [
      { ...stack, vpcs: [{ ...vpc, endpoints: [...vpc.endpoints, { ...vpc.endpoints[1], service: "again" }] }] },
      { ...stack, stack: "other" },
    ],
  };
  expect(() => synthToDir(broken, out)).toThrow();
  // THEN nothing changed, nothing is left behind
  expect(readTree(out)).toEqual(before);
  expect(fs.readdirSync(path.dirname(out))).toEqual(["cdktf.out"]);
});

test("two planned stacks of one name are refused, not written over each other", () => {
  // GIVEN a plan whose two stacks share a name (the planner never makes one)
  const plan = pipelineOf({ "a.yaml": BASE }).plan as Plan;
  const out = path.join(tmpDir(), "cdktf.out");
  // WHEN it is synthesized THEN the construct layer refuses it and writes nothing
  expect(() => synthToDir({ stacks: [plan.stacks[0], plan.stacks[0]] }, out)).toThrow("two stacks named base");
  expect(fs.existsSync(path.join(out, "manifest.json"))).toBe(false);
});
