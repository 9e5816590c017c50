// The floor of the benchmark: raw cdktf emitting the resources of a plan (the JSON of `vpce plan --format json`,
// written beforehand) through the same provider classes, with literal references and no vpce code. What it writes
// is byte-identical to `vpce synth` (the benchmark checks), so the difference is vpce's own cost.
//   CDKTF_OUTDIR=out node scripts/bench/floor.js plan.json
// Besides the plan, it takes what vpce takes from where it runs: the project root is the working directory (local
// state paths are written relative to <out>/stacks/<stack>/, pointing into it; cdktf.json's
// context."vpce:awsProviderVersion" overrides the provider version range), and the default range starts at the
// provider version the bindings were generated from (the provider's own generator metadata).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { App, LocalBackend, S3Backend, TerraformOutput, TerraformStack } = require("cdktf");
const { Construct } = require("constructs");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { SecurityGroup } = require("@cdktf/provider-aws/lib/security-group");
const { VpcEndpoint } = require("@cdktf/provider-aws/lib/vpc-endpoint");
const { VpcSecurityGroupIngressRule } = require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule");

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
const root = process.cwd();
let configured;
try {
  configured = JSON.parse(fs.readFileSync(path.join(root, "cdktf.json"), "utf8")).context?.["vpce:awsProviderVersion"];
} catch (e) {
  if (e.code !== "ENOENT") throw e;
}
const app = new App({ outdir });
for (const p of plan.stacks) {
  const stack = new TerraformStack(app, p.stack);
  const endpoints = new Construct(stack, "endpoints");
  const groups = new Construct(stack, "security_groups");
  const rules = new Construct(stack, "rules");
  const b = p.backend;
  if (b.kind === "local") {
    const fromStack =
      path
        .relative(path.resolve(outdir, "stacks", p.stack), root)
        .split(path.sep)
        .join("/") || ".";
    new LocalBackend(stack, { path: path.posix.join(fromStack, b.path) });
  } else {
    const s3 = new S3Backend(stack, {
      bucket: b.bucket,
      key: b.key,
      region: b.region,
      dynamodbTable: b.dynamodbTable,
      encrypt: b.encrypt,
      assumeRole: b.roleArn ? { roleArn: b.roleArn } : undefined,
    });
    if (b.useLockfile !== undefined) s3.addOverride("use_lockfile", b.useLockfile);
  }
  const provider = new AwsProvider(stack, "aws", {
    region: p.region,
    defaultTags: Object.keys(p.tags).length > 0 ? [{ tags: p.tags }] : undefined,
    assumeRole: p.assumeRoleArn ? [{ roleArn: p.assumeRoleArn }] : undefined,
    allowedAccountIds: p.account ? [p.account] : undefined,
  });
  const bindings = provider.terraformGeneratorMetadata.providerVersion;
  const range = configured ?? `>= ${bindings}, < ${Number(bindings.split(".")[0]) + 1}.0.0`;
  stack.addOverride("terraform.required_providers.aws.version", range);
  const ids = {};
  const dns = {};
  const sgs = {};
  for (const vpc of p.vpcs) {
    for (const e of vpc.endpoints) {
      const tags = { ...e.tags, Name: e.key.replace(/\//g, "-"), "vpce:service": e.service };
      const dnsOptions =
        e.privateDnsOnlyForInboundResolverEndpoint !== undefined || e.dnsRecordIpType !== undefined
          ? {
              privateDnsOnlyForInboundResolverEndpoint: e.privateDnsOnlyForInboundResolverEndpoint,
              dnsRecordIpType: e.dnsRecordIpType,
            }
          : undefined;
      const common = {
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        ipAddressType: e.ipAddressType,
        dnsOptions,
        policy: e.policy.document,
        tags,
      };
      ids[e.key] = `\${aws_vpc_endpoint.${e.address}.id}`;
      if (e.type === "Gateway") {
        new VpcEndpoint(endpoints, e.address, {
          ...common,
          vpcEndpointType: "Gateway",
          routeTableIds: e.routeTableIds,
        }).overrideLogicalId(e.address);
        continue;
      }
      const groupIds = e.securityGroups.map((g) => {
        const id = `\${aws_security_group.${g.address}.id}`;
        new SecurityGroup(groups, g.address, {
          namePrefix: `${g.name}-`,
          lifecycle: { createBeforeDestroy: true, ignoreChanges: ["name_prefix", "description"] },
          description: g.description,
          vpcId: e.vpcId,
          tags: { ...e.tags, Name: g.name, "vpce:service": e.service },
        }).overrideLogicalId(g.address);
        for (const i of g.ingress) {
          new VpcSecurityGroupIngressRule(rules, i.address, {
            securityGroupId: id,
            ipProtocol: "tcp",
            fromPort: i.port,
            toPort: i.port,
            cidrIpv4: i.kind === "ipv4" ? i.cidr : undefined,
            cidrIpv6: i.kind === "ipv6" ? i.cidr : undefined,
            referencedSecurityGroupId: i.kind === "security-group" ? i.cidr : undefined,
            description: i.description,
          }).overrideLogicalId(i.address);
        }
        return id;
      });
      const fixed = e.subnets.filter((s) => s.ipv4 !== undefined);
      new VpcEndpoint(endpoints, e.address, {
        ...common,
        vpcEndpointType: "Interface",
        serviceRegion: e.serviceRegion,
        subnetIds: e.subnets.map((s) => s.subnetId),
        subnetConfiguration: fixed.length > 0 ? fixed.map((s) => ({ subnetId: s.subnetId, ipv4: s.ipv4 })) : undefined,
        securityGroupIds: groupIds,
        privateDnsEnabled: e.privateDns,
        dependsOn: e.dependsOn.length > 0 ? e.dependsOn.map((a) => ({ fqn: `aws_vpc_endpoint.${a}` })) : undefined,
      }).overrideLogicalId(e.address);
      dns[e.key] = `\${aws_vpc_endpoint.${e.address}.dns_entry}`;
      sgs[e.key] = groupIds;
    }
  }
  const checked = p.vpcs.filter((v) => v.dnsCheck);
  for (const vpc of checked) {
    const name = `vpc_dns_${vpc.name}`;
    stack.addOverride(`check.${name}`, {
      data: { aws_vpc: { [name]: { id: vpc.id } } },
      assert: [
        {
          condition: `\${data.aws_vpc.${name}.enable_dns_support && data.aws_vpc.${name}.enable_dns_hostnames}`,
          error_message:
            `VPC ${vpc.name} (${vpc.id}) has interface endpoints with private DNS, which need its ` +
            "enableDnsSupport and enableDnsHostnames attributes: AWS refuses private DNS without them; " +
            "turn both on before applying.",
        },
      ],
    });
  }
  if (checked.length > 0) stack.addOverride("terraform.required_version", ">= 1.5.0");
  const outputs = [
    ["endpoint_ids", ids, "VPC endpoint ids, by <vpc>/<service>"],
    ["endpoint_dns_entries", dns, "DNS entries of the interface endpoints, by <vpc>/<service>"],
    ["security_group_ids", sgs, "Security groups of the interface endpoints, by <vpc>/<service>"],
  ];
  for (const [name, value, description] of outputs)
    new TerraformOutput(stack, name, { value, description }).overrideLogicalId(name);
}
app.synth();
