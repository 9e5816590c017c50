import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";
import { counted } from "../../text";

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
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        const use = vpc.plan.useHub;
        if (!use) continue;
        const hub = subject.stacks.find((s) => s.spec.stack === use.stack)?.vpcs.find((v) => v.model.name === use.vpc)
          ?.plan.hub;
        for (const s of hub?.services ?? []) {
          const mine = s.cost.spokes.find((x) => x.stack === stack.spec.stack && x.vpc === vpc.model.name);
          const settings = vpc.model.endpoints.get(s.service);
          if (!mine || mine.gbPerMonth === undefined || !settings || mine.gbPerMonth <= mine.breakEvenGb) continue;
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
