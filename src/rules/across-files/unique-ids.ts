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
    // only well-formed ids take part (an ill-formed one is reported where it stands); VPCs and subnets are walked in
    // place, no list of them made: an organisation has tens of thousands
    type WithId = { readonly spec: { readonly id?: string }; readonly segs: readonly PathSegment[] };
    // within a file: VPC ids among VPCs, subnet ids among subnets, pointing at the id field
    for (const { source, facts } of subject.files) {
      const inFile = (seen: Map<string, readonly PathSegment[]>, it: WithId) => {
        const id = it.spec.id;
        if (id === undefined) return;
        const first = seen.get(id);
        if (!first) {
          seen.set(id, it.segs);
          return;
        }
        const segs = [...it.segs, "id"];
        const firstSegs = [...first, "id"];
        ctx.report({ file: source.file, pos: source.positionOf(segs), path: formatPath(segs) }, "DUPLICATE_ID", {
          kind: "in-file",
          id,
          firstPath: formatPath(firstSegs),
          firstLine: source.positionOf(firstSegs).line,
        });
      };
      const vpcs = new Map<string, readonly PathSegment[]>();
      for (const v of facts.vpcs) inFile(vpcs, v);
      const subnets = new Map<string, readonly PathSegment[]>();
      for (const v of facts.vpcs) for (const s of v.subnets) inFile(subnets, s);
    }
    // across files: the first file describing an id keeps it, pointing at the VPC or subnet; positions are looked
    // up only for a finding (most ids are unique)
    const first = new Map<string, { source: SourceFile; segs: readonly PathSegment[] }>();
    for (const { source, facts } of subject.files) {
      const acrossFiles = (it: WithId) => {
        const id = it.spec.id;
        if (id === undefined) return;
        const prev = first.get(id);
        if (prev && prev.source.file !== source.file)
          ctx.report(
            { file: source.file, pos: source.positionOf(it.segs), path: formatPath(it.segs) },
            "DUPLICATE_ID",
            {
              kind: "across-files",
              id,
              otherFile: prev.source.file,
              otherLine: prev.source.positionOf(prev.segs).line,
            },
          );
        else if (!prev) first.set(id, { source, segs: it.segs });
      };
      for (const v of facts.vpcs) {
        acrossFiles(v);
        for (const s of v.subnets) acrossFiles(s);
      }
    }
  },
});
