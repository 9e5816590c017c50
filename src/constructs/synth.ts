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

export interface SynthResult {
  readonly outdir: string;
  readonly written: readonly string[];
  /** Stacks of the previous manifest that no spec produces any more. */
  readonly removed: readonly string[];
}

const STACK_FILES = ["cdk.tf.json", "metadata.json"];

export function synthToDir(plan: Plan, outdir: string): SynthResult {
  const out = path.resolve(outdir);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.vpce-`));
  try {
    buildApp(plan, tmp).synth();
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
