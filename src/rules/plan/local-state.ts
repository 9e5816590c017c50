/**
 * A stack whose spec names no backend keeps its state in a local file at the
 * project root: fine to try vpce, but a pipeline that does not keep that file
 * loses the state, and the next apply creates every endpoint again. A spec
 * that sets `backend.local` chose local state on purpose and gets no warning
 * (it could not silence one otherwise).
 */
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

type Details = { stack: string; path: string };

export const localState = rule<PlanSubject>()({
  name: "local-state",
  stage: "plan",
  codes: {
    LOCAL_STATE: {
      severity: "warning",
      trigger: "the spec has no `backend:`; its state goes to the default local file terraform.<stack>.tfstate",
      fix: "set backend.s3 (shared, locked state), or backend.local to keep a local file on purpose",
      message: (d: Details) =>
        `stack ${d.stack} has no backend: its Terraform state is the local file ${d.path} at the project root, ` +
        `which a pipeline must keep between runs, or the next apply creates every endpoint again.`,
      hint: () =>
        "Add backend: { s3: { bucket: ..., key: ..., region: ... } } for shared, locked state, " +
        "or backend: { local: { path: ... } } to keep a local state file on purpose.",
    },
  },
  check(subject, ctx) {
    for (const { spec } of subject.stacks) {
      if (spec.backend.kind !== "local" || spec.backend.explicit) continue;
      ctx.report(locate(spec.file, { path: "backend", pos: spec.source.positionOf([]) }), "LOCAL_STATE", {
        stack: spec.stack,
        path: spec.backend.path,
      });
    }
  },
});
