import type { EndpointPlan, StackPlan } from "../planner/plan";
import { PRICES } from "../planner/pricing";

/** Monthly price of an endpoint's hours (interface: per ENI), USD, reference prices. */
export function monthlyUsd(e: EndpointPlan): number {
  return round2(e.hourlyUsd * PRICES.hoursPerMonth);
}

export function stackMonthlyUsd(s: StackPlan): number {
  return round2(s.vpcs.flatMap((v) => v.endpoints).reduce((sum, e) => sum + monthlyUsd(e), 0));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export const COST_NOTE = [
  `Hourly charges at reference prices (us-east-1: $${PRICES.interfacePerAzHour}/ENI-hour; gateway endpoints free).`,
  `Data through interface endpoints adds $${PRICES.interfacePerGb}/GB,`,
  `against $${PRICES.natPerGb}/GB through a NAT gateway.`,
  "Verify prices for your region.",
].join(" ");

/** Said beside the totals when the plan has endpoints vpce cannot price (VPC Lattice): they are not free. */
export const UNPRICED_NOTE =
  "n/a: VPC Lattice endpoints' hourly price is not confirmed, so it is not counted in the totals " +
  "(resource endpoints process data at $0.01/GB for the first PB).";

/** Whether some endpoint of the plan has no price in the totals. */
export function hasUnpriced(stacks: readonly StackPlan[]): boolean {
  return stacks.some((s) => s.vpcs.some((v) => v.endpoints.some((e) => e.unpriced !== undefined)));
}
