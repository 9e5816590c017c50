/** The spec's region (and an S3 backend's) must be one vpce knows. */
import { allRegions } from "../../catalog";
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

export const knownRegion = rule<FieldSubject>()({
  name: "known-region",
  stage: "fields",
  codes: {
    UNKNOWN_REGION: {
      severity: "error",
      trigger: "a region vpce does not know",
      fix: "the suggested region code",
      message: (d: { region: string }) => `unknown region ${quote(d.region)}.`,
      hint: () => "Use an AWS region code such as eu-central-1 (vpce catalog lists the services per region).",
    },
  },
  check(subject, ctx) {
    const r = subject.facts;
    const unknown = (segs: readonly (string | number)[], region: string) =>
      ctx.report(
        subject.at(segs),
        "UNKNOWN_REGION",
        { region },
        {
          suggestions: closest(
            region,
            allRegions().map((x) => x.name),
          ),
        },
      );
    if (r.regionName !== undefined && !r.region) unknown(["region"], r.regionName);
    if (r.backendRegion && !r.backendRegion.region) unknown(r.backendRegion.segs, r.backendRegion.name);
  },
});
