/**
 * What the stages after loading read of a spec without its model: the stack's name and place, the files it is made
 * from, what ties it to other specs (hub relations, ids and names that must be unique), and what the rules that look
 * across stacks read of it. Made from a model (specSummary), or read back from the synth's spec cache, so that the
 * selection of `vpce synth --stack / --changed-since` and those rules see a spec the same way either way.
 */
import * as path from "node:path";
import type { Position } from "../diagnostics";
import { compareStrings } from "../order";
import type { HubLinkSource } from "../planner/hub/relations";
import type { Located, PolicyChoice, SpecModel } from "./spec-model";

export interface SpecSummary {
  readonly stack: string;
  /** The spec file as shown to the user. */
  readonly file: string;
  /** The spec file, absolute. */
  readonly path: string;
  readonly region: string;
  readonly account?: string;
  /** Every policy file the spec names (defaults.policy, endpoints.<svc>.policy), absolute, sorted. */
  readonly policies: readonly string[];
  /** The ids of its VPCs and subnets (each described once across the specs: the unique-ids rule). */
  readonly ids: readonly string[];
  /** Where its `vpcs` is. */
  readonly vpcsAt: Position;
  /** Its spoke VPCs: name, the hub VPC it names (`useHub: <stack>/<vpc>`) and where that is written. */
  readonly spokes: readonly { readonly vpc: string; readonly hub: string; readonly useHub: Located }[];
}

/** A policy file a spec read: its path, where its links led, its bytes' SHA-256 (when it was read). */
export interface PolicyStamp {
  readonly path: string;
  readonly real: string;
  readonly digest: string;
}

/**
 * Every policy file the spec names (defaults.policy, endpoints.<svc>.policy), by absolute path (relative to the
 * spec), sorted, each with its choice as read (the first, when named twice).
 */
function policyFiles(model: SpecModel): Array<[string, Extract<PolicyChoice, { kind: "file" }>]> {
  const dir = path.dirname(path.resolve(model.file));
  const out = new Map<string, Extract<PolicyChoice, { kind: "file" }>>();
  for (const choice of [
    model.defaults.policy,
    ...model.vpcs.flatMap((v) => [...v.endpoints.values()].map((e) => e.policy)),
  ])
    if (choice?.kind === "file") {
      const file = path.resolve(dir, choice.file);
      if (!out.has(file)) out.set(file, choice);
    }
  return [...out].sort((a, b) => compareStrings(a[0], b[0]));
}

/** The policy files the spec's model was made from, as they were read: what the spec cache checks them by. */
export function policyStamps(model: SpecModel): PolicyStamp[] {
  return policyFiles(model).flatMap(([file, { real, digest }]) =>
    real !== undefined && digest !== undefined ? [{ path: file, real, digest }] : [],
  );
}

export function specSummary(model: SpecModel): SpecSummary {
  const spec = path.resolve(model.file);
  return {
    stack: model.stack,
    file: model.file,
    path: spec,
    region: model.region,
    ...(model.account !== undefined ? { account: model.account } : {}),
    policies: policyFiles(model).map(([file]) => file),
    ids: model.vpcs.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]),
    vpcsAt: model.source.positionOf(["vpcs"]),
    spokes: model.vpcs.flatMap((v) =>
      v.useHub ? [{ vpc: v.name, hub: v.useHub.stack, useHub: { path: v.useHub.path, pos: v.useHub.pos } }] : [],
    ),
  };
}

/** The hub stacks a spec's VPCs use, as the hub relations read them (HubLinkSource). */
export function hubLinkSource(s: SpecSummary): HubLinkSource {
  return { stack: s.stack, vpcs: s.spokes.map((x) => ({ useHub: { stack: x.hub } })) };
}
