/**
 * Writes the stacks of a plan into an output folder, safely: everything is
 * synthesized into a temporary folder beside it first and moved into place
 * file by file only when synthesis succeeded. Files vpce did not write
 * (`.terraform/`, lock files, plans) are never touched; the stack files of a
 * stack that no longer exists (per the previous manifest) are removed.
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
    const previous = readManifestStacks(path.join(out, "manifest.json"));
    fs.mkdirSync(path.join(out, "stacks"), { recursive: true });
    for (const s of stacks) {
      const dest = path.join(out, "stacks", s);
      fs.mkdirSync(dest, { recursive: true });
      for (const f of fs.readdirSync(path.join(tmp, "stacks", s)))
        fs.renameSync(path.join(tmp, "stacks", s, f), path.join(dest, f));
    }
    const removed = previous.filter((s) => !stacks.includes(s)).sort();
    for (const s of removed) {
      for (const f of STACK_FILES) fs.rmSync(path.join(out, "stacks", s, f), { force: true });
    }
    fs.renameSync(path.join(tmp, "manifest.json"), path.join(out, "manifest.json"));
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
