import type { HubServicePlan } from "../../planner/plan";
import { vpcKey } from "../../planner/hub/topology";
import { locate, type PlanSubject, type StackSubject } from "../../planner/subject";
import { rule } from "../rule";
import { counted } from "../../text";

type SpokeCost = HubServicePlan["cost"]["spokes"][number];

type Details = { service: string; vpc: string; gb: number; breakEven: number; localEnis: number };

/**
 * Through a hub, a spoke saves the hours of its own endpoint's ENIs and pays
 * the Transit Gateway's data processing on every GB: past the break-even
 * volume the hub costs the spoke more than an endpoint of its own. Judged on
 * the volume the spoke declares (endpoints.<svc>.gbPerMonth).
 */
export const hubCost = rule<PlanSubject>()({
  name: "hub-cost",
  stage: "plan",
  codes: {
    HUB_DEARER_THAN_LOCAL: {
      severity: "warning",
      trigger:
        "a spoke's declared volume (endpoints.<svc>.gbPerMonth) costs more in Transit Gateway data processing " +
        "than the ENI-hours an endpoint of its own would cost",
      fix: "keep the service local in that spoke (endpoints.<svc>.useHub: false), or check the volume",
      message: (d: Details) =>
        `${d.gb} GB/month of ${d.service} from ${d.vpc} through the hub cost more in Transit Gateway data ` +
        `processing than an endpoint of its own (${counted({ n: d.localEnis, one: "ENI" })}): the hub ` +
        `is cheaper below ${d.breakEven} GB/month.`,
      hint: () =>
        "Set useHub: false under the spoke's endpoints.<service> to give it its own endpoint (and no association " +
        "with the hub's zone); the reference prices are in the plan's cost note.",
    },
  },
  check(subject, ctx) {
    // the stacks by name (the first of a name, as a search finds it), made at the first spoke: a search per spoke
    // grew with the square of the spokes
    let byName: Map<string, StackSubject> | undefined;
    const hubOf = (use: { stack: string; vpc: string }) => {
      if (!byName) {
        byName = new Map();
        for (const s of subject.stacks) if (!byName.has(s.spec.stack)) byName.set(s.spec.stack, s);
      }
      return byName.get(use.stack)?.vpcs.find((v) => v.model.name === use.vpc)?.plan.hub;
    };
    // each hub service's spokes by stack and VPC (the first of a key, as a search finds it), made when asked
    const costs = new Map<HubServicePlan, Map<string, SpokeCost>>();
    const spokeCost = (s: HubServicePlan) => {
      let m = costs.get(s);
      if (!m) {
        costs.set(s, (m = new Map()));
        for (const x of s.cost.spokes) if (!m.has(vpcKey(x.stack, x.vpc))) m.set(vpcKey(x.stack, x.vpc), x);
      }
      return m;
    };
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        const use = vpc.plan.useHub;
        if (!use) continue;
        for (const s of hubOf(use)?.services ?? []) {
          const settings = vpc.model.endpoints.get(s.service);
          // only a declared volume is compared: the spoke's entry is searched for it alone
          if (settings?.gbPerMonth === undefined) continue;
          const mine = spokeCost(s).get(vpcKey(stack.spec.stack, vpc.model.name));
          if (!mine || mine.gbPerMonth === undefined || mine.gbPerMonth <= mine.breakEvenGb) continue;
          ctx.report(
            { ...locate(stack.spec.file, settings), path: `${settings.path}.gbPerMonth` },
            "HUB_DEARER_THAN_LOCAL",
            {
              service: s.service,
              vpc: `${stack.spec.stack}/${vpc.model.name}`,
              gb: mine.gbPerMonth,
              breakEven: mine.breakEvenGb,
              localEnis: mine.localEnis,
            },
          );
        }
      }
  },
});
