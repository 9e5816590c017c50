/**
 * The existing-endpoint lookup of `vpce discover` over recorded inventories (`inventory/`, describe-vpc-endpoints):
 * a live gateway endpoint of the service on the subnet's route table, or a live interface endpoint of the service
 * with private DNS in the subnet's VPC, already serves the subnet. Gateway endpoints change no DNS answer, so only
 * an inventory shows them.
 */
import { getService, serviceNames } from "../catalog";
import type { SpecModel } from "../input/spec-model";
import { inventoryFor, type Inventory } from "../inventory/read";
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
  return ({ vpcId, subnet, service }) => {
    const at = where.get(vpcId);
    const catalog = getService(service);
    if (!at || !catalog) return undefined;
    const names = new Set(Object.values(serviceNames(catalog, at.region)));
    const serving = at.inventory.endpoints.find(
      (e) =>
        e.live &&
        e.vpcId === vpcId &&
        names.has(e.serviceName) &&
        ((e.type === "Gateway" && subnet.routeTable !== undefined && e.routeTableIds.includes(subnet.routeTable)) ||
          (e.type === "Interface" && e.privateDns === true)),
    );
    return serving?.id;
  };
}
