/** The per-endpoint options of "Additions to v1" (docs/SPEC-FORMAT.md) as the planner decides them. */
import type { EndpointPlan } from "../../src/planner/plan";
import { findings, runSpecs, spec, type SpecDoc } from "../rules/support";

function endpointOf(doc: SpecDoc, address: string): EndpointPlan {
  const r = runSpecs({ "a.yaml": doc });
  const e = r.plan?.stacks[0].vpcs[0].endpoints.find((x) => x.address === address);
  if (!e) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`).join("\n"));
  return e;
}

describe("allowedSecurityGroups", () => {
  const doc = spec(
    (s) => (s.vpcs[0].endpoints = { ssm: { allowedSecurityGroups: ["sg-0123456789abcdef0", "sg-01234567"] } }),
  );

  test("one rule per group, on the service port, after the requesting subnets", () => {
    const e = endpointOf(doc, "main_ssm");
    expect(e.securityGroups[0].ingress.map((r) => [r.address, r.kind, r.cidr, r.port])).toEqual([
      ["main_ssm_app-a", "ipv4", "10.20.1.0/24", 443],
      ["main_ssm_app-b", "ipv4", "10.20.2.0/24", 443],
      ["main_ssm_sg_01234567", "security-group", "sg-01234567", 443],
      ["main_ssm_sg_0123456789abcdef0", "security-group", "sg-0123456789abcdef0", 443],
    ]);
    expect(e.reasons).toContain(
      "security group admits TCP 443 from 10.20.1.0/24, 10.20.2.0/24, members of sg-01234567, " +
        "members of sg-0123456789abcdef0 only",
    );
  });

  test("a group reference keeps no non-requesting subnet out of PRIVATE_DNS_CAPTURE", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[1].services = ["s3"];
        s.vpcs[0].endpoints = { ssm: { allowedSecurityGroups: ["sg-0123456789abcdef0"] } };
      }),
    });
    expect(
      findings(r, "PRIVATE_DNS_CAPTURE")
        .map((d) => d.message)
        .join(),
    ).toContain("app-b");
  });

  test("a malformed id or a repeated one is an error at its position, and nothing is planned", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedSecurityGroups: ["sg-xyz", "sg-01234567"] } })),
    });
    expect(findings(r, "INVALID_ID").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.allowedSecurityGroups[0]"]);
    const dup = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedSecurityGroups: ["sg-01234567", "sg-01234567"] } })),
    });
    expect(findings(dup, "INVALID_VALUE").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.allowedSecurityGroups"]);
    expect(r.plan).toBeUndefined();
    expect(dup.plan).toBeUndefined();
  });
});
