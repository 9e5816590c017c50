/**
 * A hub at the most its security groups take: the benchmark's hub organisation (scripts/bench/specs.js) with 150
 * spokes admits every spoke subnet, once, in 300 merged rules over 5 groups; one spoke more is refused. A spoke
 * whose subnets partly ask for less exercises the capture check against the hub's merged blocks.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { runPipeline } from "../../src/pipeline";
import { tmpDir } from "../helpers";

// The benchmark's generator is a CommonJS script; it has no types.
const { writeHubSpecs } = createRequire(__filename)("../../scripts/bench/specs.js") as {
  writeHubSpecs: (o: { dir: string; hubs: number; spokesPerHub: number }) => string;
};

describe("a hub with 150 spokes (the benchmark's hub organisation)", () => {
  const dir = writeHubSpecs({ dir: tmpDir("vpce-hub-scale-"), hubs: 1, spokesPerHub: 150 });
  // spoke-7: its last 6 subnets ask for s3 only, so the hub's zones answer them without their asking (its first 6
  // still merge into 2 blocks)
  const file = path.join(dir, "spoke-7.yaml");
  const spec = parse(fs.readFileSync(file, "utf8"));
  spec.vpcs[0].subnets.forEach((s: { services: string[] }, i: number) => {
    if (i >= 6) s.services = ["s3"];
  });
  fs.writeFileSync(file, stringify(spec));
  const r = runPipeline(dir, { explain: false });

  test("plans without error", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.plan?.stacks).toHaveLength(151);
  });

  test("each hub endpoint admits every asking spoke subnet exactly once, in 300 merged rules over 5 groups", () => {
    const hub = r.plan!.stacks.find((s) => s.stack === "hub-0")!.vpcs[0];
    const ssm = hub.endpoints.find((e) => e.service === "ssm")!;
    expect(ssm.securityGroups.map((g) => g.ingress.length)).toEqual([60, 60, 60, 60, 60]);
    const admitted = ssm.securityGroups.flatMap((g) => g.ingress.flatMap((rule) => rule.subnets));
    // every subnet of every spoke, but spoke-7's last 6
    const asking = Array.from({ length: 150 }, (_, v) =>
      Array.from({ length: 12 }, (_, i) => i)
        .filter((i) => v !== 7 || i < 6)
        .map((i) => `spoke-${v}/vpc${v}/s${i}`),
    ).flat();
    expect([...admitted].sort()).toEqual([...asking].sort());
  });

  test("the hub's zone captures the spoke subnets that did not ask, outside every admitted block", () => {
    const hub = r.plan!.stacks.find((s) => s.stack === "hub-0")!.vpcs[0];
    const zone = hub.hub!.services.find((s) => s.service === "ssm")!.zones[0];
    const spoke7 = zone.associations.find((a) => a.stack === "spoke-7")!;
    expect(spoke7.captured).toEqual(["s10", "s11", "s6", "s7", "s8", "s9"]);
    expect(zone.associations.filter((a) => a.captured.length > 0).map((a) => a.stack)).toEqual(["spoke-7"]);
  });

  test("one spoke more is refused: its blocks do not fit the groups", () => {
    const more = writeHubSpecs({ dir: tmpDir("vpce-hub-scale-"), hubs: 1, spokesPerHub: 151 });
    const codes = runPipeline(more, { explain: false }).diagnostics.filter((d) => d.severity === "error");
    expect(new Set(codes.map((d) => d.code))).toEqual(new Set(["SG_RULE_LIMIT"]));
  });
});
