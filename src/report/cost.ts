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
