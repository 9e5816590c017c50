import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** privateDns: true on a service the region dump lists without a private DNS name. */
export const privateDnsAvailable = rule<PlanSubject>()({
  name: "private-dns-available",
  stage: "plan",
  codes: {
    PRIVATE_DNS_UNAVAILABLE: {
      severity: "error",
      trigger: "privateDns: true on a service the region dump lists without a private DNS name",
      fix: "remove privateDns, or record the region dump again",
      message: (d: { dump?: string; service: string }) =>
        `privateDns: true, but ${d.dump} lists no private DNS name for ${d.service}: creating the endpoint would fail.`,
      hint: () =>
        "Remove privateDns (clients use the endpoint's own DNS names), or record the dump again if " +
        "the service gained private DNS.",
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { facts } = endpoint;
      // only an explicit privateDns: true is turned off as unavailable, so settings is there
      if (!facts.privateDns?.unavailable || !facts.settings) continue;
      ctx.report(locate(stack.spec.file, facts.settings), "PRIVATE_DNS_UNAVAILABLE", {
        dump: facts.svc.dump,
        service: facts.svc.key,
      });
    }
  },
});
