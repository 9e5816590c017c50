/**
 * The thin cdktf layer: a StackPlan in, Terraform resources out. This folder
 * is the only place that imports cdktf or the AWS provider bindings (deep
 * paths only: the package root costs seconds and hundreds of MB).
 */
// before cdktf: its root would load archiver at once (see defer-archiver.ts)
import "./defer-archiver";
import * as path from "node:path";
import {
  LocalBackend,
  S3Backend,
  TerraformOutput,
  TerraformStack,
  type ITerraformDependable,
  type TerraformElement,
} from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { EndpointPlan, StackPlan } from "../planner/plan";
import { SECURITY_GROUP_IGNORED_CHANGES } from "../planner/plan";
import { defaultAwsProviderConstraint } from "./provider-version";
import { hubResources } from "./hub";
import { importBlocks, retiredEndpoint } from "./imports";
import { addMovedBlocks, requireTerraform15 } from "./state-blocks";

export interface EndpointStackProps {
  readonly plan: StackPlan;
  /**
   * The project root as seen from the stack's folder (`<out>/stacks/<stack>/`), with `/`: `../../..` for
   * `cdktf.out`. A local state path is written relative to the stack folder, which is where Terraform runs.
   */
  readonly rootFromStack: string;
  /** `required_providers.aws.version`; default: defaultAwsProviderConstraint(). */
  readonly awsProviderVersion?: string;
}

/**
 * One Terraform stack per spec file: provider, backend, and for every planned
 * endpoint the endpoint, its security group and ingress rules.
 */
export class EndpointStack extends TerraformStack {
  /** Terraform addresses taken so far, by resource type: a second claim is a bug, never a silent merge. */
  private readonly addresses = new Set<string>();
  /** One scope per resource type, so construct ids of different types never meet. */
  private readonly scopes: Record<"endpoints" | "securityGroups" | "rules", Construct>;

  constructor(scope: Construct, props: EndpointStackProps) {
    const plan = props.plan;
    super(scope, plan.stack);
    this.scopes = {
      endpoints: new Construct(this, "endpoints"),
      securityGroups: new Construct(this, "security_groups"),
      rules: new Construct(this, "rules"),
    };
    this.addBackend(plan, props.rootFromStack);
    new AwsProvider(this, "aws", {
      region: plan.region,
      defaultTags: Object.keys(plan.tags).length > 0 ? [{ tags: { ...plan.tags } }] : undefined,
      assumeRole: plan.assumeRoleArn ? [{ roleArn: plan.assumeRoleArn }] : undefined,
      allowedAccountIds: plan.account ? [plan.account] : undefined,
    });
    // cdktf writes the bindings' exact version, which fails `terraform init` against a lock file on a later release
    this.addOverride(
      "terraform.required_providers.aws.version",
      props.awsProviderVersion ?? defaultAwsProviderConstraint(),
    );
    // References are literal Terraform interpolations built from the addresses the plan fixes (every logical id
    // is overridden to its plan address), not `resource.id` tokens: cdktf resolves each token with a stack-trace
    // capture, which dominated synth time at scale; the strings it would resolve to are these, byte for byte.
    const ids: Record<string, string> = {};
    const dns: Record<string, string> = {};
    const sgs: Record<string, string[]> = {};
    for (const vpc of plan.vpcs) {
      for (const e of vpc.endpoints) {
        const securityGroupIds = this.endpoint(e);
        ids[e.key] = attributeRef({ type: "aws_vpc_endpoint", address: e.address, attribute: "id" });
        if (securityGroupIds.length > 0) {
          dns[e.key] = attributeRef({ type: "aws_vpc_endpoint", address: e.address, attribute: "dns_entry" });
          sgs[e.key] = securityGroupIds;
        }
      }
      for (const r of vpc.retired ?? [])
        this.claim("aws_vpc_endpoint", r.address, retiredEndpoint(this.scopes.endpoints, r));
    }
    // Existing endpoints from the inventory: import blocks (Terraform 1.5), written as JSON like the check blocks.
    const imports = importBlocks(plan);
    if (imports.length > 0) this.addOverride("import", imports);
    // AWS: private DNS of an interface endpoint needs the VPC attributes enableDnsSupport and enableDnsHostnames
    // (https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html). A `check` block reads them at plan
    // time through a data source scoped to it: a failed assertion or an unreachable AWS is a warning, never a failed
    // plan. cdktf has no construct for `check` (Terraform 1.5), so it is written as JSON.
    const checked = plan.vpcs.filter((v) => v.dnsCheck);
    for (const vpc of checked) {
      const name = `vpc_dns_${vpc.name}`;
      const attr = (a: string) => `data.aws_vpc.${name}.${a}`;
      this.addOverride(`check.${name}`, {
        data: { aws_vpc: { [name]: { id: vpc.id } } },
        assert: [
          {
            condition: `\${${attr("enable_dns_support")} && ${attr("enable_dns_hostnames")}}`,
            error_message:
              `VPC ${vpc.name} (${vpc.id}) has interface endpoints with private DNS, which need its ` +
              "enableDnsSupport and enableDnsHostnames attributes: AWS refuses private DNS without them; " +
              "turn both on before applying.",
          },
        ],
      });
    }
    const moved = addMovedBlocks(this, plan);
    // check, import and moved blocks are Terraform 1.5
    if (checked.length > 0 || imports.length > 0 || moved > 0) requireTerraform15(this);
    this.output("endpoint_ids", ids, "VPC endpoint ids, by <vpc>/<service>");
    this.output("endpoint_dns_entries", dns, "DNS entries of the interface endpoints, by <vpc>/<service>");
    this.output("security_group_ids", sgs, "Security groups of the interface endpoints, by <vpc>/<service>");
    const zoneIds = hubResources({
      scope: this,
      plan,
      claim: (type, address, element) => this.claim(type, address, element),
    });
    // named explicitly (not cdktf's cross-stack outputs, which change with the stacks synthesized together):
    // cross-account spokes read it through terraform_remote_state
    const output = plan.vpcs.find((v) => v.hub)?.hub?.output;
    if (output) this.output(output, zoneIds, "Private hosted zone ids of the hub services, by <hub vpc>/<zone name>");
  }

  private addBackend(plan: StackPlan, rootFromStack: string): void {
    const b = plan.backend;
    if (b.kind === "local") {
      // the model's path is relative to the project root; Terraform resolves it against the stack folder
      new LocalBackend(this, { path: path.posix.join(rootFromStack, b.path) });
      return;
    }
    const backend = new S3Backend(this, {
      bucket: b.bucket,
      key: b.key,
      region: b.region,
      dynamodbTable: b.dynamodbTable,
      encrypt: b.encrypt,
      assumeRole: b.roleArn ? { roleArn: b.roleArn } : undefined,
    });
    if (b.useLockfile !== undefined) backend.addOverride("use_lockfile", b.useLockfile);
  }

  /**
   * Creates the endpoint (and for an interface or VPC Lattice endpoint its security groups and rules); returns the
   * groups' ids.
   */
  private endpoint(e: EndpointPlan): string[] {
    // the endpoint's own tags, then vpce's (the schema refuses Name and vpce:* keys); default_tags add the stack's
    const tags = { ...e.tags, Name: e.key.replace(/\//g, "-"), "vpce:service": e.service };
    // A dependable is anything with an fqn: the literal address renders as the resource's own fqn would.
    const dependsOn = e.dependsOn.map((a): ITerraformDependable => {
      if (!this.addresses.has(`aws_vpc_endpoint.${a}`))
        throw new Error(`internal: ${e.address} depends on ${a}, which is not created before it`);
      return { fqn: `aws_vpc_endpoint.${a}` };
    });
    if (e.type === "Gateway") {
      this.claim(
        "aws_vpc_endpoint",
        e.address,
        new VpcEndpoint(this.scopes.endpoints, e.address, {
          vpcId: e.vpcId,
          serviceName: e.serviceName,
          vpcEndpointType: "Gateway",
          routeTableIds: [...e.routeTableIds],
          ipAddressType: e.ipAddressType,
          dnsOptions: e.dnsRecordIpType ? { dnsRecordIpType: e.dnsRecordIpType } : undefined,
          policy: e.policy.document,
          tags,
        }),
      );
      return [];
    }
    if (e.securityGroups.length === 0)
      throw new Error(`internal: ${e.type} endpoint ${e.address} has no security group plan`);
    const securityGroupIds = e.securityGroups.map((sgPlan) => {
      const groupId = attributeRef({ type: "aws_security_group", address: sgPlan.address, attribute: "id" });
      this.claim(
        "aws_security_group",
        sgPlan.address,
        new SecurityGroup(this.scopes.securityGroups, sgPlan.address, {
          // A new name or description forces a new group (the provider's ForceNew): create it first, so the
          // endpoint is never left without one. Two groups of a VPC cannot share a name, so the name is a prefix.
          // Name and description are made of the VPC and endpoints names: a rename must not replace the group
          // (its rules would go with it), so both keep the values the group was created with.
          namePrefix: `${sgPlan.name}-`,
          lifecycle: { createBeforeDestroy: true, ignoreChanges: [...SECURITY_GROUP_IGNORED_CHANGES] },
          description: sgPlan.description,
          vpcId: e.vpcId,
          tags: { ...e.tags, Name: sgPlan.name, "vpce:service": e.service },
        }),
      );
      for (const r of sgPlan.ingress) {
        this.claim(
          "aws_vpc_security_group_ingress_rule",
          r.address,
          new VpcSecurityGroupIngressRule(this.scopes.rules, r.address, {
            securityGroupId: groupId,
            ipProtocol: "tcp",
            fromPort: r.port,
            toPort: r.port,
            cidrIpv4: r.kind === "ipv4" ? r.cidr : undefined,
            cidrIpv6: r.kind === "ipv6" ? r.cidr : undefined,
            referencedSecurityGroupId: r.kind === "security-group" ? r.cidr : undefined,
            description: r.description,
          }),
        );
      }
      return groupId;
    });
    this.claim(
      "aws_vpc_endpoint",
      e.address,
      new VpcEndpoint(this.scopes.endpoints, e.address, {
        vpcId: e.vpcId,
        // a VPC Lattice endpoint names its target by ARN; the provider refuses service_name beside it
        ...target(e),
        vpcEndpointType: e.type,
        serviceRegion: e.serviceRegion,
        subnetIds: e.subnets.map((s) => s.subnetId),
        // only the subnets with a fixed address: AWS picks the others' (CreateVpcEndpoint SubnetConfigurations)
        subnetConfiguration: e.subnets.some((s) => s.ipv4 !== undefined)
          ? e.subnets.filter((s) => s.ipv4 !== undefined).map((s) => ({ subnetId: s.subnetId, ipv4: s.ipv4 }))
          : undefined,
        securityGroupIds: [...securityGroupIds],
        privateDnsEnabled: e.privateDns,
        ipAddressType: e.ipAddressType,
        dnsOptions:
          e.privateDnsOnlyForInboundResolverEndpoint !== undefined || e.dnsRecordIpType !== undefined
            ? {
                privateDnsOnlyForInboundResolverEndpoint: e.privateDnsOnlyForInboundResolverEndpoint,
                dnsRecordIpType: e.dnsRecordIpType,
              }
            : undefined,
        policy: e.policy.document,
        tags,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      }),
    );
    return securityGroupIds;
  }

  private output(name: string, value: Record<string, string | string[]>, description: string): void {
    const o = new TerraformOutput(this, name, { value, description });
    o.overrideLogicalId(name);
  }

  /** Pins the Terraform address to the plan's name and refuses a second claim on it. */
  private claim<T extends TerraformElement>(type: string, address: string, element: T): T {
    const key = `${type}.${address}`;
    if (this.addresses.has(key))
      throw new Error(`internal: two resources map to ${key}; the planner should have reported ADDRESS_COLLISION`);
    this.addresses.add(key);
    element.overrideLogicalId(address);
    return element;
  }
}

/** What an ENI endpoint connects to: a service name, a resource configuration or a service network (by ARN). */
function target(e: EndpointPlan): {
  serviceName?: string;
  resourceConfigurationArn?: string;
  serviceNetworkArn?: string;
} {
  if (e.type === "Resource") return { resourceConfigurationArn: e.serviceName };
  if (e.type === "ServiceNetwork") return { serviceNetworkArn: e.serviceName };
  return { serviceName: e.serviceName };
}

/**
 * `${<type>.<address>.<attribute>}`: what cdktf renders for `resource.<attribute>` once the logical id is the
 * address.
 */
function attributeRef(ref: { type: string; address: string; attribute: string }): string {
  return `\${${ref.type}.${ref.address}.${ref.attribute}}`;
}
