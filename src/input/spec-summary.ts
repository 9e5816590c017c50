/**
 * What the stages after loading read of a spec without its model: the stack's name and place, the files it is made
 * from, what ties it to other specs (hub relations, ids and names that must be unique), and what the rules that look
 * across stacks read of it. Made from a model (specSummary), or read back from the synth's spec cache, so that the
 * selection of `vpce synth --stack / --changed-since` and those rules see a spec the same way either way.
 */
import * as path from "node:path";
import type { Position } from "../diagnostics";
import { compareStrings } from "../order";
import type { Located, SpecModel } from "./spec-model";

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

/** The policy files the spec's model was made from, as they were read: what the spec cache checks them by. */
export function policyStamps(model: SpecModel): PolicyStamp[] {
  const spec = path.resolve(model.file);
  const out = new Map<string, PolicyStamp>();
  for (const choice of [
    model.defaults.policy,
    ...model.vpcs.flatMap((v) => [...v.endpoints.values()].map((e) => e.policy)),
  ])
    if (choice?.kind === "file" && choice.real !== undefined && choice.digest !== undefined) {
      const file = path.resolve(path.dirname(spec), choice.file);
      out.set(file, { path: file, real: choice.real, digest: choice.digest });
    }
  return [...out.values()].sort((a, b) => compareStrings(a.path, b.path));
}

export function specSummary(model: SpecModel): SpecSummary {
  const spec = path.resolve(model.file);
  const policies = new Set<string>();
  for (const choice of [
    model.defaults.policy,
    ...model.vpcs.flatMap((v) => [...v.endpoints.values()].map((e) => e.policy)),
  ])
    if (choice?.kind === "file") policies.add(path.resolve(path.dirname(spec), choice.file));
  return {
    stack: model.stack,
    file: model.file,
    path: spec,
    region: model.region,
    ...(model.account !== undefined ? { account: model.account } : {}),
    policies: [...policies].sort(compareStrings),
    ids: model.vpcs.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]),
    vpcsAt: model.source.positionOf(["vpcs"]),
    spokes: model.vpcs.flatMap((v) =>
      v.useHub ? [{ vpc: v.name, hub: v.useHub.stack, useHub: { path: v.useHub.path, pos: v.useHub.pos } }] : [],
    ),
  };
}

/** The hub stacks a spec's VPCs use, as the hub relations read them (HubLinkSource). */
export function hubLinkSource(s: SpecSummary): { stack: string; vpcs: { useHub: { stack: string } }[] } {
  return { stack: s.stack, vpcs: s.spokes.map((x) => ({ useHub: { stack: x.hub } })) };
}
