import { hubSpec, spokeSpec } from "../../hub-support";
import { dump, dumpEntry, findings, runSpecs } from "../support";

describe("hub-service-zones", () => {
  test("Noncompliance: HUB_SERVICE_NO_DNS for a hub service whose dump entry lists no private DNS name", () => {
    const region = dump([
      dumpEntry({ name: "com.amazonaws.eu-central-1.kms" }),
      dumpEntry({ name: "com.amazonaws.eu-central-1.ssm", privateDns: "ssm.eu-central-1.amazonaws.com" }),
    ]);
    const r = runSpecs(
      {
        "hub.yaml": hubSpec((s) => (s.vpcs[0].hub.services = ["kms", "ssm"])),
        "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms", "ssm"] }),
      },
      { "eu-central-1.json": region },
    );
    expect(findings(r, "HUB_SERVICE_NO_DNS").map((d) => d.path)).toEqual(["vpcs[0].hub.services[0]"]);
  });

  test("Noncompliance: HUB_SERVICE_UNUSED for a hub service no subnet asks for", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => (s.vpcs[0].hub.services = ["kms", "sts"])),
      "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms"] }),
    });
    expect(findings(r, "HUB_SERVICE_UNUSED").map((d) => d.path)).toEqual(["vpcs[0].hub.services[1]"]);
  });

  test("Compliance: every hub service asked for, each with a private DNS name", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => (s.vpcs[0].hub.services = ["kms", "sts"])),
      "a.yaml": spokeSpec({ stack: "payments", n: 20, services: ["kms", "sts"] }),
    });
    expect(findings(r, "HUB_SERVICE_UNUSED")).toEqual([]);
    expect(findings(r, "HUB_SERVICE_NO_DNS")).toEqual([]);
  });
});
