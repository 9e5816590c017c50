// The floor of the benchmark: raw cdktf emitting the resources of a plan (the JSON of `vpce plan --format json`,
// written beforehand) through the same provider classes, with literal references and no vpce code. What it writes
// is byte-identical to `vpce synth` (the benchmark checks), so the difference is vpce's own cost.
//   CDKTF_OUTDIR=out node scripts/bench/floor.js plan.json
"use strict";
const fs = require("node:fs");
const { App, LocalBackend, S3Backend, TerraformOutput, TerraformStack } = require("cdktf");
const { Construct } = require("constructs");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { SecurityGroup } = require("@cdktf/provider-aws/lib/security-group");
const { VpcEndpoint } = require("@cdktf/provider-aws/lib/vpc-endpoint");
const { VpcSecurityGroupIngressRule } = require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule");

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
for (const p of plan.stacks) {
  const stack = new TerraformStack(app, p.stack);
  const endpoints = new Construct(stack, "endpoints");
  const groups = new Construct(stack, "security_groups");
  const rules = new Construct(stack, "rules");
  const b = p.backend;
  if (b.kind === "local") new LocalBackend(stack, { path: b.path });
  else {
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
  new AwsProvider(stack, "aws", {
    region: p.region,
    defaultTags: Object.keys(p.tags).length > 0 ? [{ tags: p.tags }] : undefined,
    assumeRole: p.assumeRoleArn ? [{ roleArn: p.assumeRoleArn }] : undefined,
    allowedAccountIds: p.account ? [p.account] : undefined,
  });
  const ids = {};
  const dns = {};
  const sgs = {};
  for (const vpc of p.vpcs) {
    for (const e of vpc.endpoints) {
      const tags = { Name: e.key.replace(/\//g, "-"), "vpce:service": e.service };
      const common = { vpcId: e.vpcId, serviceName: e.serviceName, policy: e.policy.document, tags };
      ids[e.key] = `\${aws_vpc_endpoint.${e.address}.id}`;
      if (e.type === "Gateway") {
        const r = new VpcEndpoint(endpoints, e.address, {
          ...common,
          vpcEndpointType: "Gateway",
          routeTableIds: e.routeTableIds,
        });
        r.overrideLogicalId(e.address);
        continue;
      }
      const groupIds = e.securityGroups.map((g) => {
        const id = `\${aws_security_group.${g.address}.id}`;
        new SecurityGroup(groups, g.address, {
          name: g.name,
          description: g.description,
          vpcId: e.vpcId,
          tags: { Name: g.name, "vpce:service": e.service },
        }).overrideLogicalId(g.address);
        for (const i of g.ingress) {
          new VpcSecurityGroupIngressRule(rules, i.address, {
            securityGroupId: id,
            ipProtocol: "tcp",
            fromPort: i.port,
            toPort: i.port,
            cidrIpv4: i.cidr,
            description: i.description,
          }).overrideLogicalId(i.address);
        }
        return id;
      });
      new VpcEndpoint(endpoints, e.address, {
        ...common,
        vpcEndpointType: "Interface",
        subnetIds: e.subnets.map((s) => s.subnetId),
        securityGroupIds: groupIds,
        privateDnsEnabled: e.privateDns,
        dnsOptions:
          e.privateDnsOnlyForInboundResolverEndpoint !== undefined
            ? { privateDnsOnlyForInboundResolverEndpoint: e.privateDnsOnlyForInboundResolverEndpoint }
            : undefined,
        dependsOn: e.dependsOn.length > 0 ? e.dependsOn.map((a) => ({ fqn: `aws_vpc_endpoint.${a}` })) : undefined,
      }).overrideLogicalId(e.address);
      dns[e.key] = `\${aws_vpc_endpoint.${e.address}.dns_entry}`;
      sgs[e.key] = groupIds;
    }
  }
  const outputs = [
    ["endpoint_ids", ids, "VPC endpoint ids, by <vpc>/<service>"],
    ["endpoint_dns_entries", dns, "DNS entries of the interface endpoints, by <vpc>/<service>"],
    ["security_group_ids", sgs, "Security groups of the interface endpoints, by <vpc>/<service>"],
  ];
  for (const [name, value, description] of outputs)
    new TerraformOutput(stack, name, { value, description }).overrideLogicalId(name);
}
app.synth();
