/** Each subnet names its Availability Zone once, by name or by id, in the spec's region. */
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

type NotInRegion =
  { kind: "name"; az: string; region: string } | { kind: "id"; azId: string; region: string; azIdPrefix?: string };

export const availabilityZones = rule<FieldSubject>()({
  name: "availability-zones",
  stage: "fields",
  codes: {
    AZ_NOT_IN_REGION: {
      severity: "error",
      trigger: "`az` / `azId` of another region",
      fix: "use a zone of the spec's region",
      message: (d: NotInRegion) =>
        d.kind === "name"
          ? `Availability Zone ${quote(d.az)} is not in region ${d.region}.`
          : `Availability Zone id ${quote(d.azId)} is not in region ${d.region}.`,
      hint: (d: NotInRegion) => {
        if (d.kind === "name") return `AZ names in this region look like ${d.region}a.`;
        return d.azIdPrefix
          ? `AZ ids in this region look like ${d.azIdPrefix}-az1.`
          : "AZ ids look like <prefix>-az<N>.";
      },
    },
    AZ_MISSING: {
      severity: "error",
      trigger: "a subnet with neither `az` nor `azId`",
      fix: "add one (prefer `azId`)",
      message: () => "the subnet has neither az nor azId.",
      hint: () => "Give the Availability Zone by name (az: eu-central-1a) or by id (azId: euc1-az2).",
    },
    AZ_AMBIGUOUS: {
      severity: "error",
      trigger: "both `az` and `azId`",
      fix: "keep one",
      message: () => "the subnet gives both az and azId.",
      hint: () => "Keep one of the two: AZ names differ between accounts, AZ ids do not.",
    },
  },
  check(subject, ctx) {
    const r = subject.resolved;
    for (const v of r?.vpcs ?? [])
      for (const s of v.subnets) {
        const { az, azId } = s.spec;
        if (az === undefined && azId === undefined) {
          ctx.report(subject.at(s.segs), "AZ_MISSING", {});
          continue;
        }
        if (az !== undefined && azId !== undefined) {
          ctx.report(subject.at([...s.segs, "azId"], { key: true }), "AZ_AMBIGUOUS", {});
          continue;
        }
        const region = r?.region;
        if (!region) continue;
        if (az !== undefined && !new RegExp(`^${region.name}[a-z]$`).test(az))
          ctx.report(subject.at([...s.segs, "az"]), "AZ_NOT_IN_REGION", { kind: "name", az, region: region.name });
        if (azId !== undefined) {
          const ok = region.azIdPrefix
            ? new RegExp(`^${region.azIdPrefix}-az[0-9]+$`).test(azId)
            : /^[a-z0-9]+-az[0-9]+$/.test(azId);
          if (!ok)
            ctx.report(subject.at([...s.segs, "azId"]), "AZ_NOT_IN_REGION", {
              kind: "id",
              azId,
              region: region.name,
              azIdPrefix: region.azIdPrefix,
            });
        }
      }
  },
});
