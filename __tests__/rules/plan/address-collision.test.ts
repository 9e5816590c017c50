import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs, spec } from "../support";

const custom = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";

describe("address-collision", () => {
  test("Noncompliance: ADDRESS_COLLISION when ecr.api and a custom ecr_api sanitize alike", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["ecr.api", "ecr_api"];
        s.vpcs[0].endpoints = { ecr_api: { serviceName: custom } };
      }),
    });
    const f = findings(r, "ADDRESS_COLLISION");
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].path).toBe("vpcs[0].endpoints.ecr_api");
    expect(f.map((d) => d.message).join("\n")).toContain("aws_vpc_endpoint.main_ecr_api.");
    // the owners are put into words only for a finding: each kind says which resource holds the address
    expect(f.map((d) => d.message).sort()).toEqual([
      'rule "ecr_api from subnet app-a (subnet-0aaaaaaaaaaaaaaa1)" of VPC main and rule "ecr.api from subnet app-a ' +
        '(subnet-0aaaaaaaaaaaaaaa1)" of VPC main both map to the Terraform address ' +
        "aws_vpc_security_group_ingress_rule.main_ecr_api_app-a.",
      "the interface endpoint of ecr_api in VPC main and the interface endpoint of ecr.api in VPC main both map to " +
        "the Terraform address aws_vpc_endpoint.main_ecr_api.",
      "the security group vpce-main-ecr_api of VPC main and the security group vpce-main-ecr.api of VPC main both " +
        "map to the Terraform address aws_security_group.main_ecr_api.",
    ]);
  });

  test("Compliance: a key that differs after sanitizing", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["ecr.api", "ecr_api2"];
        s.vpcs[0].endpoints = { ecr_api2: { serviceName: custom } };
      }),
    });
    expect(findings(r, "ADDRESS_COLLISION")).toEqual([]);
    expect(r.plan).toBeDefined();
  });

  test("Noncompliance: MOVED_ADDRESS_COLLISION when a renamed key's old address sanitizes to a live one", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["ecr.api", "partner"];
        s.vpcs[0].endpoints = { partner: { serviceName: custom, renamedFrom: "ecr_api" } };
      }),
    });
    const f = findings(r, "MOVED_ADDRESS_COLLISION");
    expect(f.map((d) => d.path)).toEqual(f.map(() => "vpcs[0].endpoints.partner"));
    expect(f.map((d) => d.message).join("\n")).toContain(
      "aws_vpc_endpoint.main_ecr_api, which the interface endpoint of ecr.api",
    );
  });

  test("Noncompliance: MOVED_ADDRESS_COLLISION when two renamed keys' old addresses sanitize alike", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["p1", "p2"];
        s.vpcs[0].endpoints = {
          p1: { serviceName: custom, renamedFrom: "old.api" },
          p2: { serviceName: custom.replace(/0$/, "1"), renamedFrom: "old_api" },
        };
      }),
    });
    expect(findings(r, "MOVED_ADDRESS_COLLISION").map((d) => d.message)).toEqual([
      'rule "p2 from subnet app-a (subnet-0aaaaaaaaaaaaaaa1)" of VPC main would be moved from ' +
        'aws_vpc_security_group_ingress_rule.main_old_api_app-a, which rule "p1 from subnet app-a ' +
        '(subnet-0aaaaaaaaaaaaaaa1)" of VPC main is moved from too.',
      "the interface endpoint of p2 in VPC main would be moved from aws_vpc_endpoint.main_old_api, which the " +
        "interface endpoint of p1 in VPC main is moved from too.",
      "the security group vpce-main-p2 of VPC main would be moved from aws_security_group.main_old_api, which the " +
        "security group vpce-main-p1 of VPC main is moved from too.",
    ]);
  });

  // the endpoints and groups differ here: only the rules' addresses repeat (a check that looked at endpoints and
  // groups first, and left the rules to them, would miss this)
  test("Noncompliance: ADDRESS_COLLISION on rules alone, a subnet named like an allowedCidrs rule", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].name = "cidr_10_1_0_0_16";
        s.vpcs[0].endpoints = { ssm: { allowedCidrs: ["10.1.0.0/16"] } };
      }),
    });
    expect(findings(r, "ADDRESS_COLLISION").map((d) => d.message)).toEqual([
      'rule "ssm from 10.1.0.0/16 (allowedCidrs)" of VPC main and rule "ssm from subnet cidr_10_1_0_0_16 ' +
        '(subnet-0aaaaaaaaaaaaaaa1)" of VPC main both map to the Terraform address ' +
        "aws_vpc_security_group_ingress_rule.main_ssm_cidr_10_1_0_0_16.",
    ]);
  });

  // two endpoints, one's address the other's and `_x` (main_ssm, main_ssm_x), asked for by every subnet; `name`: the
  // second subnet's
  const ssmAndSsmX = (name?: string) =>
    runSpecs({
      "a.yaml": spec((s) => {
        if (name) s.vpcs[0].subnets[1].name = name;
        for (const subnet of s.vpcs[0].subnets) subnet.services = ["ssm", "ssm_x"];
        s.vpcs[0].endpoints = { ssm_x: { serviceName: custom } };
      }),
    });

  // their rules meet where a subnet's name starts with `x_`
  test("Noncompliance: ADDRESS_COLLISION on rules of two endpoints, one's address the other's and more", () => {
    const r = ssmAndSsmX("x_app-a");
    expect(findings(r, "ADDRESS_COLLISION").map((d) => d.message)).toEqual([
      'rule "ssm_x from subnet app-a (subnet-0aaaaaaaaaaaaaaa1)" of VPC main and rule "ssm from subnet x_app-a ' +
        '(subnet-0bbbbbbbbbbbbbbb2)" of VPC main both map to the Terraform address ' +
        "aws_vpc_security_group_ingress_rule.main_ssm_x_app-a.",
    ]);
  });

  test("Compliance: one endpoint's address the other's and more, no subnet's name completing it", () => {
    const r = ssmAndSsmX();
    expect(findings(r, "ADDRESS_COLLISION")).toEqual([]);
    expect(r.plan).toBeDefined();
  });

  test("Compliance: a renamed key whose old address nothing holds", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["ecr.api", "partner"];
        s.vpcs[0].endpoints = { partner: { serviceName: custom, renamedFrom: "ecr_api2" } };
      }),
    });
    expect(findings(r, "MOVED_ADDRESS_COLLISION")).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});

describe("address-collision: hub resources", () => {
  test("Noncompliance: ADDRESS_COLLISION for two spokes whose stack and VPC names join alike", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({ stack: "a_b", n: 20, services: ["kms"], edit: (s) => (s.vpcs[0].name = "c") }),
      "b.yaml": spokeSpec({ stack: "a", n: 30, services: ["kms"], edit: (s) => (s.vpcs[0].name = "b_c") }),
    });
    const found = findings(r, "ADDRESS_COLLISION");
    expect(found.every((d) => d.file.endsWith("hub.yaml"))).toBe(true);
    const messages = found.map((d) => d.message).join("\n");
    expect(messages).toMatch(/aws_vpc_security_group_ingress_rule\.endpoints_kms_a_b_c_app-a\./);
    expect(messages).toMatch(/aws_route53_zone_association\.endpoints_kms_eu-central-1_amazonaws_com_a_b_c\./);
  });

  test("Compliance: spokes of distinct names", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({ stack: "a_b", n: 20, services: ["kms"], edit: (s) => (s.vpcs[0].name = "c") }),
      "b.yaml": spokeSpec({ stack: "a", n: 30, services: ["kms"], edit: (s) => (s.vpcs[0].name = "b-c") }),
    });
    expect(findings(r, "ADDRESS_COLLISION")).toEqual([]);
  });
});
