import { type PlanSubject } from "../../planner/subject";
import { planGateways } from "../../planner/plan";
import { by } from "../../order";
import { rule } from "../rule";

/** Default quota of gateway endpoints per region (Amazon VPC quotas page). */
export const GATEWAY_ENDPOINTS_PER_REGION = 20;

type Details = { count: number; region: string; account?: string };

/**
 * More gateway endpoints in one region of one account than the default
 * quota, counted over all stacks in plan order (stacks without `account`
 * count together), the stacks a scoped run did not plan included. Reported
 * once, at the `vpcs` of the stack that crosses the line.
 */
export const gatewayQuota = rule<PlanSubject>()({
  name: "gateway-quota",
  stage: "plan",
  codes: {
    GATEWAY_QUOTA: {
      severity: "warning",
      trigger:
        `the specs create more gateway endpoints in one region of one account than the default quota ` +
        `(${GATEWAY_ENDPOINTS_PER_REGION})`,
      fix: "request a quota increase before applying",
      message: (d: Details) =>
        `with this stack, the specs create ${d.count} gateway endpoints in ` +
        `${d.region}${d.account ? ` for account ${d.account}` : ""}; the default quota is ` +
        `${GATEWAY_ENDPOINTS_PER_REGION} per region.`,
      hint: () => "Request a quota increase before applying.",
    },
  },
  check(subject, ctx) {
    const counts = new Map<string, number>();
    // a scoped run's unplanned stacks count too (their gateways counted without planning), in the same order
    const stacks = [
      ...subject.stacks.map(({ spec, plan }) => ({
        stack: spec.stack,
        file: spec.file,
        region: spec.region,
        account: spec.account,
        vpcsAt: () => spec.source.positionOf(["vpcs"]),
        gateways: planGateways(plan),
      })),
      ...(subject.unplanned ?? []).map((s) => ({ ...s, vpcsAt: () => s.vpcsAt })),
    ].sort(by((s) => s.stack));
    for (const s of stacks) {
      const where = `${s.account ?? "(account not set)"}/${s.region}`;
      const before = counts.get(where) ?? 0;
      const count = before + s.gateways;
      counts.set(where, count);
      if (before <= GATEWAY_ENDPOINTS_PER_REGION && count > GATEWAY_ENDPOINTS_PER_REGION)
        ctx.report({ file: s.file, path: "vpcs", pos: s.vpcsAt() }, "GATEWAY_QUOTA", {
          count,
          region: s.region,
          account: s.account,
        });
    }
  },
});
