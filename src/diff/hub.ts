/**
 * What changes in the hub part of two plans of one stack: per hub VPC its zones (a removed zone is a destroy:
 * every VPC it answered loses private resolution of the service), their records, and the VPCs associated
 * (same account) or authorized (cross account); per spoke VPC the services that move between a local endpoint and
 * the hub, and the associations a cross-account spoke's own stack makes. Pure, from the plan (VpcPlan.hub and
 * VpcPlan.useHub); declared renames (`movedFrom`) pair old and new addresses as for endpoints, and an undeclared
 * one (the same zone or VPC under a new address) is a replacement with the renamedFrom that avoids it.
 */
import type { HostedZonePlan, Movable, StackPlan, VpcPlan } from "../planner/plan";
import type { Change, Outage } from "./compare";

export interface HubStackDiff {
  readonly changes: readonly Change[];
  readonly outages: readonly Outage[];
}

/** The VPCs of a stack matched by id (a VPC renamed keeps its id); a VPC only on one side meets undefined. */
function vpcPairs(opts: { base?: StackPlan; head?: StackPlan }): Array<[VpcPlan | undefined, VpcPlan | undefined]> {
  const base = opts.base?.vpcs ?? [];
  const head = opts.head?.vpcs ?? [];
  return [
    ...head.map((h): [VpcPlan | undefined, VpcPlan] => [base.find((b) => b.id === h.id), h]),
    ...base.filter((b) => !head.some((h) => h.id === b.id)).map((b): [VpcPlan, undefined] => [b, undefined]),
  ];
}

interface ZoneOf {
  readonly service: string;
  readonly zone: HostedZonePlan;
}

function zonesOf(v: VpcPlan | undefined): ZoneOf[] {
  return (v?.hub?.services ?? []).flatMap((s) => s.zones.map((zone) => ({ service: s.service, zone })));
}

/** The VPCs a zone answers, as `<stack>/<vpc>`: the hub's own first. */
function answered(z: HostedZonePlan): string[] {
  return z.associations.map((a) => `${a.stack}/${a.vpc}`);
}

const RESOURCE = {
  inline: "aws_route53_zone",
  "same-account": "aws_route53_zone_association",
  "cross-account": "aws_route53_vpc_association_authorization",
} as const;

function associationLabel(a: HostedZonePlan["associations"][number], zone: string): string {
  const how = a.kind === "cross-account" ? "authorization (cross-account)" : "association";
  return `zone ${zone} ${how} for ${a.stack}/${a.vpc} (${a.vpcId})`;
}

/** Added and removed items of two lists, labelled; `key` says what is the same item. */
function listChanges<T>(opts: {
  category: Change["category"];
  before: readonly T[];
  after: readonly T[];
  key: (x: T) => string;
  label: (x: T) => string;
}): Change[] {
  const { category, key, label } = opts;
  const b = new Set(opts.before.map(key));
  const a = new Set(opts.after.map(key));
  return [
    ...opts.after.filter((x) => !b.has(key(x))).map((x): Change => ({ category, kind: "added", what: label(x) })),
    ...opts.before.filter((x) => !a.has(key(x))).map((x): Change => ({ category, kind: "removed", what: label(x) })),
  ];
}

/**
 * An item of the head plan and the item of the base plan it is (see pairMoved): `tracked`, the resource Terraform
 * keeps (the same address, or a declared move); else the same thing under a new address (an undeclared rename,
 * destroyed and created), or nothing (an item added).
 */
type Paired<T> =
  | { readonly head: T; readonly base: T; readonly tracked: true }
  | { readonly head: T; readonly base?: T; readonly tracked: false };

const tracked = <T>(p: Paired<T>): p is Extract<Paired<T>, { tracked: true }> => p.tracked;
const untracked = <T>(p: Paired<T>): p is Extract<Paired<T>, { tracked: false }> => !p.tracked;

/**
 * The items of two plans' lists paired, the same way for zones and associations: first as Terraform pairs them, by
 * address or through a declared move (`movedFrom`); then, among the items left, by `same`: the same thing under a
 * new address, an undeclared rename. Pairs in head order, each base item used once; `removed` is what is left of
 * the base, in its order.
 */
function pairMoved<T>(opts: {
  base: readonly T[];
  head: readonly T[];
  movable: (x: T) => Movable;
  same: (base: T, head: T) => boolean;
}): { paired: Paired<T>[]; removed: T[] } {
  const { movable, same } = opts;
  const left = new Map(opts.base.map((b) => [movable(b).address, b]));
  const kept = opts.head.map((h) => {
    const { address, movedFrom } = movable(h);
    const b = left.get(address) ?? (movedFrom !== undefined ? left.get(movedFrom) : undefined);
    if (b !== undefined) left.delete(movable(b).address);
    return b;
  });
  const paired = opts.head.map((head, i): Paired<T> => {
    const known = kept[i];
    if (known !== undefined) return { head, base: known, tracked: true };
    const renamed = [...left.values()].find((b) => same(b, head));
    if (renamed === undefined) return { head, tracked: false };
    left.delete(movable(renamed).address);
    return { head, base: renamed, tracked: false };
  });
  return { paired, removed: [...left.values()] };
}

function diffHubVpc(opts: { stack: string; base?: VpcPlan; head?: VpcPlan }): HubStackDiff {
  const { stack } = opts;
  const changes: Change[] = [];
  const outages: Outage[] = [];
  const { paired, removed } = pairMoved({
    base: zonesOf(opts.base),
    head: zonesOf(opts.head),
    movable: (z) => z.zone,
    // the same zone name under a new address: the hub VPC renamed without renamedFrom
    same: (b, h) => b.zone.name === h.zone.name,
  });
  for (const { head: h, base: b } of paired.filter(tracked)) {
    if (b.zone.address !== h.zone.address)
      changes.push({
        category: "hub-zone",
        kind: "changed",
        what: `zone ${h.zone.name} address (renamedFrom: moved, with its records and associations)`,
        before: b.zone.address,
        after: h.zone.address,
      });
    changes.push(
      ...listChanges({
        category: "hub-record",
        before: b.zone.records,
        after: h.zone.records,
        key: (r) => `${r.type} ${r.name}`,
        label: (r) => `record ${r.type} ${r.name} (alias to the ${h.service} hub endpoint)`,
      }),
    );
    diffAssociations({ base: b.zone, head: h.zone, changes, outages });
  }
  for (const { head: h, base: renamed } of paired.filter(untracked)) {
    // the same zone under a new address: destroyed and created
    if (renamed)
      outages.push({
        resource: `aws_route53_zone.${renamed.zone.address}`,
        action: "replace",
        because:
          `renamed to ${h.zone.address} without renamedFrom (add renamedFrom: ${opts.base?.name} on VPC ` +
          `${opts.head?.name}): Terraform destroys the zone and creates a new one`,
        subnets: answered(renamed.zone),
      });
    changes.push({
      category: "hub-zone",
      kind: "added",
      what: `zone ${h.zone.name} for ${h.service}, answering ${answered(h.zone).join(", ")}`,
    });
  }
  for (const b of removed) {
    changes.push({ category: "hub-zone", kind: "removed", what: `zone ${b.zone.name} for ${b.service}` });
    outages.push({
      resource: `aws_route53_zone.${b.zone.address}`,
      action: "destroy",
      because:
        `the hub in ${stack}/${b.zone.key.split("/")[0]} no longer serves ${b.service}; its records and ` +
        "associations go with it",
      subnets: answered(b.zone),
    });
  }
  return { changes, outages };
}

/**
 * The VPCs a zone is associated with or authorized for: added, removed, and the same VPC under a new address
 * without renamedFrom (the spoke VPC renamed: Terraform destroys and creates it, the spoke's resolution blinks).
 */
function diffAssociations(opts: {
  base: HostedZonePlan;
  head: HostedZonePlan;
  changes: Change[];
  outages: Outage[];
}): void {
  const { head, changes, outages } = opts;
  const { paired, removed } = pairMoved({
    base: opts.base.associations.filter((a) => a.kind !== "inline"),
    head: head.associations.filter((x) => x.kind !== "inline"),
    movable: (a) => a,
    same: (b, h) => b.vpcId === h.vpcId && b.kind === h.kind,
  });
  for (const p of paired) {
    const { head: a, base: was } = p;
    if (was && !p.tracked)
      outages.push({
        resource: `${RESOURCE[a.kind]}.${was.address}`,
        action: "replace",
        because:
          `renamed to ${a.address} without renamedFrom (add renamedFrom: ${was.vpc} on VPC ${a.vpc} ` +
          `of stack ${a.stack})`,
        subnets: [`${a.stack}/${a.vpc}`],
      });
    // kept at its address, but for another VPC (a VPC renamed without renamedFrom, another taking its old name) or
    // of another kind: Terraform replaces it, and the VPC it was for loses the zone meanwhile
    else if (was && (was.vpcId !== a.vpcId || was.kind !== a.kind))
      outages.push({
        resource: `${RESOURCE[was.kind]}.${was.address}`,
        action: "replace",
        because:
          `it was the ${was.kind} ${RESOURCE[was.kind]} for ${was.vpcId} (${was.stack}/${was.vpc}) and is the ` +
          `${a.kind} one for ${a.vpcId} (${a.stack}/${a.vpc}) now: Terraform replaces it`,
        subnets: [`${was.stack}/${was.vpc}`],
      });
    if (!was) changes.push({ category: "hub-association", kind: "added", what: associationLabel(a, head.name) });
  }
  for (const a of removed)
    changes.push({ category: "hub-association", kind: "removed", what: associationLabel(a, head.name) });
}

function diffSpokeVpc(opts: { base?: VpcPlan; head?: VpcPlan }): HubStackDiff {
  const b = opts.base?.useHub;
  const h = opts.head?.useHub;
  const name = opts.head?.name ?? opts.base?.name ?? "";
  const hubOf = (u: typeof b) => (u ? `${u.stack}/${u.vpc}` : "");
  const local = (v: VpcPlan | undefined, service: string) => v?.endpoints.some((e) => e.service === service);
  const changes: Change[] = [];
  for (const service of h?.services ?? [])
    if (!(b?.services ?? []).includes(service))
      changes.push({
        category: "hub-service",
        kind: "added",
        what:
          `VPC ${name}: ${service} from the hub ${hubOf(h)}` +
          (local(opts.base, service) ? ": the hub's zone replaces the local endpoint, which is destroyed" : ""),
      });
  for (const service of b?.services ?? [])
    if (!(h?.services ?? []).includes(service))
      changes.push({
        category: "hub-service",
        kind: "removed",
        what:
          `VPC ${name}: ${service} from the hub ${hubOf(b)}` +
          (local(opts.head, service) ? ": a local endpoint is created instead" : ""),
      });
  // the associations a cross-account spoke's own stack makes: by address, through declared moves; the same zone
  // under a new address is this VPC renamed without renamedFrom (destroyed and created)
  const { paired, removed } = pairMoved({
    base: b?.associations ?? [],
    head: h?.associations ?? [],
    movable: (a) => a,
    same: (x, a) => x.zoneKey === a.zoneKey,
  });
  const outages: Outage[] = paired.flatMap(({ base: x, tracked: kept }): Outage[] =>
    x && !kept
      ? [
          {
            resource: `aws_route53_zone_association.${x.address}`,
            action: "replace",
            because: `renamed without renamedFrom (add renamedFrom: ${opts.base?.name} on VPC ${name})`,
            subnets: [name],
          },
        ]
      : [],
  );
  const label = (a: { zone: string; service: string }) =>
    `VPC ${name}: association with the hub's zone ${a.zone} (${a.service}), made in this stack`;
  for (const { head: a, base: x } of paired)
    if (!x) changes.push({ category: "hub-association", kind: "added", what: label(a) });
  for (const x of removed) changes.push({ category: "hub-association", kind: "removed", what: label(x) });
  return { changes, outages };
}

/** The hub changes of one stack (absent on one side for an added or removed stack). */
export function diffHubStack(opts: { base?: StackPlan; head?: StackPlan }): HubStackDiff {
  const stack = opts.head?.stack ?? opts.base?.stack ?? "";
  const parts = vpcPairs(opts).map(([base, head]) => {
    const hub = diffHubVpc({ stack, base, head });
    const spoke = diffSpokeVpc({ base, head });
    return { changes: [...hub.changes, ...spoke.changes], outages: [...hub.outages, ...spoke.outages] };
  });
  return { changes: parts.flatMap((p) => p.changes), outages: parts.flatMap((p) => p.outages) };
}

/**
 * Why an endpoint disappears when a hub is the reason: the hub now serves its service to this spoke VPC (a destroy
 * all the same: its clients resolve to the hub only once the zone association exists), or the VPC's hub no longer
 * serves it (the zones go too); undefined otherwise.
 */
export function removedForHub(opts: {
  base: StackPlan;
  head: StackPlan;
  vpcId: string;
  service: string;
}): string | undefined {
  const { vpcId, service } = opts;
  const now = opts.head.vpcs.find((v) => v.id === vpcId);
  const use = now?.useHub;
  if (use?.services.includes(service))
    return (
      `the hub ${use.stack}/${use.vpc} serves ${service} to this VPC now: its zone replaces the endpoint ` +
      "(clients resolve to the hub once the zone's association exists)"
    );
  const was = opts.base.vpcs.find((v) => v.id === vpcId)?.hub;
  if (was?.services.some((s) => s.service === service) && !now?.hub?.services.some((s) => s.service === service))
    return `the hub no longer serves ${service}: its zones go too`;
  return undefined;
}
