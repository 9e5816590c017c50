import { dump, dumpEntry, findings, runSpecs, spec } from "../support";

const s3 = dumpEntry({ name: "com.amazonaws.eu-central-1.s3", type: "Gateway" });
const ssmIn = (azs: string[]) => dumpEntry({ name: "com.amazonaws.eu-central-1.ssm", azs });

describe("no-endpoint-az", () => {
  test("Noncompliance: NO_ENDPOINT_AZ when the dump offers the service in no requesting zone", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([s3, ssmIn(["eu-central-1c"])]) });
    const f = findings(r, "NO_ENDPOINT_AZ");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain("ssm");
  });

  test("Compliance: the dump offers it in one of the zones", () => {
    const r = runSpecs(
      { "a.yaml": spec() },
      { "eu-central-1.json": dump([s3, ssmIn(["eu-central-1a", "eu-central-1c"])]) },
    );
    expect(findings(r, "NO_ENDPOINT_AZ")).toEqual([]);
  });
});
