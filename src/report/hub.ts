/**
 * The hub's part of the reports, from the plan: per hub what it serves to
 * whom through which zones and what it saves; per spoke which hub serves it.
 * Shared by the table and the markdown comment, which wrap these lines.
 */
import type { HubPlan, HubServicePlan, UseHubPlan, VpcPlan } from "../planner/plan";
import { PRICES } from "../planner/pricing";
import { agree, counted } from "../text";
import { round2 } from "./cost";

/** The zones of a hub service as text: `kms.eu-central-1.amazonaws.com`, a wildcard one with `(+ *.)`. */
export function zonesText(s: HubServicePlan): string {
  return s.zones.map((z) => (z.records.some((r) => r.name.startsWith("*.")) ? `${z.name} (+ *.)` : z.name)).join(", ");
}

/** Which VPCs a hub service's zones answer: the spokes that asked, and how each is associated. */
export function associatedText(s: HubServicePlan): string {
  const first = s.zones[0];
  if (!first) return "none";
  return first.associations
    .map(
      (a) =>
        `${a.stack}/${a.vpc}${a.kind === "cross-account" ? " (cross-account)" : a.kind === "inline" ? " (hub)" : ""}`,
    )
    .join(", ");
}

/** One line of cost: ENIs at the hub against endpoints in every VPC that asks, and the break-even volume. */
export function hubCostText(s: HubServicePlan): string {
  const c = s.cost;
  const saved =
    c.usdSaved >= 0 ? `saves $${c.usdSaved.toFixed(2)}/month` : `costs $${(-c.usdSaved).toFixed(2)}/month more`;
  return (
    `${counted({ n: c.hubEnis, one: "ENI" })} at the hub instead of ${c.localEnis} in the VPCs that ask: ${saved} ` +
    `(hosted ${agree({ n: s.zones, one: "zone", many: "zones" })} included); spoke traffic adds ` +
    `$${c.transitGatewayPerGb}/GB through the Transit Gateway` +
    (c.breakEvenGb > 0 ? `, break-even at ${c.breakEvenGb} GB/month` : "")
  );
}

/** The hub's lines: what it serves, then per service its zones, the VPCs they answer and the cost. */
export function hubLines(hub: HubPlan): string[] {
  const lines = [
    `serves ${counted({ n: hub.spokes.length, one: "spoke" })}` +
      (hub.spokes.length > 0
        ? ` (${hub.spokes.map((s) => `${s.stack}/${s.vpc}${s.crossAccount ? ", cross-account" : ""}`).join("; ")})`
        : ""),
  ];
  for (const s of hub.services)
    lines.push(`${s.service}: zone ${zonesText(s) || "none"} answers ${associatedText(s)}; ${hubCostText(s)}`);
  return lines;
}

/** The spoke's line: its hub, the services served from there, and where the associations live. */
export function useHubLine(use: UseHubPlan): string {
  const where = use.crossAccount
    ? `zone associations in this stack (zone ids from ${use.stack}'s state output ${use.state?.output ?? "?"})`
    : `zone associations in ${use.stack}'s stack`;
  const served = use.services.length > 0 ? use.services.join(", ") : "nothing this VPC asks for";
  return `${use.stack}/${use.vpc} serves ${served}` + (use.services.length > 0 ? `; ${where}` : "");
}

/** Hub totals over a plan's VPCs: hubs, spokes, monthly saving before data, zones. */
export function hubTotals(vpcs: readonly VpcPlan[]): { hubs: number; spokes: number; zones: number; usdSaved: number } {
  const hubs = vpcs.flatMap((v) => (v.hub ? [v.hub] : []));
  return {
    hubs: hubs.length,
    spokes: hubs.reduce((n, h) => n + h.spokes.length, 0),
    zones: hubs.reduce((n, h) => n + h.services.reduce((m, s) => m + s.zones.length, 0), 0),
    usdSaved: round2(hubs.reduce((n, h) => n + h.services.reduce((m, s) => m + s.cost.usdSaved, 0), 0)),
  };
}

export const HUB_COST_NOTE =
  `Hub savings count ENI-hours ($${PRICES.interfacePerAzHour}/ENI-hour) against an endpoint in every VPC that asks, ` +
  `less $${PRICES.hostedZonePerMonth}/month per hosted zone; spoke traffic adds Transit Gateway data processing ` +
  `($${PRICES.transitGatewayPerGb}/GB, AWS Transit Gateway pricing, us-east-1), the network's own hours aside.`;
