import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs } from "../support";

describe("spoke-endpoints", () => {
  test("Noncompliance: SPOKE_DUPLICATE_ENDPOINT for local-endpoint settings of a served service", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({
        stack: "payments",
        n: 20,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].endpoints = { kms: { policy: "full-access", allowedCidrs: ["192.168.0.0/16"] } }),
      }),
    });
    const [d] = findings(r, "SPOKE_DUPLICATE_ENDPOINT");
    expect(d.path).toBe("vpcs[0].endpoints.kms");
    expect(d.message).toMatch(/policy, allowedCidrs/);
  });

  test("Compliance: useHub: false keeps kms local; gbPerMonth alone is no endpoint setting", () => {
    const local = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({
        stack: "payments",
        n: 20,
        services: ["kms", "logs"],
        edit: (s) => (s.vpcs[0].endpoints = { kms: { useHub: false, policy: "full-access" }, logs: { gbPerMonth: 5 } }),
      }),
    });
    expect(findings(local, "SPOKE_DUPLICATE_ENDPOINT")).toEqual([]);
    const vpc = local.plan?.stacks.find((s) => s.stack === "payments")?.vpcs[0];
    expect(vpc?.endpoints.map((e) => e.service)).toEqual(["kms"]);
    expect(vpc?.useHub?.services).toEqual(["logs"]);
  });
});
