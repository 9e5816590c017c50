/** Hub relations for pipelines: `vpce stacks --json` orders hubs first and names the tied stacks; atlantis too. */
import { stringify } from "yaml";
import { hubFirstOrder, hubLinks } from "../../src/planner/hub/relations";
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir, writeTree } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import { vpce } from "./run";

const SPECS = {
  // stack names sort before the hub's: the order must come from the relation, not the names
  "a-orders.yaml": stringify(spokeSpec({ stack: "a-orders", n: 30, services: ["kms"] })),
  "network-hub.yaml": stringify(hubSpec()),
  "payments.yaml": stringify(spokeSpec({ stack: "payments", n: 20, services: ["ssm"], account: "222222222222" })),
  "alone.yaml": stringify(
    spokeSpec({ stack: "alone", n: 40, services: ["kms"], edit: (s) => delete s.vpcs[0].useHub }),
  ),
};

describe("hub relations", () => {
  const stacks = [
    { stack: "a-orders", vpcs: [{ useHub: { stack: "network-hub" } }] },
    { stack: "alone", vpcs: [{}] },
    { stack: "network-hub", vpcs: [{}] },
    { stack: "payments", vpcs: [{ useHub: { stack: "network-hub" } }, {}] },
  ];

  test("hubFirstOrder: every hub before its spokes, else by name; a cycle keeps name order", () => {
    expect(hubFirstOrder(stacks)).toEqual(["alone", "network-hub", "a-orders", "payments"]);
    const cycle = [
      { stack: "x", vpcs: [{ useHub: { stack: "y" } }] },
      { stack: "y", vpcs: [{ useHub: { stack: "x" } }] },
    ];
    expect(hubFirstOrder(cycle)).toEqual(["x", "y"]);
    expect(hubLinks(cycle).get("x")).toEqual({ hubs: ["y"], spokes: ["y"] });
  });

  test("vpce stacks --json: the hub's row first, hubs and spokes named", () => {
    const dir = writeTree(SPECS);
    const r = vpce(["stacks", "--json", "--specs", dir]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<{ stack: string; hubs: string[]; spokes: string[] }>;
    expect(rows.map((x) => [x.stack, x.hubs, x.spokes])).toEqual([
      ["alone", [], []],
      ["network-hub", [], ["a-orders", "payments"]],
      ["a-orders", ["network-hub"], []],
      ["payments", ["network-hub"], []],
    ]);
  });

  test("vpce atlantis: a spoke's project is planned when its hub's spec changes, the hub's when a spoke's does", () => {
    const dir = writeTree(SPECS);
    const r = vpce(["atlantis", "--specs", dir]);
    expect(r.code).toBe(0);
    const hub = r.out.split("- name: ")[2];
    expect(hub).toMatch(/^network-hub/);
    expect(hub).toMatch(/a-orders\.yaml/);
    expect(hub).toMatch(/payments\.yaml/);
  });

  test("vpce synth --stack <spoke> writes its hub too (the hub admits the spoke), not the unrelated stacks", () => {
    const dir = writeTree(SPECS);
    const out = path.join(tmpDir(), "out");
    const r = vpce(["synth", "--specs", dir, "--out", out, "--stack", "a-orders"]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(out, "stacks")).sort()).toEqual(["a-orders", "network-hub"]);
    expect(r.err).toMatch(/network-hub/);
  });
});
