/**
 * PlanOptions.explain false (validate, synth, the plan table without --why): the same plan and the same findings,
 * only with every endpoint's reasons empty.
 */
import * as path from "node:path";
import fc from "fast-check";
import { runPipeline, type PipelineOptions } from "../../src/pipeline";
import type { Plan } from "../../src/planner/plan";
import { stringify } from "yaml";
import { ROOT, writeTree } from "../helpers";
import { spec } from "../rules/support";
import { specSetArb, writeSet } from "../property/arbitraries";
import { runs, SEED, workspace } from "../property/support";

const ws = workspace("vpce-explain-", ["in", "dumps"]);
afterAll(() => ws.cleanup());

const endpointsOf = (plan?: Plan) => plan?.stacks.flatMap((s) => s.vpcs.flatMap((v) => v.endpoints)) ?? [];

/** The plan with every endpoint's reasons emptied: what a plan without reasons must equal. */
function withoutReasons(plan?: Plan): Plan | undefined {
  if (!plan) return undefined;
  return {
    stacks: plan.stacks.map((s) => ({
      ...s,
      vpcs: s.vpcs.map((v) => ({ ...v, endpoints: v.endpoints.map((e) => ({ ...e, reasons: [] })) })),
    })),
  };
}

function expectSameButReasons(dir: string, opts: PipelineOptions): void {
  const full = runPipeline(dir, opts);
  const bare = runPipeline(dir, { ...opts, explain: false });
  expect(bare.diagnostics).toEqual(full.diagnostics);
  expect(bare.draft).toEqual(withoutReasons(full.draft));
  expect(bare.plan === undefined).toBe(full.plan === undefined);
  // not an empty comparison: the full plan explains every endpoint, the bare one none
  expect(endpointsOf(full.draft).every((e) => e.reasons.length > 0)).toBe(true);
  expect(endpointsOf(bare.draft).every((e) => e.reasons.length === 0)).toBe(true);
}

const DUMPS = path.join(ROOT, "__tests__", "region-dumps", "fixtures", "dumps");
const INVENTORY = path.join(ROOT, "__tests__", "inventory", "fixtures", "basic");
/** The spec the inventory fixture was recorded for: its endpoints are adopted. */
const ADOPTING = writeTree({ "base.yaml": stringify(spec()) });

test.each([
  ["the examples", "specs", { dumpDir: ws.dirs.dumps }],
  ["the examples with region dumps", "specs", { dumpDir: DUMPS }],
  ["a spec with an inventory (adoptions)", ADOPTING, { dumpDir: ws.dirs.dumps, inventoryDir: INVENTORY }],
  ["the valid fixtures", "__tests__/fixtures/valid", { dumpDir: ws.dirs.dumps }],
  ["a hub and its spokes", "__tests__/fixtures/hub-example", { dumpDir: ws.dirs.dumps }],
])("%s: the same plan and findings without reasons", (_, dir, opts) => {
  expectSameButReasons(path.resolve(ROOT, dir), opts);
});

test("the inventory case adopts something (the adoption reason is left out too)", () => {
  const r = runPipeline(ADOPTING, { dumpDir: ws.dirs.dumps, inventoryDir: INVENTORY });
  expect(endpointsOf(r.draft).some((e) => e.adopt !== undefined)).toBe(true);
});

test(`generated spec folders: the same plan and findings without reasons (${runs(60)} folders)`, () => {
  fc.assert(
    fc.property(specSetArb, (set) => {
      writeSet(ws.dirs.in, set);
      expectSameButReasons(ws.dirs.in, { dumpDir: ws.dirs.dumps });
    }),
    { numRuns: runs(60), seed: SEED },
  );
});
