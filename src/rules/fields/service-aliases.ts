/**
 * A service written by another common name (`secrets-manager`, `ecr-api`) is
 * planned as its catalog id; a note says so.
 */
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

type Details = { kind: "subnet"; written: string; id: string } | { kind: "endpoints"; written: string; id: string };

export const serviceAliases = rule<FieldSubject>()({
  name: "service-aliases",
  stage: "fields",
  codes: {
    SERVICE_ALIAS: {
      severity: "info",
      trigger: "a common other name (`secrets-manager`, `ecr-api`, `cloudwatch-logs`)",
      fix: "write the catalog id to silence it",
      message: (d: Details) =>
        d.kind === "subnet"
          ? `"${d.written}" is the catalog service ${d.id}; planning ${d.id}.`
          : `endpoints key "${d.written}" is the catalog service ${d.id}; its settings apply to ${d.id}.`,
      hint: (d: Details) => `Write ${d.id} to make this note go away.`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      for (const s of v.subnets)
        for (const a of s.services)
          if (a.alias && a.key !== undefined)
            ctx.report(subject.at(a.segs), "SERVICE_ALIAS", { kind: "subnet", written: a.written, id: a.key });
      for (const e of v.endpoints)
        if (e.alias)
          ctx.report(subject.at(e.segs, { key: true }), "SERVICE_ALIAS", {
            kind: "endpoints",
            written: e.written,
            id: e.key,
          });
    }
  },
});
