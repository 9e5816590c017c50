import { dump, dumpEntry, findings, runSpecs, spec } from "../support";

const s3 = dumpEntry({ name: "com.amazonaws.eu-central-1.s3", type: "Gateway" });
const ssm = dumpEntry({ name: "com.amazonaws.eu-central-1.ssm", privateDns: "ssm.eu-central-1.amazonaws.com" });

describe("service-in-dump", () => {
  test("Noncompliance: SERVICE_NOT_IN_DUMP when the region dump lacks ssm", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([s3]) });
    const f = findings(r, "SERVICE_NOT_IN_DUMP");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain("interface endpoint service for ssm");
  });

  test("Compliance: the dump lists every requested service", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([s3, ssm]) });
    expect(findings(r, "SERVICE_NOT_IN_DUMP")).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
