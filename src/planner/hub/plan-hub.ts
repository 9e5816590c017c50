/**
 * The hub's part of the plan, as pure data: per hub service the private
 * hosted zones (named after the service's private DNS names), their alias
 * records to the hub endpoint, which VPCs each zone answers and how (inline,
 * an association in the hub's stack, or an authorization there and the
 * association in a cross-account spoke's stack), the spoke subnets the
 * endpoint admits, and the cost against an endpoint in every VPC that asks.
 */
import type { Cidr } from "../../cidr";
import type { SubnetModel, VpcModel } from "../../input/spec-model";

import type { RegionDump } from "../../region-dumps/read";
import { capturedSubnets } from "../decisions/private-dns";
import { azLabel, placeInterfaceEndpoint } from "../decisions/placement";
import type { SgClient } from "../decisions/security-group";
import { sanitizeName } from "../names";
import type { HostedZonePlan, HubPlan, HubServicePlan, UseHubPlan, ZoneAssociationPlan, ZoneRecordPlan } from "../plan";
import { PRICES } from "../pricing";
import { resolveService } from "../service";
import type { EndpointSubject } from "../subject";
import type { HubNode, SpokeNode } from "./topology";
import { hubZones } from "./zones";

/** The hub stack's output holding every zone id, by HostedZonePlan.key: cross-account spokes read it by name. */
export const HUB_ZONE_IDS_OUTPUT = "hub_zone_ids";

/** The spoke subnets that ask for a hub service, as its security group admits them (names unique across spokes). */
export function hubClients(opts: { hub: HubNode; service: string }): SgClient[] {
  return opts.hub.spokes.flatMap((spoke) =>
    (spoke.served.get(opts.service) ?? []).map((s) => ({
      name: sanitizeName(`${spoke.spec.stack}_${spoke.vpc.name}_${s.name}`),
      id: s.id,
      cidr: s.cidr,
      ipv6Cidr: s.ipv6Cidr,
      label: `${spoke.spec.stack}/${spoke.vpc.name}/${s.name}`,
      // the rule's name before a rename of the spoke VPC or subnet: its moved block leads from it
      renamedFrom: sanitizeName(
        `${spoke.spec.stack}_${spoke.vpc.renamedFrom ?? spoke.vpc.name}_${s.renamedFrom ?? s.name}`,
      ),
    })),
  );
}

interface ZoneShape {
  readonly address: string;
  /** The address under the hub VPC's name before a rename (`renamedFrom`). */
  readonly previous: string;
  readonly key: string;
  readonly name: string;
  readonly wildcard: boolean;
  readonly wildcardWhy?: string;
}

/** The zones of one hub service, with their Terraform names and output keys. */
function zonesOf(opts: { hub: HubNode; service: string; dump?: RegionDump }): ZoneShape[] {
  const { hub, service, dump } = opts;
  const { spec, vpc } = hub;
  const svc = resolveService({
    key: service,
    region: spec.region,
    partition: spec.partition,
    settings: vpc.endpoints.get(service),
    dump,
  });
  return hubZones({ svc, region: spec.region, dump }).map((z) => ({
    ...z,
    address: sanitizeName(`${vpc.name}_${z.name}`),
    previous: sanitizeName(`${vpc.renamedFrom ?? vpc.name}_${z.name}`),
    key: `${vpc.name}/${z.name}`,
  }));
}

/** ENIs an endpoint of the VPC's own would have for these requesters (the dump's zones aside). */
function localEnis(opts: { vpc: VpcModel; service: string; requesters: readonly SubnetModel[] }): number {
  if (opts.requesters.length === 0) return 0;
  return placeInterfaceEndpoint({ ...opts, explain: false }).decision.subnets.length;
}

function records(opts: { zone: ZoneShape; ipv6: boolean }): ZoneRecordPlan[] {
  const { zone, ipv6 } = opts;
  const names = [
    { name: zone.name, suffix: "" },
    ...(zone.wildcard ? [{ name: `*.${zone.name}`, suffix: "_wildcard" }] : []),
  ];
  return names.flatMap((n) =>
    [
      { suffix: n.suffix, type: "A" as const },
      ...(ipv6 ? [{ suffix: `${n.suffix}_ipv6`, type: "AAAA" as const }] : []),
    ].map((r) => ({
      ...movable(`${zone.address}${r.suffix}`, `${zone.previous}${r.suffix}`),
      name: n.name,
      type: r.type,
    })),
  );
}

export function planHub(opts: {
  node: HubNode;
  /** The hub VPC's planned endpoints. */
  endpoints: readonly EndpointSubject[];
  dump?: RegionDump;
}): HubPlan {
  const { node, endpoints, dump } = opts;
  const { spec, vpc } = node;
  const services = node.services.flatMap((service): HubServicePlan[] => {
    const endpoint = endpoints.find((e) => e.plan.service === service && e.plan.type === "Interface");
    if (!endpoint) return [];
    // only a capture check that finds a subnet which neither asked nor holds ENIs reads them; merged once (the
    // rules' facts keep them) for the hub VPC and every spoke
    const rules = endpoint.facts.securityGroupRules;
    if (!rules) throw new Error(`internal: the hub's ${service} endpoint has no security group rules planned`);
    const admitted = () => rules.admitted();
    const own = endpoint.facts.requesters;
    const enis = new Set(endpoint.plan.subnets.map((s) => s.subnet));
    const asking = node.spokes.filter((s) => s.served.has(service));
    const inline: ZoneAssociationPlan = {
      kind: "inline",
      address: "",
      stack: spec.stack,
      vpc: vpc.name,
      vpcId: vpc.id,
      captured: capturedSubnets({
        subnets: vpc.subnets,
        asking: new Set(own.map((s) => s.name)),
        // the hub's ENI subnets that ask for nothing hold endpoints, not clients
        holdsEnis: (s) => enis.has(s.name) || vpc.endpointSubnets?.includes(s.name) === true,
        admitted,
      }).captured,
    };
    const ipv6 = endpoint.plan.ipAddressType === "dualstack" || endpoint.plan.ipAddressType === "ipv6";
    const zones = zonesOf({ hub: node, service, dump }).map((zone): HostedZonePlan => ({
      ...movable(zone.address, zone.previous),
      key: zone.key,
      name: zone.name,
      records: records({ zone, ipv6 }),
      ...(zone.wildcardWhy ? { wildcardWhy: zone.wildcardWhy } : {}),
      associations: [
        inline,
        ...asking.map((spoke): ZoneAssociationPlan => ({
          kind: spoke.crossAccount ? "cross-account" : "same-account",
          ...movable(
            sanitizeName(`${zone.address}_${spoke.spec.stack}_${spoke.vpc.name}`),
            sanitizeName(`${zone.previous}_${spoke.spec.stack}_${spoke.vpc.renamedFrom ?? spoke.vpc.name}`),
          ),
          stack: spoke.spec.stack,
          vpc: spoke.vpc.name,
          vpcId: spoke.vpc.id,
          captured: spokeCaptured({ spoke, service, admitted }),
        })),
      ],
    }));
    const spokes = asking.map((spoke) => {
      const n = localEnis({ vpc: spoke.vpc, service, requesters: spoke.served.get(service) ?? [] });
      const gb = spoke.vpc.endpoints.get(service)?.gbPerMonth;
      return {
        stack: spoke.spec.stack,
        vpc: spoke.vpc.name,
        localEnis: n,
        breakEvenGb: round2((n * PRICES.hoursPerMonth * PRICES.interfacePerAzHour) / PRICES.transitGatewayPerGb),
        ...(gb !== undefined ? { gbPerMonth: gb } : {}),
      };
    });
    const hubEnis = endpoint.plan.subnets.length;
    const local = spokes.reduce((n, s) => n + s.localEnis, 0) + localEnis({ vpc, service, requesters: own });
    const eniHoursSaved = (local - hubEnis) * PRICES.hoursPerMonth;
    const zonesUsd = zones.length * PRICES.hostedZonePerMonth;
    const usdSaved = round2(eniHoursSaved * PRICES.interfacePerAzHour - zonesUsd);
    return [
      {
        service,
        endpoint: endpoint.plan.address,
        zones,
        clients: asking.flatMap((spoke) =>
          (spoke.served.get(service) ?? []).map((s) => ({
            stack: spoke.spec.stack,
            vpc: spoke.vpc.name,
            subnet: s.name,
            cidr: s.cidr,
          })),
        ),
        cost: {
          hubEnis,
          localEnis: local,
          eniHoursSaved,
          zonesUsd,
          usdSaved,
          transitGatewayPerGb: PRICES.transitGatewayPerGb,
          breakEvenGb: usdSaved > 0 ? round2(usdSaved / PRICES.transitGatewayPerGb) : 0,
          spokes,
        },
      },
    ];
  });
  return {
    output: HUB_ZONE_IDS_OUTPUT,
    services,
    spokes: node.spokes.map((s) => ({
      stack: s.spec.stack,
      vpc: s.vpc.name,
      vpcId: s.vpc.id,
      ...(s.spec.account !== undefined ? { account: s.spec.account } : {}),
      crossAccount: s.crossAccount,
      services: [...s.served.keys()].sort(),
    })),
  };
}

/** Subnets of a spoke that the hub's zone for the service answers although they did not ask, and not admitted. */
function spokeCaptured(opts: { spoke: SpokeNode; service: string; admitted: () => readonly Cidr[] }): string[] {
  const { spoke, service, admitted } = opts;
  return capturedSubnets({
    subnets: spoke.vpc.subnets,
    asking: new Set((spoke.served.get(service) ?? []).map((s) => s.name)),
    holdsEnis: (s) => spoke.vpc.endpointSubnets?.includes(s.name) === true,
    admitted,
  }).captured;
}

/** A spoke's view: what the hub serves it, and (cross-account) the associations its own stack makes. */
export function planUseHub(opts: { spoke: SpokeNode; hub: HubNode; dump?: RegionDump }): UseHubPlan {
  const { spoke, hub, dump } = opts;
  const services = [...spoke.served.keys()].sort();
  const backend = hub.spec.backend;
  const state =
    spoke.crossAccount && backend.kind === "s3"
      ? {
          address: sanitizeName(`hub_${hub.spec.stack}`),
          bucket: backend.bucket,
          key: backend.key,
          region: backend.region,
          ...(backend.roleArn ? { roleArn: backend.roleArn } : {}),
          output: HUB_ZONE_IDS_OUTPUT,
        }
      : undefined;
  return {
    stack: hub.spec.stack,
    vpc: hub.vpc.name,
    vpcId: hub.vpc.id,
    crossAccount: spoke.crossAccount,
    services,
    clients: services.flatMap((service) =>
      (spoke.served.get(service) ?? []).map((s) => ({ service, subnet: s.name, az: azLabel(s), cidr: s.cidr })),
    ),
    associations: spoke.crossAccount
      ? services.flatMap((service) =>
          zonesOf({ hub, service, dump }).map((z) => ({
            ...movable(
              sanitizeName(`${spoke.vpc.name}_${z.name}`),
              sanitizeName(`${spoke.vpc.renamedFrom ?? spoke.vpc.name}_${z.name}`),
            ),
            service,
            zone: z.name,
            zoneKey: z.key,
          })),
        )
      : [],
    ...(state ? { state } : {}),
  };
}

/** An address, and `movedFrom` when a declared rename changed it. */
function movable(address: string, previous: string): { address: string; movedFrom?: string } {
  return previous !== address ? { address, movedFrom: previous } : { address };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
