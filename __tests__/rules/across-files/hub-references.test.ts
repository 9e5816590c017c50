import * as path from "node:path";
import { stringify } from "yaml";
import { runPipeline } from "../../../src/pipeline";
import { writeTree } from "../../helpers";
import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs } from "../support";

const spoke = (edit?: Parameters<typeof spokeSpec>[0]["edit"], account?: string) =>
  spokeSpec({ stack: "payments", n: 20, services: ["kms"], edit, account });

describe("hub-references", () => {
  test("Noncompliance: HUB_NOT_FOUND for an unknown stack (suggested), an unknown VPC, a VPC without hub", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) =>
        s.vpcs.push({
          ...spoke().vpcs[0],
          name: "plain",
          useHub: undefined,
          cidr: "10.99.0.0/16",
          id: "vpc-0f0f0f0f0f0f0f0f0",
          subnets: [{ name: "x", id: "subnet-0f0f0f0f0f0f0f0f1", az: "eu-central-1a", cidr: "10.99.1.0/24" }],
        }),
      ),
      "a.yaml": spoke((s) => (s.vpcs[0].useHub = "network-hbu/endpoints")),
      "b.yaml": spokeSpec({
        stack: "orders",
        n: 30,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].useHub = "network-hub/endpoint"),
      }),
      "c.yaml": spokeSpec({
        stack: "batch",
        n: 40,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].useHub = "network-hub/plain"),
      }),
    });
    const found = findings(r, "HUB_NOT_FOUND");
    expect(found.map((d) => [path.basename(d.file), d.path])).toEqual([
      ["a.yaml", "vpcs[0].useHub"],
      ["b.yaml", "vpcs[0].useHub"],
      ["c.yaml", "vpcs[0].useHub"],
    ]);
    expect(found[0].suggestions).toEqual(["network-hub"]);
    expect(found[1].suggestions?.[0]).toBe("endpoints");
    expect(found[2].message).toMatch(/not a hub/);
  });

  test("Noncompliance: HUB_NOT_FOUND and HUB_SPOKES_UNREAD when --specs names one file", () => {
    const dir = writeTree({ "hub.yaml": stringify(hubSpec()), "a.yaml": stringify(spoke()) });
    const one = runPipeline(path.join(dir, "a.yaml"));
    expect(findings(one, "HUB_NOT_FOUND")[0].hint).toMatch(/folder/);
    const hub = runPipeline(path.join(dir, "hub.yaml"));
    expect(findings(hub, "HUB_SPOKES_UNREAD").map((d) => d.path)).toEqual(["vpcs[0].hub"]);
    expect(runPipeline(dir).plan).toBeDefined();
  });

  test("Noncompliance: HUB_REGION_MISMATCH for a spoke in another region, naming partitions across them", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spoke((s) => (s.region = "eu-west-1")),
      "b.yaml": spokeSpec({ stack: "china", n: 30, services: ["kms"], edit: (s) => (s.region = "cn-north-1") }),
    });
    const found = findings(r, "HUB_REGION_MISMATCH");
    expect(found.map((d) => d.path)).toEqual(["vpcs[0].useHub", "vpcs[0].useHub"]);
    expect(found.find((d) => d.file.endsWith("b.yaml"))?.message).toMatch(/partitions aws-cn and aws/);
  });

  test("Noncompliance: HUB_CIDR_OVERLAP for a spoke block overlapping the hub's", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spoke((s) => (s.vpcs[0].additionalCidrs = ["10.255.2.0/24"])),
    });
    expect(findings(r, "HUB_CIDR_OVERLAP").map((d) => d.path)).toEqual(["vpcs[0].additionalCidrs[0]"]);
  });

  test("Noncompliance: HUB_BACKEND_REQUIRED for a hub with a cross-account spoke and local state", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => delete s.backend),
      "a.yaml": spoke(undefined, "222222222222"),
    });
    const [d] = findings(r, "HUB_BACKEND_REQUIRED");
    expect(d.file).toMatch(/hub\.yaml$/);
    expect(d.message).toMatch(/payments\/payments/);
  });

  test("Compliance: same-account spokes need no S3 backend; disjoint blocks; one region", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => delete s.backend),
      "a.yaml": spoke(undefined, "111111111111"),
      "b.yaml": spokeSpec({ stack: "orders", n: 30, services: ["kms"] }),
    });
    for (const code of [
      "HUB_NOT_FOUND",
      "HUB_SPOKES_UNREAD",
      "HUB_REGION_MISMATCH",
      "HUB_CIDR_OVERLAP",
      "HUB_BACKEND_REQUIRED",
    ])
      expect(findings(r, code as never)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
