/**
 * Matching existing endpoints (an inventory) with planned ones, table-driven: which existing endpoint gets which
 * action, and what the first apply changes on an adopted one.
 */
import { decideAdoption } from "../../src/planner/decisions/adoption";
import type { VpcModel } from "../../src/input/spec-model";
import { ENDPOINT_REPLACEMENT } from "../../src/planner/replacements";
import { existing, FULL_ACCESS, inventory, runWithInventory } from "../inventory/support";
import { spec, type SpecDoc } from "../rules/support";

const RTB_A = "rtb-0aaaaaaaaaaaaaaa1";
const RTB_B = "rtb-0bbbbbbbbbbbbbbb2";
const SUB_A = "subnet-0aaaaaaaaaaaaaaa1";
const DENY_ALL = '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}';

interface Case {
  name: string;
  edit?: (s: SpecDoc) => void;
  entries: SpecDoc[];
  /** `<id> <action>` per existing endpoint of the VPC, sorted by id. */
  actions: string[];
  /** For each adopted endpoint (by id): the changed arguments, in order, with `!` for a replacing one. */
  changes?: Record<string, string[]>;
  notes?: Record<string, RegExp>;
}

const CASES: Case[] = [
  {
    name: "a gateway of the service on one of the route tables: adopted, the other route table added",
    entries: [existing({ id: "vpce-0a000000000000001", service: "s3", type: "Gateway", routeTables: [RTB_A] })],
    actions: ["vpce-0a000000000000001 adopt"],
    changes: { "vpce-0a000000000000001": ["route_table_ids", "tags"] },
  },
  {
    name: "an exact twin (both route tables, vpce's tags): adopted with no change",
    entries: [
      existing({
        id: "vpce-0a000000000000001",
        service: "s3",
        type: "Gateway",
        routeTables: [RTB_B, RTB_A],
        tags: { Name: "main-s3", "vpce:service": "s3" },
      }),
    ],
    actions: ["vpce-0a000000000000001 adopt"],
    changes: { "vpce-0a000000000000001": [] },
  },
  {
    name: "an interface endpoint in one subnet with the default group: subnets and groups change, old group noted",
    entries: [existing({ id: "vpce-0a000000000000002", service: "ssm", subnets: [SUB_A] })],
    actions: ["vpce-0a000000000000002 adopt"],
    changes: { "vpce-0a000000000000002": ["subnet_ids", "security_group_ids", "tags"] },
    notes: { "vpce-0a000000000000002": /sg-0123456789abcdef0 are detached from the endpoint, not deleted/ },
  },
  {
    name: "private DNS off where the plan turns it on",
    entries: [existing({ id: "vpce-0a000000000000002", service: "ssm", privateDns: false })],
    actions: ["vpce-0a000000000000002 adopt"],
    changes: { "vpce-0a000000000000002": ["security_group_ids", "private_dns_enabled", "tags"] },
  },
  {
    name: "org-only policy over AWS's default: the policy changes",
    edit: (s) => (s.defaults = { policy: "org-only" }),
    entries: [existing({ id: "vpce-0a000000000000002", service: "ssm", policy: FULL_ACCESS })],
    actions: ["vpce-0a000000000000002 adopt"],
    changes: { "vpce-0a000000000000002": ["security_group_ids", "policy", "tags"] },
  },
  {
    name: "a restrictive policy and a full-access plan: Terraform keeps it, and adopt says so",
    entries: [existing({ id: "vpce-0a000000000000002", service: "ssm", policy: DENY_ALL })],
    actions: ["vpce-0a000000000000002 adopt"],
    changes: { "vpce-0a000000000000002": ["security_group_ids", "tags"] },
    notes: { "vpce-0a000000000000002": /policy is not full access and stays as it is/ },
  },
  {
    name: "pendingAcceptance counts as live; an endpoint of another VPC is not this VPC's",
    entries: [
      existing({ id: "vpce-0a000000000000002", service: "ssm", state: "pendingAcceptance" }),
      existing({ id: "vpce-0a000000000000009", service: "ssm", vpcId: "vpc-0fedcba9876543210" }),
    ],
    actions: ["vpce-0a000000000000002 adopt"],
  },
  {
    name: "deleted, deleting, rejected, failed and expired endpoints are left alone",
    entries: ["deleted", "deleting", "rejected", "failed", "expired"].map((state, i) =>
      existing({ id: `vpce-0a00000000000001${i}`, service: "ssm", state }),
    ),
    actions: [],
  },
  {
    name: "the service of another type (an S3 interface where the plan has the gateway) is unrequested",
    entries: [existing({ id: "vpce-0a000000000000003", service: "s3", type: "Interface", privateDns: false })],
    actions: ["vpce-0a000000000000003 unrequested"],
  },
  {
    name: "a service no spec asks for is unrequested; listed under retire it is imported to be deleted",
    edit: (s) => (s.vpcs[0].retire = { "vpce-0a000000000000005": "adopt" }),
    entries: [
      existing({ id: "vpce-0a000000000000004", service: "kms" }),
      existing({ id: "vpce-0a000000000000005", service: "sqs" }),
    ],
    actions: ["vpce-0a000000000000004 unrequested", "vpce-0a000000000000005 retire"],
  },
  {
    name: "a cross-region endpoint matches by service name and service region",
    edit: (s) => {
      s.vpcs[0].endpoints = { "s3-west": { service: "s3", serviceRegion: "us-west-2" } };
      s.vpcs[0].subnets[0].services.push("s3-west");
    },
    entries: [
      existing({
        id: "vpce-0a000000000000006",
        service: "s3",
        region: "us-west-2",
        privateDns: true,
        subnets: [SUB_A],
      }),
    ],
    actions: ["vpce-0a000000000000006 adopt"],
    changes: { "vpce-0a000000000000006": ["security_group_ids", "tags"] },
  },
  {
    name: "a spec with an account: another account's endpoints in the region's inventory are not its own",
    edit: (s) => (s.account = "111122223333"),
    entries: [
      existing({ id: "vpce-0a000000000000007", service: "ssm", owner: "999999999999" }),
      existing({ id: "vpce-0a000000000000008", service: "ssm", privateDns: false }),
    ],
    actions: ["vpce-0a000000000000008 adopt"],
  },
  {
    name: "a spec without an account: every owner's endpoints of its VPC are its own",
    entries: [existing({ id: "vpce-0a000000000000007", service: "kms", owner: "999999999999" })],
    actions: ["vpce-0a000000000000007 unrequested"],
  },
];

describe("adoption: matching existing endpoints with the plan", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = runWithInventory({ "a.yaml": spec(c.edit) }, { "eu-central-1.json": inventory(c.entries) });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const vpc = r.plan?.stacks[0].vpcs[0];
    const rows = [...(vpc?.existing ?? [])].sort((a, b) => a.endpointId.localeCompare(b.endpointId));
    expect(rows.map((e) => `${e.endpointId} ${e.action}`)).toEqual(c.actions);
    for (const [id, args] of Object.entries(c.changes ?? {})) {
      const adopted = vpc?.endpoints.find((e) => e.adopt?.endpointId === id);
      expect(adopted?.adopt?.changes.map((x) => (x.replaces ? `!${x.argument}` : x.argument))).toEqual(args);
      expect(adopted?.reasons.at(-1)).toContain(`adopts ${id}`);
    }
    for (const [id, note] of Object.entries(c.notes ?? {}))
      expect(rows.find((e) => e.endpointId === id)?.notes.join("\n")).toMatch(note);
  });

  test("the replacement table is data: a table that makes route_table_ids replace marks that change", () => {
    const r = runWithInventory(
      { "a.yaml": spec() },
      {
        "eu-central-1.json": inventory([
          existing({ id: "vpce-0a000000000000001", service: "s3", type: "Gateway", routeTables: [RTB_A] }),
        ]),
      },
    );
    const vpc = r.plan?.stacks[0].vpcs[0];
    if (!vpc) throw new Error("no plan");
    const table = new Map(ENDPOINT_REPLACEMENT);
    table.set("route_table_ids", { argument: "route_table_ids", replaces: true });
    const inv = { file: "inventory/eu-central-1.json", endpoints: [] as never[] };
    const decided = decideAdoption({
      vpc: { id: vpc.id, name: vpc.name } as VpcModel,
      planned: vpc.endpoints,
      inventory: {
        ...inv,
        endpoints: [
          {
            id: "vpce-0a000000000000001",
            type: "Gateway",
            vpcId: vpc.id,
            serviceName: "com.amazonaws.eu-central-1.s3",
            state: "available",
            live: true,
            subnetIds: [],
            securityGroupIds: [],
            routeTableIds: [RTB_A],
            tags: {},
            source: "inventory/eu-central-1.json:3:9",
          },
        ],
      },
      region: "eu-central-1",
      stackTags: {},
      replacement: table,
    });
    const changes = decided.adopted.get("main_s3")?.changes ?? [];
    expect(changes.map((x) => [x.argument, x.replaces])).toEqual([
      ["route_table_ids", true],
      ["tags", false],
    ]);
  });
});
