/** Every bundle a subnet lists exists in the catalog. */
import { allBundles } from "../../catalog";
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

export const knownBundles = rule<FieldSubject>()({
  name: "known-bundles",
  stage: "fields",
  codes: {
    UNKNOWN_BUNDLE: {
      severity: "error",
      trigger: "a bundle that does not exist",
      fix: "the suggested bundle (`vpce catalog --bundles`)",
      message: (d: { bundle: string; bundles: readonly string[] }) => `unknown bundle ${quote(d.bundle)}.`,
      hint: (d: { bundle: string; bundles: readonly string[] }) =>
        `Bundles: ${d.bundles.join(", ")} (vpce catalog --bundles).`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs)
      for (const s of v.subnets)
        for (const b of s.bundles)
          if (!b.bundle) {
            const bundles = allBundles().map((x) => x.id);
            ctx.report(
              subject.at(b.segs),
              "UNKNOWN_BUNDLE",
              { bundle: b.written, bundles },
              { suggestions: closest(b.written, bundles) },
            );
          }
  },
});
