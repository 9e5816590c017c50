/**
 * What `vpce adopt` prints: per stack and VPC, every existing endpoint the inventory records and what happens
 * to it (adopted with the changes of the first apply, unrequested, retired, deleted, in conflict). Read from the
 * Plan, never from the Terraform JSON.
 */
import type { EndpointChange, ExistingAction, Plan } from "../planner/plan";

export interface AdoptionRow {
  readonly stack: string;
  /** The VPC's name in the spec. */
  readonly vpc: string;
  readonly vpcId: string;
  /** The catalog id (or endpoints key) of the planned endpoint it meets; else the full service name. */
  readonly service: string;
  readonly serviceName: string;
  readonly type: string;
  readonly endpointId: string;
  readonly action: ExistingAction;
  /** `aws_vpc_endpoint.<name>`: the resource it is imported into (adopt, retire) or conflicts with. */
  readonly address: string | null;
  readonly changes: readonly EndpointChange[];
  /** Some change replaces the endpoint (a new id, ENIs and DNS names) instead of updating it. */
  readonly replaces: boolean;
  readonly notes: readonly string[];
  /** The inventory entry, `file:line:col`. */
  readonly source: string;
}

/**
 * Every existing endpoint of every VPC covered by an inventory, in plan order (stack, VPC, endpoint id: the
 * plan's).
 */
export function adoptionRows(plan: Plan): AdoptionRow[] {
  return plan.stacks.flatMap((s) =>
    s.vpcs.flatMap((v) =>
      (v.existing ?? []).map((e) => ({
        stack: s.stack,
        vpc: v.name,
        vpcId: v.id,
        service: e.service ?? e.serviceName,
        serviceName: e.serviceName,
        type: e.type,
        endpointId: e.endpointId,
        action: e.action,
        address: e.address ? `aws_vpc_endpoint.${e.address}` : null,
        changes: e.changes,
        replaces: e.changes.some((c) => c.replaces),
        notes: e.notes,
        source: e.source,
      })),
    ),
  );
}

const ACTION_TEXT: Readonly<Record<ExistingAction, string>> = {
  adopt: "adopt",
  unrequested: "unrequested (kept)",
  retire: "retire, step 1: import",
  delete: "retire, step 2: delete",
  conflict: "CONFLICT",
};

/** The rows as text: a heading per stack and VPC, a line per endpoint, its changes and notes indented below. */
export function renderAdoptionTable(opts: { plan: Plan }): string {
  const rows = adoptionRows(opts.plan);
  const lines: string[] = [];
  for (const s of opts.plan.stacks) {
    if (!s.inventory) {
      lines.push(
        `stack ${s.stack}: no inventory (${s.account ? `${s.account}-` : ""}${s.region}.json); nothing adopted`,
      );
      continue;
    }
    lines.push(`stack ${s.stack} (${s.inventory})`);
    for (const v of s.vpcs) {
      const own = rows.filter((r) => r.stack === s.stack && r.vpc === v.name);
      lines.push(`  VPC ${v.name} (${v.id}): ${own.length === 0 ? "no existing endpoints" : `${own.length} existing`}`);
      for (const r of own) {
        const target = r.address ? ` -> ${r.address}` : "";
        lines.push(`    ${r.endpointId}  ${r.service} (${r.type})  ${ACTION_TEXT[r.action]}${target}`);
        if (r.action === "adopt" && r.changes.length === 0) lines.push("      no change at the first apply");
        for (const c of r.changes)
          lines.push(`      ${c.replaces ? "REPLACES " : "~ "}${c.argument}: ${c.from} -> ${c.to}`);
        for (const n of r.notes) lines.push(`      note: ${n}`);
      }
    }
  }
  const count = (a: ExistingAction) => rows.filter((r) => r.action === a).length;
  lines.push(
    `${count("adopt")} adopted, ${count("unrequested")} unrequested, ${count("retire") + count("delete")} retiring, ` +
      `${count("conflict")} in conflict`,
  );
  return lines.join("\n");
}
