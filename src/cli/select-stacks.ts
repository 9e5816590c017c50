/**
 * Which stacks `vpce synth --stack NAME... / --changed-since REF` synthesizes: pure functions over data. The
 * stacks asked for (named, or whose input files changed) are the seeds; every stack that depends on a seed's spec
 * is selected too, so a stack is never written against a stale neighbour. Everything here reads the spec models,
 * not the plan: the selection is made before planning, and only the selected stacks are planned. Only
 * projectStackInputs reads anything but its arguments (where the environment puts the dump and inventory folders).
 */
import * as path from "node:path";
import type { SpecSummary } from "../input/spec-summary";
import { readFastYaml } from "../input/fast-yaml";
import { yamlLib } from "../input/load";
import { compareStrings } from "../order";
import { within } from "../canonical-path";
import { hubLinks, type HubLinkSource } from "../planner/hub/relations";
import { dumpDir } from "../region-dumps/read";
import { inventoryDir } from "../inventory/read";

/** `stack`'s Terraform depends on `dependsOn`'s spec (e.g. a spoke on its hub): a change to one rewrites both. */
export interface StackRelation {
  readonly stack: string;
  readonly dependsOn: string;
  /** In words, for the summary line: `uses hub vpc hub/main`. */
  readonly reason: string;
}

/**
 * The files a stack is made from, whether they exist yet or not (a region dump or inventory added later changes the
 * stack too): its spec, the policy files it names, its region dump and inventories, cdktf.json. Absolute paths.
 */
export interface StackInputs {
  readonly stack: string;
  /** Every one of them: the spec first, then the policy files, the dump, the inventories and the shared files. */
  readonly files: readonly string[];
  /** The policy files the spec names (defaults.policy, endpoints.<svc>.policy), sorted. */
  readonly policies: readonly string[];
}

/** A selected stack and why (the first reason found: named, changed file, or the relation that pulled it in). */
export interface SelectedStack {
  readonly stack: string;
  readonly why: string;
}

/**
 * The relations between stacks (their spec models, or their plans): hub and spoke (`useHub: <stack>/<vpc>`), both
 * ways. A spoke's stack reads its hub (the hub's services decide what the spoke plans; a cross-account spoke reads
 * the hub's zone ids), and a hub's stack admits its spokes' subnets and associates their VPCs.
 */
export function stackRelations(stacks: readonly HubLinkSource[]): StackRelation[] {
  const out: StackRelation[] = [];
  for (const [stack, links] of hubLinks(stacks))
    for (const hub of links.hubs)
      out.push(
        { stack, dependsOn: hub, reason: `uses a hub VPC of ${hub}` },
        { stack: hub, dependsOn: stack, reason: `hub of ${stack}` },
      );
  return out;
}

/** The seeds and every stack depending on one of them, sorted by name. */
export function selectStacks(opts: {
  /** Stack -> why it was asked for. */
  readonly seeds: ReadonlyMap<string, string>;
  readonly relations: readonly StackRelation[];
  /** Stack -> why: selected too, without what depends on them (a hub a changed spoke named before: formerHubs). */
  readonly also?: ReadonlyMap<string, string>;
}): SelectedStack[] {
  const dependents = new Map<string, StackRelation[]>();
  for (const r of opts.relations) {
    if (r.stack === r.dependsOn) continue;
    const list = dependents.get(r.dependsOn);
    if (list) list.push(r);
    else dependents.set(r.dependsOn, [r]);
  }
  // direct dependents only: a stack is built from the specs of the stacks it depends on, not from their output,
  // so a hub pulled in by one spoke's change does not pull in its other spokes (their input did not change)
  const why = new Map(opts.seeds);
  for (const s of [...opts.seeds.keys()].sort(compareStrings))
    for (const r of [...(dependents.get(s) ?? [])].sort((a, b) => compareStrings(a.stack, b.stack)))
      if (!why.has(r.stack)) why.set(r.stack, `${r.reason} (${s} is selected)`);
  for (const [stack, w] of opts.also ?? []) if (!why.has(stack)) why.set(stack, w);
  return [...why].map(([stack, w]) => ({ stack, why: w })).sort((a, b) => compareStrings(a.stack, b.stack));
}

/**
 * The hub stacks that changed specs named as they were at the ref (their text then, by path), still among `stacks`:
 * a spoke that leaves its hub, or whose spec is deleted, changes the hub's stack (its security groups admit, and its
 * zones answer, the spoke no more), though no relation ties them now. Hub -> the first spec naming it, sorted by path.
 */
export function formerHubs(opts: {
  readonly before: ReadonlyMap<string, string>;
  readonly stacks: ReadonlySet<string>;
}): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of [...opts.before.keys()].sort(compareStrings))
    for (const hub of hubStacksNamed(opts.before.get(file) as string))
      if (opts.stacks.has(hub) && !out.has(hub)) out.set(hub, file);
  return out;
}

/** The stacks a spec's text names in `useHub: <stack>/<vpc>`; none when it cannot be read as YAML. */
function hubStacksNamed(text: string): string[] {
  // no key can spell useHub otherwise than literally without an escape (a backslash): most specs are not parsed
  if (!text.includes("useHub") && !text.includes("\\")) return [];
  let data: unknown;
  try {
    data = readFastYaml(text)?.data ?? yamlLib().parse(text);
  } catch {
    return [];
  }
  const vpcs = (data as { vpcs?: unknown } | null)?.vpcs;
  if (!Array.isArray(vpcs)) return [];
  return vpcs.flatMap((v) => {
    const ref = (v as { useHub?: unknown } | null)?.useHub;
    return typeof ref === "string" && ref.includes("/") ? [ref.slice(0, ref.indexOf("/"))] : [];
  });
}

/** Stack -> why, for every stack one of whose input files is among `changed` (absolute paths). */
export function stacksOfChangedFiles(opts: {
  readonly inputs: readonly Pick<StackInputs, "stack" | "files">[];
  readonly changed: ReadonlySet<string>;
  /** Paths in the reasons are shown relative to this folder when inside it, else absolute. */
  readonly shownFrom: string;
}): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of opts.inputs) {
    const hit = s.files.find((f) => opts.changed.has(path.resolve(f)));
    if (hit) out.set(s.stack, `${shownPath({ file: hit, from: opts.shownFrom })} changed`);
  }
  return out;
}

/**
 * The inputs of every stack of a project as vpce reads them: the dump and inventory folders where the environment
 * (VPCE_CATALOG, VPCE_INVENTORY) puts them, and the project's cdktf.json.
 */
export function projectStackInputs(opts: {
  readonly specs: readonly SpecSummary[];
  readonly env: NodeJS.ProcessEnv;
  readonly projectRoot: string;
}): StackInputs[] {
  return stackInputs({
    specs: opts.specs,
    dumpDir: dumpDir(opts.env),
    inventoryDir: inventoryDir(opts.env),
    shared: [path.join(opts.projectRoot, "cdktf.json")],
  });
}

/** The inputs of every stack (absolute paths). */
export function stackInputs(opts: {
  readonly specs: readonly SpecSummary[];
  /** The folder of region dumps: a stack whose region has `<dumpDir>/<region>.json` reads it. */
  readonly dumpDir: string;
  /** The folder of endpoint inventories: `<account>-<region>.json` and `<region>.json` may describe a stack. */
  readonly inventoryDir?: string;
  /** Files every stack is made from (cdktf.json: the provider version range). */
  readonly shared: readonly string[];
}): StackInputs[] {
  return opts.specs.map((s) => ({
    stack: s.stack,
    policies: s.policies,
    files: [
      s.path,
      ...s.policies,
      path.resolve(opts.dumpDir, `${s.region}.json`),
      ...(opts.inventoryDir
        ? [
            ...(s.account ? [path.resolve(opts.inventoryDir, `${s.account}-${s.region}.json`)] : []),
            path.resolve(opts.inventoryDir, `${s.region}.json`),
          ]
        : []),
      ...opts.shared.map((f) => path.resolve(f)),
    ],
  }));
}

/** A path as the selection's reasons show it: relative to `from` (with /) when inside it, else absolute. */
export function shownPath(opts: { file: string; from: string }): string {
  const rel = path.relative(opts.from, opts.file);
  // `from` itself is shown absolute: its relative path would be empty
  return rel !== "" && within(opts.from, opts.file) ? rel.split(path.sep).join("/") : opts.file;
}
