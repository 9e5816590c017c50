/**
 * The existing-endpoint lookup of `vpce discover` over recorded inventories (`inventory/`, describe-vpc-endpoints):
 * a live gateway endpoint of the service on the subnet's route table, or a live interface endpoint of the service
 * with private DNS in the subnet's VPC, already serves the subnet. Gateway endpoints change no DNS answer, so only
 * an inventory shows them.
 */
import { getService, serviceNames } from "../catalog";
import type { SpecModel } from "../input/spec-model";
import { inventoryFor, liveEndpoints, type Inventory } from "../inventory/read";
import type { ExistingEndpointLookup } from "./discover";

export function existingEndpointLookup(opts: {
  specs: readonly SpecModel[];
  inventories: ReadonlyMap<string, Inventory>;
}): ExistingEndpointLookup | undefined {
  if (opts.inventories.size === 0) return undefined;
  // a VPC id is in one account and region: the stack's, which names its inventory file
  const where = new Map<string, { region: string; inventory: Inventory }>();
  for (const m of opts.specs) {
    const inventory = inventoryFor(opts.inventories, { region: m.region, account: m.account });
    if (inventory) for (const v of m.vpcs) where.set(v.id, { region: m.region, inventory });
  }
  // asked per log query: the answer depends on the VPC, the subnet's route table and the service only
  const answers = new Map<string, string | undefined>();
  return ({ vpcId, subnet, service }) => {
    const key = `${vpcId}\0${subnet.routeTable ?? ""}\0${service}`;
    if (answers.has(key)) return answers.get(key);
    const found = serving({ vpcId, routeTable: subnet.routeTable, service });
    answers.set(key, found);
    return found;
  };

  function serving(q: { vpcId: string; routeTable?: string; service: string }): string | undefined {
    const { vpcId, routeTable, service } = q;
    const at = where.get(vpcId);
    const catalog = getService(service);
    if (!at || !catalog) return undefined;
    const names = new Set(Object.values(serviceNames(catalog, at.region)));
    // the VPC's live endpoints, whichever account owns them
    return (liveEndpoints({ endpoints: at.inventory.endpoints }).liveByVpc.get(vpcId) ?? []).find(
      (e) =>
        names.has(e.serviceName) &&
        ((e.type === "Gateway" && routeTable !== undefined && e.routeTableIds.includes(routeTable)) ||
          (e.type === "Interface" && e.privateDns === true)),
    )?.id;
  }
}
