/**
 * Names that Terraform addresses are built from are unique: VPC names in the
 * stack, subnet names in a VPC, and one endpoints entry per service of a VPC
 * (an alias and its id, or two keys naming one serviceName, would plan two).
 */
import { shownName } from "../../input/resolve";
import { getService } from "../../catalog";
import type { PathSegment } from "../../input/load";
import type { FieldSubject } from "../../input/subjects";
import { serviceIdFromName } from "../../region-dumps/read";
import { rule } from "../rule";

type Details =
  | { kind: "name"; what: string; value: string; where: string; firstPath: string; firstLine: number }
  | { kind: "endpoint-key"; key: string }
  | { kind: "service-name"; key: string; other: string; serviceName: string }
  | { kind: "catalog-service-name"; key: string; serviceName: string; catalogId: string };

export const uniqueNames = rule<FieldSubject>()({
  name: "unique-names",
  stage: "fields",
  codes: {
    DUPLICATE_NAME: {
      severity: "error",
      trigger: "two VPCs of a stack, two subnets of a VPC, or two `endpoints` entries (alias and id) with one name",
      fix: "rename: addresses are built from names",
      message: (d: Details) => {
        switch (d.kind) {
          case "name":
            return (
              `${d.what} ${JSON.stringify(d.value)} is used twice in ${d.where} ` +
              `(first at ${d.firstPath}, line ${d.firstLine}).`
            );
          case "endpoint-key":
            return `endpoints has two entries for ${d.key}.`;
          case "service-name":
            return (
              `endpoints.${d.key} and endpoints.${d.other} both name the service ${d.serviceName}; ` +
              "a VPC gets one endpoint per service."
            );
          case "catalog-service-name":
            return (
              `${d.serviceName} is the catalog service ${d.catalogId}; ` +
              `declaring it again as ${d.key} would give the VPC a second endpoint for it.`
            );
        }
      },
      hint: (d: Details) => {
        switch (d.kind) {
          case "name":
            return "Names must be unique: Terraform addresses are built from them.";
          case "endpoint-key":
            return "Merge them into one entry.";
          case "service-name":
            return `Keep one entry and list its key in the subnets' services.`;
          case "catalog-service-name":
            return `List ${d.catalogId} in the subnets' services (settings go under endpoints.${d.catalogId}).`;
        }
      },
    },
  },
  check(subject, ctx) {
    const r = subject.facts;
    // items are VPCs or subnets: the path of a name is made only for a finding
    type Named = { readonly spec: { readonly name?: string }; readonly segs: readonly PathSegment[] };
    const repeats = (opts: { items: readonly Named[]; what: string; where: string }) => {
      const seen = new Map<string, readonly PathSegment[]>();
      for (const it of opts.items) {
        const name = it.spec.name;
        if (name === undefined) continue;
        const first = seen.get(name);
        if (!first) seen.set(name, it.segs);
        else {
          const firstAt = subject.at([...first, "name"]);
          ctx.report(subject.at([...it.segs, "name"]), "DUPLICATE_NAME", {
            kind: "name",
            what: opts.what,
            value: name,
            where: opts.where,
            firstPath: firstAt.path,
            firstLine: firstAt.pos?.line ?? 1,
          });
        }
      }
    };
    repeats({
      items: r.vpcs,
      what: "VPC name",
      where: "the stack",
    });
    for (const v of r.vpcs) {
      repeats({
        items: v.subnets,
        what: "subnet name",
        where: `VPC ${shownName(v)}`,
      });
      // one endpoint per (VPC, service): two keys for one service name would plan two endpoints for it
      const customNames = new Map<string, string>();
      for (const e of v.endpoints) {
        if (e.repeated) {
          ctx.report(subject.at(e.segs, { key: true }), "DUPLICATE_NAME", { kind: "endpoint-key", key: e.key });
          continue;
        }
        const serviceName = e.settings.serviceName;
        if (serviceName === undefined || e.service) continue;
        const other = customNames.get(serviceName);
        const id = r.region ? serviceIdFromName(serviceName, r.region.name) : undefined;
        const catalog = id ? getService(id) : undefined;
        const at = subject.at([...e.segs, "serviceName"]);
        if (other !== undefined)
          ctx.report(at, "DUPLICATE_NAME", { kind: "service-name", key: e.key, other, serviceName });
        else if (catalog)
          ctx.report(at, "DUPLICATE_NAME", {
            kind: "catalog-service-name",
            key: e.key,
            serviceName,
            catalogId: catalog.id,
          });
        else customNames.set(serviceName, e.key);
      }
    }
  },
});
