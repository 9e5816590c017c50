import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs } from "../support";

describe("hub-zone-capture", () => {
  test("Noncompliance: HUB_ZONE_CAPTURE names the spoke subnets that did not ask, at the spoke's useHub", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({
        stack: "payments",
        n: 20,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].subnets[1].services = ["logs"]),
      }),
    });
    const found = findings(r, "HUB_ZONE_CAPTURE");
    expect(found.map((d) => [d.path, d.message.match(/zones? for ([a-z, ]+) \(/)?.[1]])).toEqual([
      ["vpcs[0].useHub", "kms"],
      ["vpcs[0].useHub", "logs"],
    ]);
    expect(found[0].message).toMatch(/app-b did not ask/);
  });

  test("Noncompliance: the hub VPC's own subnets that ask for other services are captured too", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) =>
        s.vpcs[0].subnets.push({
          name: "tools",
          id: "subnet-0a0a0a0a0a0a0a0a3",
          az: "eu-central-1a",
          cidr: "10.255.2.0/24",
          services: ["kms"],
        }),
      ),
      "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms", "ssm"] }),
    });
    const hub = findings(r, "HUB_ZONE_CAPTURE").filter((d) => d.file.endsWith("hub.yaml"));
    expect(hub.map((d) => d.path)).toEqual(["vpcs[0].hub"]);
    expect(hub[0].message).toMatch(/ecr.dkr, logs, ssm, sts .*tools did not ask/);
  });

  test("Compliance: every subnet of the spoke asks, and the hub's ENI subnets ask for nothing", () => {
    const r = runSpecs({ "hub.yaml": hubSpec(), "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms"] }) });
    expect(findings(r, "HUB_ZONE_CAPTURE")).toEqual([]);
  });
});
