/**
 * Which VPCs are hubs, which are their spokes, and which requests of each
 * spoke the hub serves: a pure function of the validated specs, computed once
 * before any stack is planned (a hub's security groups admit its spokes'
 * subnets, and a spoke plans no endpoint for what the hub serves).
 *
 * A spoke subnet's request is served by the hub when the hub offers the
 * service, the spoke's own settings for it would plan an interface endpoint
 * (gateway endpoints stay local: they are free and serve only their own route
 * tables), the entry is not a service of its own (serviceName, a cross-region
 * service) and does not say `useHub: false`.
 */
import type { SpecModel, SubnetModel, VpcModel } from "../../input/spec-model";
import { by } from "../../order";
import type { RegionDump } from "../../region-dumps/read";
import { decideEndpointTypes } from "../decisions/endpoint-type";
import { resolveService } from "../service";
import { requestersByKey, type Requesters } from "../requesters";

export interface HubNode {
  readonly spec: SpecModel;
  readonly vpc: VpcModel;
  /** Catalog ids the hub offers, sorted. */
  readonly services: readonly string[];
  /** Its spokes, by stack then VPC name. */
  readonly spokes: readonly SpokeNode[];
}

export interface SpokeNode {
  readonly spec: SpecModel;
  readonly vpc: VpcModel;
  /** `<stack>/<vpc>` of the hub. */
  readonly hub: string;
  /** The spoke's `account` is set and differs from the hub's: the zone association lives in the spoke's stack. */
  readonly crossAccount: boolean;
  /** Service -> the spoke's subnets that request it and that the hub serves (sorted by name). */
  readonly served: ReadonlyMap<string, readonly SubnetModel[]>;
}

export interface HubTopology {
  /** By `<stack>/<vpc>`. */
  readonly hubs: ReadonlyMap<string, HubNode>;
  /** By `<stack>/<vpc>`: only spokes whose hub was found among the specs. */
  readonly spokes: ReadonlyMap<string, SpokeNode>;
}

export function vpcKey(stack: string, vpc: string): string {
  return `${stack}/${vpc}`;
}

export function hubTopology(opts: {
  models: readonly SpecModel[];
  dumps?: ReadonlyMap<string, RegionDump>;
}): HubTopology {
  const models = [...opts.models].sort(by((m) => m.stack));
  const found = new Map<string, { spec: SpecModel; vpc: VpcModel }>();
  for (const spec of models)
    for (const vpc of spec.vpcs) if (vpc.hub && !vpc.useHub) found.set(vpcKey(spec.stack, vpc.name), { spec, vpc });
  const spokes = new Map<string, SpokeNode>();
  const spokesOf = new Map<string, SpokeNode[]>();
  for (const spec of models) {
    for (const vpc of [...spec.vpcs].sort(by((v) => v.name))) {
      if (!vpc.useHub || vpc.hub) continue;
      const key = vpcKey(vpc.useHub.stack, vpc.useHub.vpc);
      const hub = found.get(key);
      // a hub in another region is an error of the across-files stage: nothing is served from it
      if (!hub || hub.spec.region !== spec.region) continue;
      const node: SpokeNode = {
        spec,
        vpc,
        hub: key,
        crossAccount: spec.account !== undefined && spec.account !== hub.spec.account,
        served: servedBy({ spec, vpc, offered: new Set(hub.vpc.hub?.services), dump: opts.dumps?.get(spec.region) }),
      };
      spokes.set(vpcKey(spec.stack, vpc.name), node);
      spokesOf.set(key, [...(spokesOf.get(key) ?? []), node]);
    }
  }
  const hubs = new Map<string, HubNode>();
  for (const [key, { spec, vpc }] of found)
    hubs.set(key, { spec, vpc, services: vpc.hub?.services ?? [], spokes: spokesOf.get(key) ?? [] });
  return { hubs, spokes };
}

function servedBy(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  offered: ReadonlySet<string>;
  dump?: RegionDump;
}): Map<string, SubnetModel[]> {
  const { spec, vpc, offered, dump } = opts;
  const served = new Map<string, SubnetModel[]>();
  const askedBy = requestersByKey({ subnets: vpc.subnets, keep: (k) => offered.has(k) });
  for (const key of [...askedBy.keys()].sort()) {
    const settings = vpc.endpoints.get(key);
    if (settings?.useHub === false || settings?.serviceName !== undefined || settings?.serviceRegion !== undefined)
      continue;
    const svc = resolveService({ key, region: spec.region, partition: spec.partition, settings, dump });
    const types = decideEndpointTypes({ svc, settings }).decision;
    if (types.length !== 1 || types[0] !== "Interface") continue;
    served.set(key, (askedBy.get(key) as Requesters).subnets);
  }
  return served;
}
