import type { SubnetModel, VpcModel } from "../../input/spec-model";
import { agree } from "../../text";
import { sortStrings } from "../../order";
import type { Decided } from "./types";

/** A route table that gets the gateway endpoint and also serves subnets that did not ask for it. */
export interface SharedRouteTable {
  readonly routeTable: string;
  /** The first requesting subnet on the table. */
  readonly requester: SubnetModel;
  /** Subnets on the table that did not ask, sorted by name. */
  readonly bystanders: readonly string[];
}

export interface GatewayRouting {
  /** Route tables the endpoint is attached to, sorted. */
  readonly routeTableIds: string[];
  /** Requesting subnets without a route table: the endpoint cannot reach them. */
  readonly unrouted: readonly SubnetModel[];
  readonly shared: readonly SharedRouteTable[];
}

/**
 * A gateway endpoint is attached to the route tables of the requesting
 * subnets. Every subnet on an attached table uses it, so the subnets that
 * share a table without asking are returned (`shared`).
 */
export function planGatewayRouteTables(opts: {
  vpc: VpcModel;
  requesters: readonly SubnetModel[];
}): Decided<GatewayRouting> {
  const { vpc, requesters } = opts;
  const tables = new Set<string>();
  const unrouted: SubnetModel[] = [];
  for (const s of requesters) {
    if (!s.routeTable) unrouted.push(s);
    else tables.add(s.routeTable);
  }
  const routeTableIds = sortStrings([...tables]);
  const shared: SharedRouteTable[] = [];
  // the requesters are distinct subnets of the VPC: when every subnet asked, no table has a bystander
  const asking = requesters.length < vpc.subnets.length ? new Set(requesters.map((s) => s.name)) : undefined;
  if (asking)
    for (const rtb of routeTableIds) {
      const bystanders = vpc.subnets
        .filter((s) => s.routeTable === rtb && !asking.has(s.name))
        .map((s) => s.name)
        .sort();
      if (bystanders.length > 0)
        shared.push({
          routeTable: rtb,
          requester: requesters.find((s) => s.routeTable === rtb) as SubnetModel,
          bystanders,
        });
    }
  return {
    decision: { routeTableIds, unrouted, shared },
    reasons: [
      routeTableIds.length === 0
        ? "attached to no route table: no requesting subnet has one"
        : `attached to ${agree({ n: routeTableIds, one: "route table", many: "route tables" })} ` +
          `${routeTableIds.join(", ")} of the requesting ${agree({ n: requesters, one: "subnet", many: "subnets" })}`,
    ],
  };
}
