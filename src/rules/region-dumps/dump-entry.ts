import { DUMP_HINT, type BadEntry, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

function describeEntry(e: BadEntry): string {
  switch (e.kind) {
    case "not-object":
      return `ServiceDetails[${e.index}] must be an object.`;
    case "no-name":
      return `ServiceDetails[${e.index}] has no ServiceName.`;
    case "no-types":
      return `${e.name}: ServiceType must be a non-empty list of {"ServiceType": "Interface" | "Gateway"}.`;
    case "type-not-string":
      return `${e.name}: ServiceType[${e.typeIndex}] has no ServiceType string.`;
    case "not-string-list":
      return `${e.name}: ${e.field} must be a list of strings.`;
    case "policy-not-boolean":
      return `${e.name}: VpcEndpointPolicySupported must be true or false.`;
  }
}

/** Each ServiceDetails entry has the fields vpce reads, of the API's types (a bad entry or field is skipped). */
export const dumpEntry = rule<DumpsSubject>()({
  name: "dump-entry",
  stage: "region-dumps",
  codes: {
    DUMP_ENTRY: {
      severity: "error",
      trigger:
        "a ServiceDetails entry is not an object, has no ServiceName or ServiceType, or a field of the wrong type",
      fix: "record the dump again; do not edit it by hand",
      message: (d: { entry: BadEntry }) => describeEntry(d.entry),
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      for (const entry of f.badEntries) ctx.report({ file: f.shown, pos: entry.pos }, "DUMP_ENTRY", { entry });
  },
});
