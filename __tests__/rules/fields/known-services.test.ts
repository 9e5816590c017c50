import { findings, runSpecs, spec } from "../support";

describe("known-services", () => {
  test("Noncompliance: UNKNOWN_SERVICE for a misspelt service of a subnet, with the closest id", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].services = ["s3", "ssmm"])) });
    const [d] = findings(r, "UNKNOWN_SERVICE");
    expect(d.path).toBe("vpcs[0].subnets[0].services[1]");
    expect(d.suggestions).toContain("ssm");
  });

  test("Noncompliance: UNKNOWN_SERVICE for an endpoints key without serviceName", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { partner: {} })) });
    expect(findings(r, "UNKNOWN_SERVICE").map((d) => d.path)).toEqual(["vpcs[0].endpoints.partner"]);
  });

  test("Compliance: the key declared with a serviceName and listed by a subnet", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].endpoints = {
          partner: { serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0" },
        };
        s.vpcs[0].subnets[0].services = ["s3", "ssm", "partner"];
      }),
    });
    expect(findings(r, "UNKNOWN_SERVICE")).toEqual([]);
  });
});
