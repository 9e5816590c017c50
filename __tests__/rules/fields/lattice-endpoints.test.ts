import { findings, runSpecs, spec, type SpecDoc } from "../support";

const RCFG = "arn:aws:vpc-lattice:eu-central-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0";
const SN = "arn:aws:vpc-lattice:eu-central-1:111122223333:servicenetwork/sn-0123456789abcdef0";

const withEntry = (entry: SpecDoc, key = "orders-db") =>
  spec((s) => {
    s.vpcs[0].subnets[0].services.push(key);
    s.vpcs[0].endpoints = { [key]: entry };
  });

const CODES = ["LATTICE_INCOMPLETE", "LATTICE_ARN", "LATTICE_OPTION", "LATTICE_PORTS"] as const;

describe("lattice-endpoints", () => {
  test("Noncompliance: LATTICE_INCOMPLETE for a type without its ARN, an ARN without its type, the other ARN", () => {
    const noArn = runSpecs({ "a.yaml": withEntry({ type: "resource" }) });
    expect(findings(noArn, "LATTICE_INCOMPLETE").map((d) => d.path)).toEqual(['vpcs[0].endpoints["orders-db"]']);
    expect(findings(noArn, "LATTICE_INCOMPLETE")[0].hint).toContain("resourceConfigurationArn");
    const noType = runSpecs({ "a.yaml": withEntry({ serviceNetworkArn: SN }) });
    const [d] = findings(noType, "LATTICE_INCOMPLETE");
    expect(d.path).toBe('vpcs[0].endpoints["orders-db"].serviceNetworkArn');
    expect(d.hint).toContain("type: service-network");
    const other = runSpecs({ "a.yaml": withEntry({ type: "service-network", resourceConfigurationArn: RCFG }) });
    expect(findings(other, "LATTICE_INCOMPLETE").map((x) => x.path)).toEqual([
      'vpcs[0].endpoints["orders-db"].resourceConfigurationArn',
    ]);
    expect(noArn.plan).toBeUndefined();
  });

  test("Noncompliance: LATTICE_ARN for a malformed ARN, the other kind, another partition, another region", () => {
    for (const [entry, text] of [
      [{ type: "resource", resourceConfigurationArn: "rcfg-0123456789abcdef0" }, "is not a VPC Lattice"],
      [{ type: "resource", resourceConfigurationArn: `${RCFG.slice(0, -1)}` }, "is not a VPC Lattice"],
      [{ type: "resource", resourceConfigurationArn: SN }, "is a servicenetwork ARN"],
      [{ type: "service-network", serviceNetworkArn: SN.replace("arn:aws:", "arn:aws-cn:") }, "partition aws-cn"],
      [{ type: "service-network", serviceNetworkArn: SN.replace("eu-central-1", "us-east-1") }, "region us-east-1"],
    ] as const) {
      const r = runSpecs({ "a.yaml": withEntry(entry) });
      const f = findings(r, "LATTICE_ARN");
      expect(f).toHaveLength(1);
      expect(f[0].path).toMatch(/^vpcs\[0\]\.endpoints\["orders-db"\]\.(resourceConfigurationArn|serviceNetworkArn)$/);
      expect(f[0].message).toContain(text);
      expect(r.diagnostics.filter((x) => x.severity === "error")).toHaveLength(1);
    }
  });

  test("Noncompliance: LATTICE_OPTION for policy, port, serviceName, serviceRegion and fixedIps", () => {
    const r = runSpecs({
      "a.yaml": withEntry({
        type: "resource",
        resourceConfigurationArn: RCFG,
        policy: "org-only",
        port: 5432,
        serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0",
        serviceRegion: "us-west-2",
        fixedIps: { "app-a": "10.20.1.10" },
      }),
    });
    expect(
      findings(r, "LATTICE_OPTION")
        .map((d) => d.path.replace('vpcs[0].endpoints["orders-db"].', ""))
        .sort(),
    ).toEqual(["fixedIps", "policy", "port", "serviceName", "serviceRegion"]);
    // one mistake, one error: the cross-region, type and fixed-IP rules leave these to this rule
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(
      Array(5).fill("LATTICE_OPTION"),
    );
  });

  test("Noncompliance: LATTICE_PORTS for ports on an interface or custom entry", () => {
    const ssm = runSpecs({ "a.yaml": withEntry({ ports: [443] }, "ssm") });
    expect(findings(ssm, "LATTICE_PORTS").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.ports"]);
    const custom = runSpecs({
      "a.yaml": withEntry({ serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0", ports: [8443] }),
    });
    expect(findings(custom, "LATTICE_PORTS")).toHaveLength(1);
  });

  test("Compliance: a resource endpoint with ports, a service-network endpoint, both planned", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("orders-db", "mesh");
        s.vpcs[0].endpoints = {
          "orders-db": { type: "resource", resourceConfigurationArn: RCFG, ports: [5432], privateDns: true },
          mesh: { type: "service-network", serviceNetworkArn: SN, allowedCidrs: ["192.168.0.0/16"] },
        };
      }),
    });
    for (const code of CODES) expect(findings(r, code)).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const eps = r.plan?.stacks[0].vpcs[0].endpoints ?? [];
    expect(eps.find((e) => e.service === "orders-db")).toMatchObject({ type: "Resource", ports: [5432] });
    expect(eps.find((e) => e.service === "mesh")).toMatchObject({ type: "ServiceNetwork", ports: [443] });
  });
});
