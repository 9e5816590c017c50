import { hubSpec } from "../../hub-support";
import { findings, runSpecs } from "../support";

describe("hub-services", () => {
  test("Noncompliance: HUB_SERVICE_UNKNOWN for a misspelt hub service, with a suggestion", () => {
    const r = runSpecs({ "hub.yaml": hubSpec((s) => (s.vpcs[0].hub.services = ["kms", "ssmm"])) });
    const [d] = findings(r, "HUB_SERVICE_UNKNOWN");
    expect(d.path).toBe("vpcs[0].hub.services[1]");
    expect(d.suggestions).toContain("ssm");
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: HUB_SERVICE_GATEWAY_ONLY for a service with a gateway endpoint only", () => {
    const r = runSpecs({ "hub.yaml": hubSpec((s) => (s.vpcs[0].hub.services = ["kms", "s3express"])) });
    expect(findings(r, "HUB_SERVICE_GATEWAY_ONLY").map((d) => d.path)).toEqual(["vpcs[0].hub.services[1]"]);
  });

  test("Noncompliance: HUB_AND_SPOKE for a VPC with hub and useHub", () => {
    const r = runSpecs({ "hub.yaml": hubSpec((s) => (s.vpcs[0].useHub = "network-hub/endpoints")) });
    expect(findings(r, "HUB_AND_SPOKE").map((d) => d.path)).toEqual(["vpcs[0].useHub"]);
  });

  test("Noncompliance: HUB_AND_SPOKE names an unnamed VPC by its position, counting from 1 like every rule", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => {
        s.vpcs[0].useHub = "network-hub/endpoints";
        delete s.vpcs[0].name;
      }),
    });
    expect(findings(r, "HUB_AND_SPOKE").map((d) => d.message)).toEqual([expect.stringMatching(/^VPC #1 /)]);
  });

  test("Noncompliance: HUB_ENDPOINT_SETTING for privateDns: true and type gateway on a hub service", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => {
        s.vpcs[0].hub.services = ["kms", "s3"];
        s.vpcs[0].endpoints = { kms: { privateDns: true }, s3: { type: "gateway" } };
      }),
    });
    expect(findings(r, "HUB_ENDPOINT_SETTING").map((d) => d.path)).toEqual([
      "vpcs[0].endpoints.kms.privateDns",
      "vpcs[0].endpoints.s3.type",
    ]);
  });

  test("Compliance: s3 (gateway and interface) as a hub service, privateDns: false and type interface set", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec((s) => {
        s.vpcs[0].hub.services = ["kms", "s3"];
        s.vpcs[0].endpoints = { kms: { privateDns: false }, s3: { type: "interface" } };
      }),
    });
    for (const code of ["HUB_SERVICE_UNKNOWN", "HUB_SERVICE_GATEWAY_ONLY", "HUB_AND_SPOKE", "HUB_ENDPOINT_SETTING"])
      expect(findings(r, code as never)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
