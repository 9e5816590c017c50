/** The thin construct layer, through cdktf's Testing helpers (snake_case keys). */
import { Testing } from "cdktf";
import type {} from "cdktf/lib/testing/adapters/jest"; // the jest matcher types
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { EndpointStack } from "../../src/constructs/endpoint-stack";
import { defaultAwsProviderConstraint } from "../../src/constructs/provider-version";
import type { StackPlan } from "../../src/planner/plan";
import { BASE, edit, pipelineOf } from "../helpers";

function stackPlanOf(yaml: string): StackPlan {
  const r = pipelineOf({ "a.yaml": yaml });
  if (!r.plan) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.plan.stacks[0];
}

function synth(plan: StackPlan, props: { rootFromStack?: string; awsProviderVersion?: string } = {}): string {
  const app = Testing.app();
  const stack = new EndpointStack(app, { plan, rootFromStack: "../../..", ...props });
  return Testing.synth(stack);
}

describe("EndpointStack", () => {
  test("gateway endpoint on the requesting subnets' route tables, type always set", () => {
    // GIVEN the base spec  WHEN synthesized
    const out = synth(stackPlanOf(BASE));
    // THEN
    expect(out).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: "Gateway",
      service_name: "com.amazonaws.eu-central-1.s3",
      route_table_ids: ["rtb-0aaaaaaaaaaaaaaa1", "rtb-0bbbbbbbbbbbbbbb2"],
      vpc_id: "vpc-0123456789abcdef0",
    });
  });

  test("interface endpoint: one subnet per AZ, own security group, private DNS", () => {
    const out = synth(stackPlanOf(BASE));
    expect(out).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.eu-central-1.ssm",
      subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"],
      security_group_ids: ["${aws_security_group.main_ssm.id}"],
      private_dns_enabled: true,
    });
    expect(out).toHaveResourceWithProperties(SecurityGroup, {
      name_prefix: "vpce-main-ssm-",
      vpc_id: "vpc-0123456789abcdef0",
    });
    expect(out).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      security_group_id: "${aws_security_group.main_ssm.id}",
      cidr_ipv4: "10.20.1.0/24",
      from_port: 443,
      to_port: 443,
      ip_protocol: "tcp",
    });
  });

  test("addresses come from names: <vpc>_<service>, dots become underscores", () => {
    const json = JSON.parse(
      synth(
        stackPlanOf(edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [ecr.api]\n      - name: app-b")),
      ),
    );
    expect(Object.keys(json.resource.aws_vpc_endpoint).sort()).toEqual(["main_ecr_api", "main_s3", "main_ssm"]);
    expect(Object.keys(json.resource.aws_vpc_security_group_ingress_rule).sort()).toEqual([
      "main_ecr_api_app-a",
      "main_ssm_app-b",
    ]);
  });

  test("S3 both: gateway plus interface answering only the inbound resolver", () => {
    const out = synth(stackPlanOf(BASE + "    endpoints:\n      s3: { type: both, allowedCidrs: [192.168.0.0/16] }\n"));
    expect(out).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.eu-central-1.s3",
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: true },
    });
    expect(out).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: "Gateway",
      service_name: "com.amazonaws.eu-central-1.s3",
    });
    expect(out).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      cidr_ipv4: "192.168.0.0/16",
      from_port: 443,
    });
  });

  test("S3 both: interface endpoint waits for the gateway (AWS refuses inbound-resolver-only DNS without it)", () => {
    const json = JSON.parse(synth(stackPlanOf(BASE + "    endpoints:\n      s3: { type: both }\n")));
    expect(json.resource.aws_vpc_endpoint.main_s3_interface.depends_on).toEqual(["aws_vpc_endpoint.main_s3"]);
    expect(json.resource.aws_vpc_endpoint.main_s3_interface.tags.Name).toBe("main-s3-interface");
    expect(json.resource.aws_vpc_endpoint.main_s3.depends_on).toBeUndefined();
    expect(Object.keys(json.output.endpoint_ids.value)).toEqual(["main/s3", "main/s3/interface", "main/ssm"]);
  });

  test("a custom key ending in _interface is not taken for half of S3 both", () => {
    const json = JSON.parse(
      synth(
        stackPlanOf(
          edit(BASE, "services: [s3, ssm]", "services: [s3, ssm, feed_interface]") +
            "    endpoints:\n" +
            "      feed_interface: { serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 }\n",
        ),
      ),
    );
    expect(json.resource.aws_vpc_endpoint.main_feed_interface.tags.Name).toBe("main-feed_interface");
    expect(Object.keys(json.output.endpoint_ids.value)).toContain("main/feed_interface");
  });

  test("S3 interface without a gateway: the whole VPC resolves to it", () => {
    const out = synth(stackPlanOf(BASE + "    endpoints:\n      s3: { type: interface }\n"));
    expect(out).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: "Interface",
      service_name: "com.amazonaws.eu-central-1.s3",
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: false },
    });
  });

  test("org-only policy is attached with the organization; full access writes no policy", () => {
    const json = JSON.parse(
      synth(
        stackPlanOf(
          edit(
            BASE,
            "organizationId: o-a1b2c3d4e5\n",
            "organizationId: o-a1b2c3d4e5\ndefaults: { policy: org-only }\n",
          ),
        ),
      ),
    );
    const policy = JSON.parse(json.resource.aws_vpc_endpoint.main_s3.policy);
    expect(policy.Statement[0].Condition.StringEquals["aws:PrincipalOrgID"]).toBe("o-a1b2c3d4e5");
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toContain("AllowRequestsToAWSOwnedResources");
    const open = JSON.parse(synth(stackPlanOf(BASE)));
    expect(open.resource.aws_vpc_endpoint.main_ssm.policy).toBeUndefined();
  });

  test("provider: region, default tags, assume role, allowed account; explicit backend", () => {
    const yaml = edit(
      BASE,
      "stack: base\n",
      'stack: base\naccount: "111122223333"\nassumeRoleArn: arn:aws:iam::111122223333:role/tf\ntags: { team: net }\n' +
        "backend:\n  s3: { bucket: b-state, key: k.tfstate, region: eu-central-1, useLockfile: true }\n",
    );
    const json = JSON.parse(synth(stackPlanOf(yaml)));
    expect(json.provider.aws[0]).toEqual({
      region: "eu-central-1",
      allowed_account_ids: ["111122223333"],
      assume_role: [{ role_arn: "arn:aws:iam::111122223333:role/tf" }],
      default_tags: [{ tags: { team: "net" } }],
    });
    expect(json.terraform.backend).toEqual({
      s3: { bucket: "b-state", key: "k.tfstate", region: "eu-central-1", use_lockfile: true },
    });
    const local = JSON.parse(synth(stackPlanOf(BASE)));
    expect(local.terraform.backend).toEqual({ local: { path: "../../../terraform.base.tfstate" } });
  });

  test("local state: the default and an explicit path are relative to the project root, seen from the stack", () => {
    // GIVEN the default backend and an explicit local path  WHEN synthesized for another root
    const byDefault = JSON.parse(synth(stackPlanOf(BASE), { rootFromStack: "../../../.." }));
    const explicit = JSON.parse(
      synth(
        stackPlanOf(edit(BASE, "stack: base\n", "stack: base\nbackend: { local: { path: state/base.tfstate } }\n")),
        {
          rootFromStack: "../../..",
        },
      ),
    );
    // THEN the path climbs from the stack folder to the root, then names the file
    expect(byDefault.terraform.backend).toEqual({ local: { path: "../../../../terraform.base.tfstate" } });
    expect(explicit.terraform.backend).toEqual({ local: { path: "../../../state/base.tfstate" } });
  });

  test("provider version: a range from the bindings' version to the next major, or the one given", () => {
    // GIVEN the bindings' exact version, as cdktf would pin it
    const meta = new AwsProvider(new TerraformStack(Testing.app(), "probe"), "aws").terraformGeneratorMetadata;
    const [major] = (meta?.providerVersion as string).split(".");
    // WHEN synthesized without and with a project constraint
    const byDefault = JSON.parse(synth(stackPlanOf(BASE)));
    const set = JSON.parse(synth(stackPlanOf(BASE), { awsProviderVersion: "~> 6.30" }));
    // THEN
    expect(defaultAwsProviderConstraint()).toBe(`>= ${meta?.providerVersion}, < ${Number(major) + 1}.0.0`);
    expect(byDefault.terraform.required_providers.aws).toEqual({
      source: "aws",
      version: defaultAwsProviderConstraint(),
    });
    expect(set.terraform.required_providers.aws.version).toBe("~> 6.30");
  });

  test("a second claim on one address is refused, never merged", () => {
    const plan = stackPlanOf(BASE);
    const dup: StackPlan = {
      ...plan,
      vpcs: [
        { ...plan.vpcs[0], endpoints: [...plan.vpcs[0].endpoints, { ...plan.vpcs[0].endpoints[0], service: "other" }] },
      ],
    };
    expect(() => synth(dup)).toThrow(/ADDRESS_COLLISION|already a Construct/);
  });
});
