/**
 * A region dump's services by catalog id. The planner looks a service's entry up per endpoint (20,000 in an
 * organisation of 1,000 VPCs), and a search of the dump's ~400 services each time was a tenth of its planning;
 * the index is made once per dump (its services map), in the dump's order.
 */
const indexes = new WeakMap<ReadonlyMap<string, { readonly id?: string }>, Map<string, unknown[]>>();

/** The services of a dump's `services` with this catalog id, in the dump's order (a name may map to an id twice). */
export function servicesWithId<T extends { readonly id?: string }>(
  services: ReadonlyMap<string, T>,
  id: string,
): readonly T[] {
  let index = indexes.get(services);
  if (!index) {
    index = new Map();
    for (const s of services.values()) {
      if (s.id === undefined) continue;
      const list = index.get(s.id);
      if (list) list.push(s);
      else index.set(s.id, [s]);
    }
    indexes.set(services, index);
  }
  return (index.get(id) ?? []) as readonly T[];
}
