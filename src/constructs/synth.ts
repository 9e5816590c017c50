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
import { synthApp } from "./app";
import { toHcl, type Json } from "./hcl";
import { moduleOf } from "./module";

// the synth flow checks a configured constraint through this module, which it loads lazily, with cdktf
export { awsProviderVersionProblem, defaultAwsProviderConstraint } from "./provider-version";

export interface SynthResult {
  readonly outdir: string;
  readonly written: readonly string[];
  /** Stacks of the previous manifest that no spec produces any more. */
  readonly removed: readonly string[];
}

/** Files vpce writes into a stack folder (either format of the stack: a folder never holds both). */
const STACK_FILES = ["cdk.tf.json", "cdk.tf", "metadata.json"];
/** The stack file, and the module file (`<out>/modules/<stack>/`), per format. */
const FILE = {
  json: { stack: "cdk.tf.json", module: "main.tf.json" },
  hcl: { stack: "cdk.tf", module: "main.tf" },
} as const;
const MODULE_FILES = [FILE.json.module, FILE.hcl.module];

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
  /**
   * `json` (default): `cdk.tf.json`; `hcl`: `cdk.tf`, converted from the JSON (toHcl). Writing one removes the
   * other, since Terraform would read both and fail on every resource defined twice.
   */
  readonly format?: "json" | "hcl";
  /** Also write each stack as a module into `<out>/modules/<stack>/` (module.ts). */
  readonly modules?: boolean;
}

export function synthToDir(plan: Plan, outdir: string, opts: SynthToDirOptions = {}): SynthResult {
  const out = path.resolve(outdir);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.vpce-`));
  try {
    synthApp({
      plan,
      outdir: tmp,
      finalOutdir: out,
      projectRoot: opts.projectRoot ?? path.dirname(out),
      awsProviderVersion: opts.awsProviderVersion,
    });
    const stacks = plan.stacks.map((s) => s.stack);
    const format = opts.format ?? "json";
    for (const stack of plan.stacks)
      convert({
        tmp,
        stack: stack.stack,
        specTags: stack.tags,
        omit: stack.vpcs.flatMap((v) => (v.retired ?? []).map((r) => `aws_vpc_endpoint.${r.address}`)),
        format,
        modules: opts.modules === true,
      });
    if (format === "hcl") manifestToHcl(path.join(tmp, "manifest.json"));
    const manifest = path.join(out, "manifest.json");
    const previous = readManifestStacks(manifest);
    fs.mkdirSync(path.join(out, "stacks"), { recursive: true });
    for (const s of stacks) {
      moveFiles({ from: path.join(tmp, "stacks", s), to: path.join(out, "stacks", s) });
      fs.rmSync(path.join(out, "stacks", s, FILE[format === "json" ? "hcl" : "json"].stack), { force: true });
      if (opts.modules) {
        moveFiles({ from: path.join(tmp, "modules", s), to: path.join(out, "modules", s) });
        fs.rmSync(path.join(out, "modules", s, FILE[format === "json" ? "hcl" : "json"].module), { force: true });
      }
    }
    if (opts.prune === false) {
      keepOtherStacks({ manifest, synthesized: path.join(tmp, "manifest.json") });
      return { outdir: out, written: stacks, removed: [] };
    }
    const removed = previous.filter((s) => !stacks.includes(s)).sort();
    for (const s of removed) {
      for (const f of STACK_FILES) fs.rmSync(path.join(out, "stacks", s, f), { force: true });
      for (const f of MODULE_FILES) fs.rmSync(path.join(out, "modules", s, f), { force: true });
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

function moveFiles(opts: { from: string; to: string }): void {
  fs.mkdirSync(opts.to, { recursive: true });
  for (const f of fs.readdirSync(opts.from)) fs.renameSync(path.join(opts.from, f), path.join(opts.to, f));
}

/** In the temporary folder: the module of the stack (when asked) and the stack in the format asked. */
function convert(opts: {
  tmp: string;
  stack: string;
  specTags: Readonly<Record<string, string>>;
  /** Resources the module leaves out (moduleOf). */
  omit: readonly string[];
  format: "json" | "hcl";
  modules: boolean;
}): void {
  // JSON without modules: cdktf's file is the result; reading it back would only cost time and memory
  if (opts.format === "json" && !opts.modules) return;
  const jsonFile = path.join(opts.tmp, "stacks", opts.stack, FILE.json.stack);
  const document = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { [key: string]: Json };
  if (opts.modules) {
    const module = moduleOf({ stack: document, specTags: opts.specTags, omit: opts.omit });
    const dir = path.join(opts.tmp, "modules", opts.stack);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, FILE[opts.format].module),
      opts.format === "hcl" ? toHcl({ document: module }) : JSON.stringify(module, null, 2) + "\n",
    );
  }
  if (opts.format === "hcl") {
    fs.writeFileSync(path.join(path.dirname(jsonFile), FILE.hcl.stack), toHcl({ document }));
    fs.rmSync(jsonFile);
  }
}

/** cdktf's manifest names cdk.tf.json as each stack's file; with HCL the file is cdk.tf. */
function manifestToHcl(file: string): void {
  const m = JSON.parse(fs.readFileSync(file, "utf8")) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
  for (const s of Object.values(m.stacks ?? {}))
    if (s.synthesizedStackPath?.endsWith(`/${FILE.json.stack}`))
      s.synthesizedStackPath = s.synthesizedStackPath.slice(0, -FILE.json.stack.length) + FILE.hcl.stack;
  fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
}
