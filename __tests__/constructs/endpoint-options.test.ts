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
      "security group named vpce-main-ssm-* (name prefix): a replacement is created before the group it replaces is destroyed",
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
