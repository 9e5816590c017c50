/** The per-endpoint options of "Additions to v1" as synthesized (docs/SPEC-FORMAT.md), on the Terraform JSON. */
import { Testing } from "cdktf";
import { EndpointStack } from "../../src/constructs/endpoint-stack";
import type { EndpointPlan, StackPlan } from "../../src/planner/plan";
import { runSpecs, spec, type SpecDoc } from "../rules/support";

type Json = Record<string, any>;

function planOf(doc: SpecDoc): StackPlan {
  const r = runSpecs({ "a.yaml": doc });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`).join("\n"));
  return r.plan.stacks[0];
}

function synthJson(doc: SpecDoc): Json {
  const app = Testing.app();
  return JSON.parse(Testing.synth(new EndpointStack(app, { plan: planOf(doc), rootFromStack: "../../.." })));
}

function endpointPlan(doc: SpecDoc, address: string): EndpointPlan {
  const e = planOf(doc).vpcs[0].endpoints.find((x) => x.address === address);
  if (!e) throw new Error(`no endpoint ${address}`);
  return e;
}

describe("tags", () => {
  const doc = spec((s) => {
    s.tags = { team: "payments", owner: "stack" };
    s.vpcs[0].endpoints = { ssm: { tags: { owner: "platform", env: "prod" } }, s3: { tags: { data: "yes" } } };
  });

  test("an endpoint's tags go on it and its security group, under vpce's Name; the stack's stay default_tags", () => {
    const json = synthJson(doc);
    expect(json.resource.aws_vpc_endpoint.main_ssm.tags).toEqual({
      env: "prod",
      owner: "platform",
      Name: "main-ssm",
      "vpce:service": "ssm",
    });
    expect(json.resource.aws_security_group.main_ssm.tags).toEqual({
      env: "prod",
      owner: "platform",
      Name: "vpce-main-ssm",
      "vpce:service": "ssm",
    });
    expect(json.resource.aws_vpc_endpoint.main_s3.tags).toEqual({ data: "yes", Name: "main-s3", "vpce:service": "s3" });
    expect(json.provider.aws[0].default_tags).toEqual([{ tags: { team: "payments", owner: "stack" } }]);
  });

  test("an endpoint without tags gets only vpce's", () => {
    const json = synthJson(spec());
    expect(json.resource.aws_vpc_endpoint.main_ssm.tags).toEqual({ Name: "main-ssm", "vpce:service": "ssm" });
  });

  test("the plan's reasons name them", () => {
    expect(endpointPlan(doc, "main_ssm").reasons).toContain(
      "tags env=prod, owner=platform on the endpoint and its security groups, over the stack tags",
    );
    expect(endpointPlan(doc, "main_s3").reasons).toContain("tags data=yes on the endpoint, over the stack tags");
  });
});

describe("allowedSecurityGroups", () => {
  test("an ingress rule with referenced_security_group_id, no CIDR, on the service port", () => {
    const json = synthJson(
      spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedSecurityGroups: ["sg-0123456789abcdef0"] } })),
    );
    expect(json.resource.aws_vpc_security_group_ingress_rule.main_ssm_sg_0123456789abcdef0).toEqual({
      security_group_id: "${aws_security_group.main_ssm.id}",
      referenced_security_group_id: "sg-0123456789abcdef0",
      ip_protocol: "tcp",
      from_port: 443,
      to_port: 443,
      description: "ssm from security group sg-0123456789abcdef0 (allowedSecurityGroups)",
    });
    expect(json.resource.aws_vpc_security_group_ingress_rule["main_ssm_app-a"].cidr_ipv4).toBe("10.20.1.0/24");
  });
});

describe("fixedIps", () => {
  const doc = spec((s) => (s.vpcs[0].endpoints = { ssm: { fixedIps: { "app-b": "10.20.2.10" } } }));

  test("subnet_configuration for the subnets with a fixed address only; subnet_ids keep every ENI subnet", () => {
    const e = synthJson(doc).resource.aws_vpc_endpoint.main_ssm;
    expect(e.subnet_configuration).toEqual([{ subnet_id: "subnet-0bbbbbbbbbbbbbbb2", ipv4: "10.20.2.10" }]);
    expect(e.subnet_ids).toEqual(["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]);
    expect(synthJson(spec()).resource.aws_vpc_endpoint.main_ssm.subnet_configuration).toBeUndefined();
  });

  test("the plan's reasons name them", () => {
    expect(endpointPlan(doc, "main_ssm").reasons).toContain("fixed ENI address 10.20.2.10 in app-b");
  });
});

describe("ipAddressType and dnsRecordIpType", () => {
  const doc = spec((s) => {
    s.vpcs[0].subnets[0].ipv6Cidr = "2001:db8:1234:1a00::/64";
    s.vpcs[0].subnets[1].ipv6Cidr = "2001:db8:1234:1b00::/64";
    s.vpcs[0].subnets[0].services.push("kms");
    s.vpcs[0].endpoints = {
      ssm: { ipAddressType: "dualstack", dnsRecordIpType: "dualstack" },
      s3: { ipAddressType: "dualstack" },
    };
  });

  test("dualstack: ip_address_type, dns_record_ip_type, and cidr_ipv6 rules from the requesting subnets", () => {
    const json = synthJson(doc);
    const e = json.resource.aws_vpc_endpoint.main_ssm;
    expect(e.ip_address_type).toBe("dualstack");
    expect(e.dns_options).toEqual({ dns_record_ip_type: "dualstack" });
    const rules = json.resource.aws_vpc_security_group_ingress_rule;
    expect(rules["main_ssm_app-a_ipv6"]).toEqual({
      security_group_id: "${aws_security_group.main_ssm.id}",
      cidr_ipv6: "2001:db8:1234:1a00::/64",
      ip_protocol: "tcp",
      from_port: 443,
      to_port: 443,
      description: "ssm from subnet app-a (subnet-0aaaaaaaaaaaaaaa1) over IPv6",
    });
    expect(rules["main_ssm_app-b_ipv6"].cidr_ipv6).toBe("2001:db8:1234:1b00::/64");
    expect(json.resource.aws_vpc_endpoint.main_s3.ip_address_type).toBe("dualstack");
  });

  test("an IPv4-only endpoint gets no IPv6 rule, even from subnets with an IPv6 block", () => {
    const json = synthJson(doc);
    expect(json.resource.aws_vpc_endpoint.main_kms.ip_address_type).toBeUndefined();
    const kmsRules = Object.keys(json.resource.aws_vpc_security_group_ingress_rule).filter((k) =>
      k.startsWith("main_kms"),
    );
    expect(kmsRules).toEqual(["main_kms_app-a"]);
  });

  test("the plan's reasons name them", () => {
    expect(endpointPlan(doc, "main_ssm").reasons).toContain(
      "ip address type dualstack, DNS records dualstack (endpoints entry)",
    );
  });
});

describe("security group replacement", () => {
  test("create_before_destroy with a name_prefix (no fixed name), Name tag the stem", () => {
    const sg = synthJson(spec()).resource.aws_security_group.main_ssm;
    // name and description are made of names: a rename must not replace the group (src/planner/replacements.ts)
    expect(sg.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ["name_prefix", "description"] });
    expect(sg.name_prefix).toBe("vpce-main-ssm-");
    expect(sg.name).toBeUndefined();
    expect(sg.tags.Name).toBe("vpce-main-ssm");
  });

  test("the plan's reasons say so", () => {
    expect(endpointPlan(spec(), "main_ssm").reasons).toContain(
      "security group named vpce-main-ssm-* (name prefix): " +
        "a replacement is created before the group it replaces is destroyed",
    );
  });
});

describe("VPC DNS attributes check", () => {
  test("a VPC with a private-DNS endpoint gets a check block with a scoped aws_vpc and Terraform >= 1.5", () => {
    const json = synthJson(spec());
    expect(json.check).toEqual({
      vpc_dns_main: {
        data: { aws_vpc: { vpc_dns_main: { id: "vpc-0123456789abcdef0" } } },
        assert: [
          {
            condition:
              "${data.aws_vpc.vpc_dns_main.enable_dns_support && data.aws_vpc.vpc_dns_main.enable_dns_hostnames}",
            error_message:
              "VPC main (vpc-0123456789abcdef0) has interface endpoints with private DNS, which need its " +
              "enableDnsSupport and enableDnsHostnames attributes: AWS refuses private DNS without them; " +
              "turn both on before applying.",
          },
        ],
      },
    });
    expect(json.terraform.required_version).toBe(">= 1.5.0");
    expect(json.data).toBeUndefined();
    expect(endpointPlan(spec(), "main_ssm").reasons).toContain(
      "private DNS needs the VPC's DNS support and DNS hostnames: checked at plan time (check vpc_dns_main)",
    );
  });

  test("no private DNS anywhere: no check, no version floor", () => {
    const json = synthJson(spec((s) => (s.defaults = { privateDns: false })));
    expect(json.check).toBeUndefined();
    expect(json.terraform.required_version).toBeUndefined();
  });
});

describe("cross-region", () => {
  const doc = spec((s) => {
    s.vpcs[0].subnets[0].services.push("s3-west");
    s.vpcs[0].endpoints = { "s3-west": { service: "s3", serviceRegion: "us-west-2" } };
  });

  test("an interface endpoint with service_region and the other region's service name", () => {
    const json = synthJson(doc);
    const e = json.resource.aws_vpc_endpoint["main_s3-west"];
    expect(e).toMatchObject({
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.us-west-2.s3",
      service_region: "us-west-2",
      subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1"],
      security_group_ids: ["${aws_security_group.main_s3-west.id}"],
    });
    // the local S3 gateway is untouched
    expect(json.resource.aws_vpc_endpoint.main_s3.service_name).toBe("com.amazonaws.eu-central-1.s3");
    expect(json.resource.aws_vpc_endpoint.main_s3.service_region).toBeUndefined();
  });

  test("the plan's reasons name it", () => {
    expect(endpointPlan(doc, "main_s3-west").reasons).toContain(
      "s3 in us-west-2 (serviceRegion): a cross-region interface endpoint to com.amazonaws.us-west-2.s3",
    );
  });
});

describe("VPC Lattice endpoints", () => {
  const RCFG = "arn:aws:vpc-lattice:eu-central-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0";
  const SN = "arn:aws:vpc-lattice:eu-central-1:111122223333:servicenetwork/sn-0123456789abcdef0";
  const doc = spec((s) => {
    s.defaults = { policy: "org-only" };
    s.vpcs[0].subnets[0].services.push("orders-db", "mesh");
    s.vpcs[0].subnets[1].services.push("orders-db");
    s.vpcs[0].endpoints = {
      "orders-db": { type: "resource", resourceConfigurationArn: RCFG, ports: [5432, 443], privateDns: true },
      mesh: { type: "service-network", serviceNetworkArn: SN },
    };
  });

  test("type Resource / ServiceNetwork with the ARN, never service_name or a policy; ENIs per zone; a group", () => {
    const json = synthJson(doc);
    const rc = json.resource.aws_vpc_endpoint["main_orders-db"];
    expect(rc).toMatchObject({
      vpc_endpoint_type: "Resource",
      resource_configuration_arn: RCFG,
      subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"],
      security_group_ids: ["${aws_security_group.main_orders-db.id}"],
      private_dns_enabled: true,
    });
    const sn = json.resource.aws_vpc_endpoint.main_mesh;
    expect(sn).toMatchObject({
      vpc_endpoint_type: "ServiceNetwork",
      service_network_arn: SN,
      private_dns_enabled: false,
    });
    for (const e of [rc, sn]) {
      // the provider refuses service_name beside either ARN; endpoint policies are for interface and gateway only
      expect(e.service_name).toBeUndefined();
      expect(e.policy).toBeUndefined();
    }
    // org-only still reaches the catalog services of the same file
    expect(json.resource.aws_vpc_endpoint.main_ssm.policy).toBeDefined();
  });

  test("one ingress rule per requesting subnet and port, named with the port; 443 by default", () => {
    const rules = synthJson(doc).resource.aws_vpc_security_group_ingress_rule;
    const of = (prefix: string) =>
      Object.entries(rules as Record<string, Json>)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, r]) => `${k} ${r.cidr_ipv4} ${r.from_port}-${r.to_port}`)
        .sort();
    expect(of("main_orders-db_")).toEqual([
      "main_orders-db_app-a_443 10.20.1.0/24 443-443",
      "main_orders-db_app-a_5432 10.20.1.0/24 5432-5432",
      "main_orders-db_app-b_443 10.20.2.0/24 443-443",
      "main_orders-db_app-b_5432 10.20.2.0/24 5432-5432",
    ]);
    expect(of("main_mesh_")).toEqual(["main_mesh_app-a_443 10.20.1.0/24 443-443"]);
  });

  test("the plan says why, shows the ports, and leaves the hours unpriced rather than free", () => {
    const e = endpointPlan(doc, "main_orders-db");
    expect(e).toMatchObject({ type: "Resource", serviceName: RCFG, port: 443, ports: [443, 5432], hourlyUsd: 0 });
    expect(e.unpriced).toContain("not confirmed");
    expect(e.reasons.join("\n")).toMatch(/VPC Lattice resource endpoint to arn:aws:vpc-lattice/);
    expect(e.reasons.join("\n")).toContain("no endpoint policy");
    expect(e.policy.kind).toBe("unsupported");
  });
});
