/**
 * A spoke's `useHub: <stack>/<vpc>` names a hub VPC (one with `hub:`) of the
 * specs read together, in the same region (a private hosted zone answers VPCs
 * of its own region's endpoints; partitions never meet), and the two VPCs'
 * blocks do not overlap (the spokes reach the hub's endpoint addresses over
 * the network; overlapping blocks cannot be routed). A hub with a spoke in
 * another account publishes its zone ids through its state, which that
 * spoke's stack reads (terraform_remote_state): the hub needs an S3 backend.
 */
import { overlaps, type Cidr } from "../../cidr";
import type { PathSegment, SourceFile } from "../../input/load";
import { shownName, type ResolvedSpec, type ResolvedVpc } from "../../input/resolve";
import type { AcrossFilesSubject } from "../../input/subjects";
import { formatPath } from "../../input/validate-schema";
import { closest } from "../../suggest";
import { agree } from "../../text";
import { rule, type Location } from "../rule";

type NotFound =
  | { kind: "stack"; ref: string; stack: string; singleFile: boolean }
  | { kind: "vpc"; ref: string; stack: string; vpc: string }
  | { kind: "not-hub"; ref: string; file: string };

interface Found {
  readonly source: SourceFile;
  readonly facts: ResolvedSpec;
  readonly vpc: ResolvedVpc;
}

export const hubReferences = rule<AcrossFilesSubject>()({
  name: "hub-references",
  stage: "across-files",
  codes: {
    HUB_NOT_FOUND: {
      severity: "error",
      trigger: "`useHub` names a stack that no spec read produces, a VPC that stack lacks, or a VPC without `hub:`",
      fix: "name `<stack>/<vpc>` of a VPC with `hub:` (the suggested one), and read both specs together",
      message: (d: NotFound) =>
        d.kind === "stack"
          ? `useHub ${d.ref} names stack ${d.stack}, which no spec ${d.singleFile ? "given" : "read"} produces.`
          : d.kind === "vpc"
            ? `useHub ${d.ref} names VPC ${d.vpc}, which stack ${d.stack} does not describe.`
            : `useHub ${d.ref} names a VPC that is not a hub (no hub: in ${d.file}).`,
      hint: (d: NotFound) =>
        d.kind === "stack" && d.singleFile
          ? "A spoke is planned with its hub: give --specs the folder holding both specs, not one file."
          : d.kind === "not-hub"
            ? "Add hub: { services: [...] } to that VPC, or name the hub VPC."
            : "useHub is <stack>/<vpc> of the hub VPC (the stack's name, else its file name without extension).",
    },
    HUB_SPOKES_UNREAD: {
      severity: "error",
      trigger: "`--specs` names one spec file that holds a hub: its spokes' specs are not read",
      fix: "give --specs the folder holding the hub and its spokes",
      message: (d: { vpc: string }) =>
        `${d.vpc} is a hub, and only this spec file was read: planned without its spokes, its security groups ` +
        "would admit and its zones answer none of them.",
      hint: () =>
        "A hub's stack depends on every spoke's spec: validate, plan and synthesize the folder holding them all.",
    },
    HUB_REGION_MISMATCH: {
      severity: "error",
      trigger: "a spoke in another region (or partition) than its hub",
      fix: "use a hub in the spoke's region",
      message: (d: { ref: string; hubRegion: string; region: string; partitions?: string }) =>
        `hub ${d.ref} is in ${d.hubRegion}, this spoke in ${d.region}` +
        (d.partitions ? ` (partitions ${d.partitions} never share endpoints)` : "") +
        "; a hub serves the spokes of its own region.",
      hint: () =>
        "Interface endpoints and their private hosted zones serve one region: give each region a hub of its own.",
    },
    HUB_CIDR_OVERLAP: {
      severity: "error",
      trigger: "a spoke VPC block overlapping a block of its hub VPC",
      fix: "give the spoke and the hub disjoint blocks",
      message: (d: { ref: string; block: string; hubBlock: string }) =>
        `${d.block} overlaps the hub's ${d.hubBlock} (${d.ref}): the spoke cannot route to the hub's endpoint ` +
        "addresses.",
      hint: () => "Spokes reach the hub through Transit Gateway or peering, which need disjoint blocks.",
    },
    HUB_BACKEND_REQUIRED: {
      severity: "error",
      trigger: "a hub with a spoke in another account, in a stack without an S3 backend",
      fix: "give the hub's spec `backend.s3`",
      message: (d: { vpc: string; spokes: readonly string[]; backend: string }) =>
        `hub ${d.vpc} serves ${d.spokes.join(", ")} in another account, whose ` +
        `${agree({ n: d.spokes, one: "stack reads", many: "stacks read" })} the hub's zone ids from its state; ` +
        `this stack keeps its state ${d.backend}.`,
      hint: () =>
        "Set backend.s3 in the hub's spec and grant the spokes' pipeline roles read access (s3:GetObject) to " +
        "that state object.",
    },
  },
  check(subject, ctx) {
    const byStack = new Map<string, { source: SourceFile; facts: ResolvedSpec }>();
    for (const f of subject.files)
      if (f.facts.stack !== undefined && !byStack.has(f.facts.stack)) byStack.set(f.facts.stack, f);
    const singleFile = subject.singleFile === true;
    const at = (source: SourceFile, segs: readonly PathSegment[]): Location => ({
      file: source.file,
      pos: source.positionOf(segs),
      path: formatPath(segs),
    });
    if (singleFile)
      for (const { source, facts } of subject.files)
        for (const v of facts.vpcs)
          if (v.hub) ctx.report(at(source, v.hub.segs), "HUB_SPOKES_UNREAD", { vpc: shownName(v) });
    // per hub VPC (in insertion order, as reported): its file and the cross-account spokes naming it
    const crossAccount = new Map<Found["vpc"], { hub: Found; names: string[] }>();
    for (const { source, facts } of subject.files) {
      for (const v of facts.vpcs) {
        if (!v.useHub || v.hub) continue;
        const ref = `${v.useHub.stack}/${v.useHub.vpc}`;
        const here = at(source, v.useHub.segs);
        const stack = byStack.get(v.useHub.stack);
        if (!stack) {
          ctx.report(
            here,
            "HUB_NOT_FOUND",
            { kind: "stack", ref, stack: v.useHub.stack, singleFile },
            { suggestions: closest(v.useHub.stack, [...byStack.keys()]) },
          );
          continue;
        }
        const hubVpc = stack.facts.vpcs.find((x) => x.spec.name === v.useHub?.vpc);
        if (!hubVpc) {
          const names = stack.facts.vpcs.flatMap((x) => (x.spec.name ? [x.spec.name] : []));
          // suggest the hub VPCs first: they are what useHub may name
          const hubs = stack.facts.vpcs.flatMap((x) => (x.hub && x.spec.name ? [x.spec.name] : []));
          ctx.report(
            here,
            "HUB_NOT_FOUND",
            { kind: "vpc", ref, stack: v.useHub.stack, vpc: v.useHub.vpc },
            {
              suggestions: [...new Set([...closest(v.useHub.vpc, hubs), ...closest(v.useHub.vpc, names)])].slice(0, 3),
            },
          );
          continue;
        }
        if (!hubVpc.hub || hubVpc.useHub) {
          ctx.report(here, "HUB_NOT_FOUND", { kind: "not-hub", ref, file: stack.source.file });
          continue;
        }
        const hubRegion = stack.facts.region;
        const region = facts.region;
        if (hubRegion && region && hubRegion.name !== region.name)
          ctx.report(here, "HUB_REGION_MISMATCH", {
            ref,
            hubRegion: hubRegion.name,
            region: region.name,
            ...(hubRegion.partition !== region.partition
              ? { partitions: `${region.partition} and ${hubRegion.partition}` }
              : {}),
          });
        const hubBlocks = hubVpc.blocks;
        const clash = (b: Cidr) => hubBlocks.find((h) => overlaps(h, b));
        const own = [
          ...(v.cidr?.cidr ? [{ block: v.cidr.cidr, segs: v.cidr.segs }] : []),
          ...v.additionalCidrs.flatMap((c) => (c.cidr && !c.clash ? [{ block: c.cidr, segs: c.segs }] : [])),
        ];
        for (const o of own) {
          const hit = clash(o.block);
          if (hit) ctx.report(at(source, o.segs), "HUB_CIDR_OVERLAP", { ref, block: o.block.text, hubBlock: hit.text });
        }
        if (facts.account !== undefined && facts.account !== stack.facts.account) {
          let entry = crossAccount.get(hubVpc);
          if (!entry)
            crossAccount.set(
              hubVpc,
              (entry = { hub: { source: stack.source, facts: stack.facts, vpc: hubVpc }, names: [] }),
            );
          entry.names.push(`${facts.stack ?? source.file}/${shownName(v)}`);
        }
      }
    }
    for (const { hub, names } of crossAccount.values()) {
      const kind = hub.facts.backendKind;
      if (kind === undefined || kind === "s3" || !hub.vpc.hub) continue;
      ctx.report(at(hub.source, hub.vpc.hub.segs), "HUB_BACKEND_REQUIRED", {
        vpc: shownName(hub.vpc),
        spokes: [...names].sort(),
        backend: kind === "local" ? "in a local file (backend.local)" : "in a local file (no backend:)",
      });
    }
  },
});
