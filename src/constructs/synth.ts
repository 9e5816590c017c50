/**
 * Writes the stacks of a plan into an output folder, safely: everything is
 * synthesized into a temporary folder beside it first and moved into place
 * file by file only when synthesis succeeded. Files vpce did not write
 * (`.terraform/`, lock files, plans) are never touched; the stack files of a
 * stack that no longer exists (per the previous manifest) are removed, unless
 * the plan is only part of the specs (one spec file): then the other stacks
 * stay, files and manifest entries alike.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan } from "../planner/plan";
import { buildApp } from "./app";

// the synth flow checks a configured constraint through this module, which it loads lazily, with cdktf
export { awsProviderVersionProblem, defaultAwsProviderConstraint } from "./provider-version";

export interface SynthResult {
  readonly outdir: string;
  readonly written: readonly string[];
  /** Stacks of the previous manifest that no spec produces any more. */
  readonly removed: readonly string[];
}

const STACK_FILES = ["cdk.tf.json", "metadata.json"];

export interface SynthToDirOptions {
  /**
   * The folder local state paths are relative to (the one holding cdktf.json, where synth runs); default: the
   * output folder's parent, the layout `<root>/cdktf.out`.
   */
  readonly projectRoot?: string;
  /** `required_providers.aws.version`; default: defaultAwsProviderConstraint(). */
  readonly awsProviderVersion?: string;
  /** Remove the stacks of the previous manifest that the plan lacks; default true (the plan is every spec). */
  readonly prune?: boolean;
}

export function synthToDir(plan: Plan, outdir: string, opts: SynthToDirOptions = {}): SynthResult {
  const out = path.resolve(outdir);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.vpce-`));
  try {
    buildApp({
      plan,
      outdir: tmp,
      finalOutdir: out,
      projectRoot: opts.projectRoot ?? path.dirname(out),
      awsProviderVersion: opts.awsProviderVersion,
    }).synth();
    const stacks = plan.stacks.map((s) => s.stack);
    const manifest = path.join(out, "manifest.json");
    const previous = readManifestStacks(manifest);
    fs.mkdirSync(path.join(out, "stacks"), { recursive: true });
    for (const s of stacks) {
      const dest = path.join(out, "stacks", s);
      fs.mkdirSync(dest, { recursive: true });
      for (const f of fs.readdirSync(path.join(tmp, "stacks", s)))
        fs.renameSync(path.join(tmp, "stacks", s, f), path.join(dest, f));
    }
    if (opts.prune === false) {
      keepOtherStacks({ manifest, synthesized: path.join(tmp, "manifest.json") });
      return { outdir: out, written: stacks, removed: [] };
    }
    const removed = previous.filter((s) => !stacks.includes(s)).sort();
    for (const s of removed) {
      for (const f of STACK_FILES) fs.rmSync(path.join(out, "stacks", s, f), { force: true });
    }
    fs.renameSync(path.join(tmp, "manifest.json"), manifest);
    return { outdir: out, written: stacks, removed };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readManifestStacks(file: string): string[] {
  try {
    const m = JSON.parse(fs.readFileSync(file, "utf8")) as { stacks?: Record<string, unknown> };
    return Object.keys(m.stacks ?? {}).filter((s) => /^[A-Za-z0-9_-]+$/.test(s));
  } catch {
    return [];
  }
}

/**
 * The previous manifest's entries with the synthesized ones over them, so that
 * a later synth of every spec still knows (and may prune) the stacks not synthesized now.
 */
function keepOtherStacks(opts: { manifest: string; synthesized: string }): void {
  type Manifest = { stacks?: Record<string, unknown> };
  const next = JSON.parse(fs.readFileSync(opts.synthesized, "utf8")) as Manifest;
  let previous: Manifest = {};
  try {
    previous = JSON.parse(fs.readFileSync(opts.manifest, "utf8")) as Manifest;
  } catch {
    // no previous manifest (or an unreadable one): the synthesized one alone
  }
  const stacks = { ...previous.stacks, ...next.stacks };
  const sorted = Object.fromEntries(
    Object.keys(stacks)
      .sort()
      .map((k) => [k, stacks[k]]),
  );
  fs.writeFileSync(opts.manifest, JSON.stringify({ ...next, stacks: sorted }, null, 2) + "\n");
}
