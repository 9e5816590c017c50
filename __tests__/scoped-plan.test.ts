/**
 * A scoped run (`planInputs(inputs, { only })`, what `vpce synth --stack / --changed-since` does): only the selected
 * stacks are planned, each exactly as in a full run, and the checks keep what matters for them. Every case compares
 * with the full run of the same specs: the load-stage findings (fields, across files) are every file's either way;
 * the plan-stage findings are the planned stacks' own, plus those of the rules that look across stacks (the
 * region-wide gateway quota, a planned hub's zone capturing an unplanned spoke), exactly as the full run gives them.
 */
import { hasErrors, type Diagnostic } from "../src/diagnostics";
import { loadInputs, planInputs } from "../src/pipeline";
import { selectStacks, stackRelations } from "../src/cli/select-stacks";
import { writeTree } from "./helpers";
import { scopedOrganisation as organisation } from "./hub-support";
import type { SpecDoc } from "./rules/support";

const key = (d: Diagnostic) => `${d.code} ${d.file.replace(/^.*\//, "")}:${d.pos?.line}:${d.pos?.col} ${d.message}`;
const short = (d: Diagnostic) => `${d.code} ${d.file.replace(/^.*\//, "")}`;

interface Case {
  name: string;
  /** Edits to the organisation's spec documents, by file. */
  edits?: Record<string, (s: SpecDoc) => void>;
  /** The stacks asked for; the selection adds the stacks hub relations tie to them (selectStacks). */
  seeds: string[];
  planned: string[];
  /** Plan-stage findings (code and file) the scoped run still reports at the files of stacks it did not plan. */
  atUnplanned: string[];
  /** Codes the scoped run must report (whatever the full run does): the point of the case. */
  reports?: string[];
}

const cases: Case[] = [
  {
    name: "a stack without relations: itself only; the quota crossed by another stack is still reported there",
    seeds: ["g03"],
    planned: ["g03"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
    reports: ["GATEWAY_QUOTA"],
  },
  {
    name: "the stack crossing the gateway quota: counted with every unplanned stack before it",
    seeds: ["g08"],
    planned: ["g08"],
    atUnplanned: [],
    reports: ["GATEWAY_QUOTA"],
  },
  {
    name: "a change that adds gateways earlier moves the crossing, as in the full run",
    edits: { "alone.yaml": (s) => (s.vpcs[0].subnets[0].services = ["kms", "s3", "dynamodb"]) },
    seeds: ["alone"],
    planned: ["alone"],
    atUnplanned: ["GATEWAY_QUOTA g07.yaml"],
  },
  {
    name: "a spoke plans its hub (the hub admits and associates it); its capture by the hub's zone is reported",
    seeds: ["a-orders"],
    planned: ["a-orders", "network-hub"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
    reports: ["HUB_ZONE_CAPTURE"],
  },
  {
    name: "a cross-account spoke plans its hub: the hub's cost for it is judged",
    seeds: ["payments"],
    planned: ["network-hub", "payments"],
    // the hub's kms and logs zones capture subnets of a-orders: unplanned, reported at its useHub all the same
    atUnplanned: ["HUB_ZONE_CAPTURE a-orders.yaml", "HUB_ZONE_CAPTURE a-orders.yaml", "GATEWAY_QUOTA g08.yaml"],
    reports: ["HUB_DEARER_THAN_LOCAL"],
  },
  {
    name: "a hub plans every spoke",
    seeds: ["network-hub"],
    planned: ["a-orders", "network-hub", "payments"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
    reports: ["HUB_ZONE_CAPTURE", "HUB_DEARER_THAN_LOCAL"],
  },
  {
    name: "a spoke of a hub serving a gateway service: the two planned, the quota as in the full run",
    seeds: ["edge-spoke"],
    planned: ["edge-hub", "edge-spoke"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
  },
  {
    name: "a plan-stage error of the selected stack is reported (and blocks: no plan)",
    edits: { "g05.yaml": (s) => delete s.vpcs[0].subnets[0].routeTable },
    seeds: ["g05"],
    planned: ["g05"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
    reports: ["ROUTE_TABLE_REQUIRED"],
  },
  {
    name: "a plan-stage error of an unselected stack is found only by a full run (vpce validate)",
    edits: { "g07.yaml": (s) => delete s.vpcs[0].subnets[0].routeTable },
    seeds: ["g05"],
    planned: ["g05"],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
  },
  {
    name: "a load-stage error anywhere is reported as in the full run, and blocks",
    edits: { "g07.yaml": (s) => (s.vpcs[0].subnets[0].cidr = "10.99.1.0/24") },
    seeds: ["g05"],
    planned: ["g05"],
    // g07 has no model, so no plan and no gateways: the quota is crossed one stack later (the full run counts alike)
    atUnplanned: ["GATEWAY_QUOTA g09.yaml"],
    reports: ["CIDR_NOT_IN_VPC"],
  },
  {
    name: "nothing selected: nothing planned, the load-stage findings stay",
    seeds: [],
    planned: [],
    atUnplanned: ["GATEWAY_QUOTA g08.yaml"],
  },
];

describe("planInputs with only: what a scoped run plans and checks", () => {
  test.each(cases)("$name", ({ edits, seeds, planned, atUnplanned, reports }) => {
    const dir = writeTree(organisation(edits));
    const empty = writeTree({});
    const inputs = loadInputs(dir, { dumpDir: empty, inventoryDir: empty, env: {} });
    const full = planInputs(inputs);
    const only = new Set(
      selectStacks({
        seeds: new Map(seeds.map((s) => [s, "asked"])),
        relations: stackRelations(inputs.models),
      }).map((s) => s.stack),
    );
    const scoped = planInputs(inputs, { only });
    const draft = scoped.draft?.stacks ?? [];
    expect(draft.map((s) => s.stack)).toEqual(planned);
    // each planned stack exactly as the full run plans it
    for (const s of draft) expect(s).toEqual(full.draft?.stacks.find((x) => x.stack === s.stack));
    // the findings: the full run's, less the plan-stage ones at the unplanned stacks' files but `atUnplanned`
    const plannedFiles = new Set(draft.map((s) => s.file));
    const loadStage = new Set(inputs.diagnostics);
    const expected = full.diagnostics.filter(
      (d) => loadStage.has(d) || plannedFiles.has(d.file) || atUnplanned.includes(short(d)),
    );
    expect(scoped.diagnostics.map(key)).toEqual(expected.map(key));
    expect(scoped.diagnostics.filter((d) => !loadStage.has(d) && !plannedFiles.has(d.file)).map(short)).toEqual(
      atUnplanned,
    );
    for (const code of reports ?? []) expect(scoped.diagnostics.map((d) => d.code)).toContain(code);
    expect(scoped.plan === undefined).toBe(hasErrors(scoped.diagnostics));
  });
});
