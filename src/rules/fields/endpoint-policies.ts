/**
 * A `policy:` (in defaults or an endpoints entry) names something usable:
 * org-only with the spec's organizationId, or a JSON file inside the specs
 * folder (or a folder of VPCE_POLICY_DIRS) holding an endpoint policy (IAM
 * shape, a Principal in every statement, within AWS's size limit).
 *
 * Specs arrive in pull requests and the plan is posted back into them: the
 * messages name what is wrong with a policy file (and at most the names of
 * its top-level keys), never its values.
 */
import { quote } from "../../diagnostics";
import type { PolicyField } from "../../input/resolve";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

/** Largest endpoint policy AWS accepts, in characters. */
export const MAX_POLICY_CHARS = 20480;

/** What is wrong with a policy file that is JSON but not a valid endpoint policy document. */
type DocumentProblem =
  | { kind: "not-an-object" }
  | { kind: "unknown-keys"; keys: readonly string[] }
  | { kind: "version"; version: unknown }
  | { kind: "no-statement" }
  | { kind: "statement-not-an-object"; index: number }
  | { kind: "effect"; index: number; effect: unknown }
  | { kind: "no-action"; index: number };

type Invalid = { file: string } & ({ kind: "not-json"; line?: number; col?: number; error?: string } | DocumentProblem);
type Outside = { file: string; why: "absolute" | "escapes" | "link" };

/** Unknown top-level keys named in a message: at most this many, each cut to MAX_KEY_CHARS. */
const MAX_KEYS_NAMED = 5;
const MAX_KEY_CHARS = 40;

function keyNames(keys: readonly string[]): string {
  const named = keys
    .slice(0, MAX_KEYS_NAMED)
    .map((k) => JSON.stringify(k.length > MAX_KEY_CHARS ? `${k.slice(0, MAX_KEY_CHARS)}...` : k));
  const more = keys.length - named.length;
  return named.join(", ") + (more > 0 ? ` and ${more} more` : "");
}
type TooLarge =
  { kind: "file-bytes"; file: string; bytes: number } | { kind: "document-chars"; file: string; chars: number };

function invalidText(d: Invalid): string {
  switch (d.kind) {
    case "not-an-object":
      return "an IAM policy is a JSON object with Version and Statement.";
    case "unknown-keys":
      return `unknown top-level key(s) ${keyNames(d.keys)}.`;
    case "version":
      return "Version is not an IAM policy version.";
    case "no-statement":
      return "the policy has no Statement.";
    case "statement-not-an-object":
      return `Statement[${d.index}] is not an object.`;
    case "effect":
      return `Statement[${d.index}].Effect must be "Allow" or "Deny".`;
    case "no-action":
      return `Statement[${d.index}] has neither Action nor NotAction.`;
    case "not-json":
      return "not valid JSON.";
  }
}

export const endpointPolicies = rule<FieldSubject>()({
  name: "endpoint-policies",
  stage: "fields",
  codes: {
    ORG_ID_REQUIRED: {
      severity: "error",
      trigger: "`policy: org-only` without `organizationId`",
      fix: "add `organizationId`",
      message: () => "policy org-only needs the spec's organizationId.",
      hint: () => "Add organizationId: o-xxxxxxxxxx at the top of the spec.",
    },
    POLICY_PATH_OUTSIDE: {
      severity: "error",
      trigger:
        "a policy path that is absolute, or leads out of the specs folder (and `VPCE_POLICY_DIRS`), " +
        "as written or through a link",
      fix: "put the policy file inside the specs folder and name it relative to the spec",
      message: (d: Outside) => {
        switch (d.why) {
          case "absolute":
            return `policy file ${quote(d.file)} is an absolute path; policy files are named relative to the spec.`;
          case "escapes":
            return `policy file ${quote(d.file)} lies outside the specs folder; it is not read.`;
          case "link":
            return (
              `policy file ${quote(d.file)} is a link (or lies in a linked folder) leading outside the specs folder; ` +
              "it is not read."
            );
        }
      },
      hint: () =>
        "Keep policy files inside the specs folder, or in a folder listed in VPCE_POLICY_DIRS " +
        "(specs come from pull requests: they must not read other files of the machine running vpce).",
    },
    POLICY_FILE_MISSING: {
      severity: "error",
      trigger: "a policy path that does not exist (relative to the spec)",
      fix: "fix the path, or use `full-access` / `org-only`",
      message: (d: { file: string; shown: string }) =>
        `policy file ${quote(d.file)} not found (looked for ${d.shown}).`,
      hint: () => "policy is full-access, org-only, or a JSON file path relative to the spec file.",
    },
    POLICY_INVALID: {
      severity: "error",
      trigger: "a policy file that is not JSON or not an IAM policy (Effect, Action, Version)",
      fix: "fix the document",
      message: (d: Invalid) =>
        d.kind === "not-json"
          ? `policy file ${quote(d.file)} is not valid JSON` +
            (d.line !== undefined ? ` (${d.error ?? "error"} at line ${d.line}, column ${d.col}).` : ".")
          : `policy file ${quote(d.file)}: ${invalidText(d)}`,
      hint: (d: Invalid) => {
        if (d.kind === "unknown-keys") return "An IAM policy has Version, Id and Statement.";
        if (d.kind === "version") return 'Use "Version": "2012-10-17".';
        return undefined;
      },
    },
    POLICY_TOO_LARGE: {
      severity: "error",
      trigger: "a policy over 20,480 characters",
      fix: "shorten it (wildcards, fewer statements)",
      message: (d: TooLarge) =>
        d.kind === "file-bytes"
          ? `policy file ${quote(d.file)} is ${d.bytes} bytes; ` +
            `endpoint policies are limited to ${MAX_POLICY_CHARS} characters.`
          : `policy file ${d.file}: the policy is ${d.chars} characters; ` +
            `endpoint policies are limited to ${MAX_POLICY_CHARS}.`,
    },
    POLICY_NO_PRINCIPAL: {
      severity: "error",
      trigger: "a statement without `Principal` (endpoint policies need one)",
      fix: 'add `"Principal": "*"` and restrict with `Condition`',
      message: (d: { file: string; index: number }) =>
        `policy file ${d.file}: Statement[${d.index}] has no Principal; endpoint policies must name one.`,
      hint: () => 'Add "Principal": "*" and restrict with Condition if needed.',
    },
  },
  check(subject, ctx) {
    const r = subject.facts;
    const fields: PolicyField[] = [
      ...(r.defaultsPolicy ? [r.defaultsPolicy] : []),
      ...r.vpcs.flatMap((v) => v.endpoints.flatMap((e) => (e.policy ? [e.policy] : []))),
    ];
    for (const p of fields) {
      const at = subject.at(p.segs);
      const file = p.value;
      const choice = p.choice;
      // organizationId "unclear": an unknown top-level key may be a misspelt organizationId, reported where it stands
      if (choice.kind === "org-only" && r.organizationId === "absent") ctx.report(at, "ORG_ID_REQUIRED", {});
      if (choice.kind !== "file") continue;
      const read = choice.read;
      if (read.kind === "outside") ctx.report(at, "POLICY_PATH_OUTSIDE", { file, why: read.why });
      else if (read.kind === "missing")
        ctx.report(
          at,
          "POLICY_FILE_MISSING",
          { file, shown: choice.shown },
          { suggestions: closest(file, ["full-access", "org-only"]) },
        );
      else if (read.kind === "too-large")
        ctx.report(at, "POLICY_TOO_LARGE", { kind: "file-bytes", file, bytes: read.size });
      else if (read.kind === "not-json")
        ctx.report(at, "POLICY_INVALID", { kind: "not-json", file, line: read.line, col: read.col, error: read.error });
      else {
        const doc = read.document;
        for (const problem of documentProblems(doc)) ctx.report(at, "POLICY_INVALID", { ...problem, file });
        for (const index of statementsWithoutPrincipal(doc)) ctx.report(at, "POLICY_NO_PRINCIPAL", { file, index });
        const chars = JSON.stringify(doc).length;
        if (isObject(doc) && chars > MAX_POLICY_CHARS)
          ctx.report(at, "POLICY_TOO_LARGE", { kind: "document-chars", file, chars });
      }
    }
  },
});

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function statementsOf(doc: Record<string, unknown>): unknown[] {
  if (Array.isArray(doc.Statement)) return doc.Statement;
  return doc.Statement !== undefined ? [doc.Statement] : [];
}

/** The IAM shape of an endpoint policy: Version, Id and Statement; each statement an Effect and an Action. */
function documentProblems(doc: unknown): DocumentProblem[] {
  if (!isObject(doc)) return [{ kind: "not-an-object" }];
  const out: DocumentProblem[] = [];
  const keys = Object.keys(doc).filter((k) => !["Version", "Id", "Statement"].includes(k));
  if (keys.length) out.push({ kind: "unknown-keys", keys });
  if (doc.Version !== undefined && doc.Version !== "2012-10-17" && doc.Version !== "2008-10-17")
    out.push({ kind: "version", version: doc.Version });
  const stmts = statementsOf(doc);
  if (stmts.length === 0) out.push({ kind: "no-statement" });
  stmts.forEach((s, index) => {
    if (!isObject(s)) {
      out.push({ kind: "statement-not-an-object", index });
      return;
    }
    if (s.Effect !== "Allow" && s.Effect !== "Deny") out.push({ kind: "effect", index, effect: s.Effect });
    if (s.Action === undefined && s.NotAction === undefined) out.push({ kind: "no-action", index });
  });
  return out;
}

/** Endpoint policies must name a Principal in every statement. */
function statementsWithoutPrincipal(doc: unknown): number[] {
  if (!isObject(doc)) return [];
  return statementsOf(doc).flatMap((s, i) =>
    isObject(s) && s.Principal === undefined && s.NotPrincipal === undefined ? [i] : [],
  );
}
