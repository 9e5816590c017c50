/**
 * The hub's resources in Terraform: in the hub's stack, per hub zone the
 * private hosted zone (created with the hub VPC), its alias records to the
 * hub endpoint, an association per same-account spoke and an association
 * authorization per cross-account spoke; in a cross-account spoke's stack,
 * the hub's state (terraform_remote_state on its S3 backend) and the
 * associations, reading the zone ids from the hub's named output.
 */
// before cdktf: its root would load archiver at once (see defer-archiver.ts)
import "./defer-archiver";
import { DataTerraformRemoteStateS3, type TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53VpcAssociationAuthorization } from "@cdktf/provider-aws/lib/route53-vpc-association-authorization";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import type { HubPlan, StackPlan, UseHubPlan, VpcPlan } from "../planner/plan";

/** Claims a Terraform address for an element (EndpointStack.claim): a second claim is a bug. */
export type Claim = <T extends TerraformElement>(type: string, address: string, element: T) => T;

/** Creates the hub and spoke resources of the stack; returns the zone ids by HostedZonePlan.key (the output). */
interface Scopes {
  readonly zones: Construct;
  readonly records: Construct;
  readonly associations: Construct;
  readonly authorizations: Construct;
  readonly states: Construct;
}

export function hubResources(opts: { scope: Construct; plan: StackPlan; claim: Claim }): Record<string, string> {
  const { plan, claim } = opts;
  // one scope per resource type, so construct ids of different types never meet
  const hub = new Construct(opts.scope, "hub");
  const scopes: Scopes = {
    zones: new Construct(hub, "zones"),
    records: new Construct(hub, "records"),
    associations: new Construct(hub, "associations"),
    authorizations: new Construct(hub, "authorizations"),
    states: new Construct(hub, "states"),
  };
  const zoneIds: Record<string, string> = {};
  for (const vpc of plan.vpcs) {
    if (vpc.hub) Object.assign(zoneIds, hubZones({ scopes, vpc, hub: vpc.hub, claim }));
    if (vpc.useHub && vpc.useHub.associations.length > 0) spokeAssociations({ scopes, vpc, use: vpc.useHub, claim });
  }
  return zoneIds;
}

function hubZones(opts: { scopes: Scopes; vpc: VpcPlan; hub: HubPlan; claim: Claim }): Record<string, string> {
  const { scopes, vpc, hub, claim } = opts;
  const zoneIds: Record<string, string> = {};
  for (const s of hub.services) {
    const target = (attribute: string) => `\${aws_vpc_endpoint.${s.endpoint}.dns_entry[0].${attribute}}`;
    for (const zone of s.zones) {
      const zoneId = `\${aws_route53_zone.${zone.address}.zone_id}`;
      zoneIds[zone.key] = zoneId;
      claim(
        "aws_route53_zone",
        zone.address,
        new Route53Zone(scopes.zones, zone.address, {
          name: zone.name,
          comment: `${s.service} through the hub endpoint in ${vpc.name} (managed by vpce)`,
          // a private zone is created with one VPC; the others are association resources, which the zone would
          // otherwise see as drift and remove on every apply (provider docs of aws_route53_zone_association;
          // hashicorp/terraform-provider-aws #7946, #14872)
          vpc: [{ vpcId: vpc.id }],
          lifecycle: { ignoreChanges: ["vpc"] },
          tags: { Name: zone.key.replace(/\//g, "-"), "vpce:service": s.service },
        }),
      );
      for (const r of zone.records)
        claim(
          "aws_route53_record",
          r.address,
          new Route53Record(scopes.records, r.address, {
            zoneId,
            name: r.name,
            type: r.type,
            alias: { name: target("dns_name"), zoneId: target("hosted_zone_id"), evaluateTargetHealth: false },
          }),
        );
      for (const a of zone.associations) {
        if (a.kind === "same-account")
          claim(
            "aws_route53_zone_association",
            a.address,
            new Route53ZoneAssociation(scopes.associations, a.address, { zoneId, vpcId: a.vpcId }),
          );
        if (a.kind === "cross-account")
          claim(
            "aws_route53_vpc_association_authorization",
            a.address,
            new Route53VpcAssociationAuthorization(scopes.authorizations, a.address, { zoneId, vpcId: a.vpcId }),
          );
      }
    }
  }
  return zoneIds;
}

function spokeAssociations(opts: { scopes: Scopes; vpc: VpcPlan; use: UseHubPlan; claim: Claim }): void {
  const { scopes, vpc, use, claim } = opts;
  const state = use.state;
  if (!state) throw new Error(`internal: cross-account spoke ${vpc.name} has associations but no hub state`);
  const name = `terraform_remote_state.${state.address}`;
  if (!scopes.states.node.tryFindChild(state.address)) {
    const remote = new DataTerraformRemoteStateS3(scopes.states, state.address, {
      bucket: state.bucket,
      key: state.key,
      region: state.region,
      assumeRole: state.roleArn ? { roleArn: state.roleArn } : undefined,
    });
    claim("data.terraform_remote_state", state.address, remote);
  }
  for (const a of use.associations)
    claim(
      "aws_route53_zone_association",
      a.address,
      new Route53ZoneAssociation(scopes.associations, a.address, {
        zoneId: `\${data.${name}.outputs.${state.output}[${JSON.stringify(a.zoneKey)}]}`,
        vpcId: vpc.id,
      }),
    );
}
