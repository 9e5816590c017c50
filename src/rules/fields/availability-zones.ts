/**
 * Each subnet names its Availability Zone once, by name or by id, and the zone exists in the spec's region.
 *
 * Known zones: the region's row of the catalog (data/regions.json, from the AWS Availability Zones page,
 * docs/AWS-RULES.md) together with the zones the region dump of the spec's region names (AvailabilityZones,
 * AvailabilityZoneIds): the dump is the authority for its region and may know zones newer than the catalog.
 * Where neither knows the region's zones (ISO and EUSC partitions, new regions), any well-formed zone of the
 * region is accepted.
 */
import type { Region } from "../../catalog";
import { quote } from "../../diagnostics";
import type { DumpZones } from "../../input/resolve";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

type NotInRegion =
  { kind: "name"; az: string; region: string } | { kind: "id"; azId: string; region: string; azIdPrefix?: string };

interface Unknown {
  readonly kind: "name" | "id";
  readonly zone: string;
  readonly region: string;
  /** The region's known zones of that kind, sorted. */
  readonly known: readonly string[];
  /** Some of them come from the region dump. */
  readonly fromDump: boolean;
}

/** The known zones of one kind: catalog and dump together; undefined when neither lists any. */
function knownZones(opts: {
  region: Region;
  dump?: DumpZones;
  kind: "name" | "id";
}): { zones: ReadonlySet<string>; fromDump: boolean } | undefined {
  const table = (opts.kind === "name" ? opts.region.zones?.names : opts.region.zones?.ids) ?? [];
  const dumped = [...((opts.kind === "name" ? opts.dump?.names : opts.dump?.ids) ?? [])].filter((z) =>
    opts.kind === "name" ? z.startsWith(opts.region.name) : true,
  );
  const zones = new Set([...table, ...dumped]);
  return zones.size === 0 ? undefined : { zones, fromDump: dumped.some((z) => !table.includes(z)) };
}

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
    AZ_UNKNOWN: {
      severity: "error",
      trigger: "`az` / `azId` of the spec's region that does not exist there (not in the catalog, nor the region dump)",
      fix:
        "one of the region's zones (`aws ec2 describe-availability-zones`); " +
        "a zone newer than the catalog: record a region dump",
      message: (d: Unknown) =>
        `Availability Zone ${d.kind === "id" ? "id " : ""}${quote(d.zone)} does not exist in ${d.region}.`,
      hint: (d: Unknown) =>
        `${d.kind === "id" ? "AZ ids" : "AZ names"} of ${d.region}: ${d.known.join(", ")} ` +
        `(${d.fromDump ? "the catalog and the region dump" : "the catalog"}; ` +
        `a region dump in catalog/${d.region}.json adds the zones it names).`,
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
    const r = subject.facts;
    const region = r.region;
    const zones = region ? regionZones({ region, dump: r.dumpZones }) : undefined;
    const unknown = (segs: readonly (string | number)[], kind: "name" | "id", zone: string) => {
      const k = zones?.known[kind];
      if (!region || !k || k.zones.has(zone)) return;
      const list = [...k.zones].sort();
      ctx.report(
        subject.at(segs),
        "AZ_UNKNOWN",
        { kind, zone, region: region.name, known: list, fromDump: k.fromDump },
        { suggestions: closest(zone, list) },
      );
    };
    for (const v of r.vpcs)
      for (const s of v.subnets) {
        // a zone field the schema rejected, or a perhaps misspelt key: its own error says so
        if (s.zoneUnclear) continue;
        const { az, azId } = s.spec;
        if (az === undefined && azId === undefined) {
          ctx.report(subject.at(s.segs), "AZ_MISSING", {});
          continue;
        }
        if (az !== undefined && azId !== undefined) {
          ctx.report(subject.at([...s.segs, "azId"], { key: true }), "AZ_AMBIGUOUS", {});
          continue;
        }
        if (!region || !zones) continue;
        if (az !== undefined) {
          if (!zones.namePattern.test(az))
            ctx.report(subject.at([...s.segs, "az"]), "AZ_NOT_IN_REGION", { kind: "name", az, region: region.name });
          else unknown([...s.segs, "az"], "name", az);
        }
        if (azId !== undefined) {
          if (!zones.idPattern.test(azId))
            ctx.report(subject.at([...s.segs, "azId"]), "AZ_NOT_IN_REGION", {
              kind: "id",
              azId,
              region: region.name,
              azIdPrefix: region.azIdPrefix,
            });
          else unknown([...s.segs, "azId"], "id", azId);
        }
      }
  },
});

interface RegionZones {
  readonly known: { readonly name?: KnownZones; readonly id?: KnownZones };
  /** A zone name of the region: the region's name and a letter. */
  readonly namePattern: RegExp;
  /** A zone id of the region: its prefix (any, where the catalog has none), `-az` and a number. */
  readonly idPattern: RegExp;
}

type KnownZones = NonNullable<ReturnType<typeof knownZones>>;

/**
 * What the check reads of a region and its dump's zones, made once per pair: every spec of a region asks the
 * same, and a large organisation has a thousand of them.
 */
const zonesByRegion = new WeakMap<Region, Map<DumpZones | undefined, RegionZones>>();

function regionZones(opts: { region: Region; dump?: DumpZones }): RegionZones {
  const { region, dump } = opts;
  let byDump = zonesByRegion.get(region);
  if (!byDump) zonesByRegion.set(region, (byDump = new Map()));
  let zones = byDump.get(dump);
  if (!zones) {
    zones = {
      known: { name: knownZones({ region, dump, kind: "name" }), id: knownZones({ region, dump, kind: "id" }) },
      namePattern: new RegExp(`^${region.name}[a-z]$`),
      idPattern: region.azIdPrefix ? new RegExp(`^${region.azIdPrefix}-az[0-9]+$`) : /^[a-z0-9]+-az[0-9]+$/,
    };
    byDump.set(dump, zones);
  }
  return zones;
}
