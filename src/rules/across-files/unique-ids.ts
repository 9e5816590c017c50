/**
 * Each VPC and subnet is described once: twice in one stack, or in two spec
 * files, it would get two endpoints per service (private DNS conflicts,
 * route tables twice).
 */
import type { PathSegment, SourceFile } from "../../input/load";
import type { AcrossFilesSubject } from "../../input/subjects";
import { formatPath } from "../../input/validate-schema";
import { rule } from "../rule";

type Details =
  | { kind: "in-file"; id: string; firstPath: string; firstLine: number }
  | { kind: "across-files"; id: string; otherFile: string; otherLine: number };

export const uniqueIds = rule<AcrossFilesSubject>()({
  name: "unique-ids",
  stage: "across-files",
  codes: {
    DUPLICATE_ID: {
      severity: "error",
      trigger: "one VPC or subnet id described twice in a stack, or in two spec files",
      fix: "describe it once",
      message: (d: Details) =>
        d.kind === "in-file"
          ? `${d.id} appears twice (first at ${d.firstPath}, line ${d.firstLine}).`
          : `${d.id} is also described in ${d.otherFile} (line ${d.otherLine}); ` +
            "two stacks would create endpoints for it twice.",
      hint: (d: Details) =>
        d.kind === "in-file"
          ? "Each VPC and subnet is described once per stack."
          : "Describe each VPC in one spec file (one stack); put all its subnets there.",
    },
  },
  check(subject, ctx) {
    // only well-formed ids take part: an ill-formed one is reported where it stands
    const withId = <T extends { spec: { id?: string }; segs: readonly PathSegment[] }>(items: readonly T[]) =>
      items.flatMap((it) => (it.spec.id !== undefined ? [{ id: it.spec.id, segs: it.segs }] : []));
    // within a file: VPC ids among VPCs, subnet ids among subnets, pointing at the id field
    for (const { source, facts } of subject.files) {
      for (const items of [withId(facts.vpcs), withId(facts.vpcs.flatMap((v) => v.subnets))]) {
        const seen = new Map<string, readonly PathSegment[]>();
        for (const it of items) {
          const first = seen.get(it.id);
          if (!first) seen.set(it.id, it.segs);
          else {
            const segs = [...it.segs, "id"];
            const firstSegs = [...first, "id"];
            ctx.report({ file: source.file, pos: source.positionOf(segs), path: formatPath(segs) }, "DUPLICATE_ID", {
              kind: "in-file",
              id: it.id,
              firstPath: formatPath(firstSegs),
              firstLine: source.positionOf(firstSegs).line,
            });
          }
        }
      }
    }
    // across files: the first file describing an id keeps it, pointing at the VPC or subnet; positions are looked
    // up only for a finding (most ids are unique)
    const first = new Map<string, { source: SourceFile; segs: readonly PathSegment[] }>();
    for (const { source, facts } of subject.files) {
      for (const it of withId(facts.vpcs.flatMap((v) => [v, ...v.subnets]))) {
        const prev = first.get(it.id);
        if (prev && prev.source.file !== source.file)
          ctx.report(
            { file: source.file, pos: source.positionOf(it.segs), path: formatPath(it.segs) },
            "DUPLICATE_ID",
            {
              kind: "across-files",
              id: it.id,
              otherFile: prev.source.file,
              otherLine: prev.source.positionOf(prev.segs).line,
            },
          );
        else if (!prev) first.set(it.id, { source, segs: it.segs });
      }
    }
  },
});
