/**
 * Values outside what is allowed: what the schema refuses (enums, patterns,
 * ranges, empty lists, keys of a bad form), a stack name taken from a file
 * name that is not a valid name, and `port` on a catalog service.
 */
import type { FieldSubject } from "../../input/subjects";
import { badValueHint, badValueMessage, badValueSuggestions } from "../../input/validate-schema";
import { rule } from "../rule";

/** A stack name: the schema's pattern of `stack:`, which a name taken from the file name must meet too. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

type Details =
  | { kind: "value"; found: unknown; reason: string; allowedValues?: readonly string[]; hint?: string }
  | { kind: "key"; key: string; description?: string }
  | { kind: "stack-from-file-name"; stack: string }
  | { kind: "port"; service: string; port: number };

export const validValues = rule<FieldSubject>()({
  name: "valid-values",
  stage: "fields",
  codes: {
    INVALID_VALUE: {
      severity: "error",
      trigger: "a value outside what is allowed (enum, pattern, range, empty list, bad stack name)",
      fix: "use one of the allowed values",
      message: (d: Details) => {
        switch (d.kind) {
          case "value":
            return badValueMessage(d);
          case "key":
            return `the key ${JSON.stringify(d.key)} is not a valid name here.`;
          case "stack-from-file-name":
            return `the file name gives the stack name ${JSON.stringify(d.stack)}, which is not a valid name.`;
          case "port":
            return `${d.service} listens on port ${d.port}; port can only be set for services outside the catalog.`;
        }
      },
      hint: (d: Details) => {
        switch (d.kind) {
          case "value":
            return badValueHint(d);
          case "key":
            return d.description ?? "Keys are lowercase letters, digits, '.', '-' and '_'.";
          case "stack-from-file-name":
            return "Set `stack:` to letters, digits, '-' and '_', starting with a letter, or rename the file.";
          case "port":
            return "Remove port.";
        }
      },
    },
  },
  check(subject, ctx) {
    for (const f of subject.schema) {
      if (f.kind === "bad-key") ctx.report(f.at, "INVALID_VALUE", { ...f, kind: "key" });
      if (f.kind === "bad-value" && f.code === "INVALID_VALUE")
        ctx.report(f.at, "INVALID_VALUE", { ...f, kind: "value" }, { suggestions: badValueSuggestions(f) });
    }
    const r = subject.facts;
    if (r.stackFromFileName && r.stack !== undefined && !STACK_NAME.test(r.stack))
      ctx.report(subject.at([]), "INVALID_VALUE", { kind: "stack-from-file-name", stack: r.stack });
    for (const v of r.vpcs)
      for (const e of v.endpoints) {
        const port = e.settings.port;
        if (!e.repeated && e.service && port !== undefined && port !== e.service.port)
          ctx.report(subject.at([...e.segs, "port"]), "INVALID_VALUE", {
            kind: "port",
            service: e.key,
            port: e.service.port,
          });
      }
  },
});
