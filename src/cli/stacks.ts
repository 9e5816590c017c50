/**
 * `vpce stacks`: one row per stack (name, Terraform working folder, spec, region, account, backend), for a CI
 * matrix (`--json`) or a reader (a table). Paths are relative to the project root (the working directory,
 * where synth runs), with `/`, so a CI job can `cd` into `dir` after `vpce synth --out` with the same folder.
 */
import * as path from "node:path";
import { summarize } from "../diagnostics";
import { runPipeline } from "../pipeline";
import { hubFirstOrder, hubLinks } from "../planner/hub/relations";
import type { Plan } from "../planner/plan";
import { specSummary } from "../input/spec-summary";
import { EXIT, printTerminalDiagnostics, specsPath, type Io } from "./io";
import { projectStackInputs, type StackInputs } from "./select-stacks";

export interface StackRow {
  readonly stack: string;
  /** `<out>/stacks/<stack>`: where `terraform init/plan` runs after synth. */
  readonly dir: string;
  readonly spec: string;
  readonly region: string;
  readonly account: string | null;
  readonly backend: "s3" | "local";
  /** Policy files the stack's spec names (a change to one changes the stack). */
  readonly policies: readonly string[];
  /**
   * Every file the stack is made from, existing or not yet: its spec, policy files, region dump
   * (`<dumps>/<region>.json`), inventories and cdktf.json. What a CI trigger watches (`vpce atlantis` adds the specs
   * of the stacks in `hubs` and `spokes`); `vpce synth --changed-since` selects by the same list.
   */
  readonly inputs: readonly string[];
  /** Stacks whose hub VPCs this stack's spokes use: plan and apply them first (they come earlier in the rows). */
  readonly hubs: readonly string[];
  /** Stacks whose VPCs use a hub of this stack: a change here can change them (and theirs this one). */
  readonly spokes: readonly string[];
}

/** The rows of a plan, each hub's stack before its spokes', else by name; paths relative to `projectRoot`. */
export function stackRows(opts: {
  plan: Plan;
  /** The input files of every planned stack (stackInputs). */
  inputs: readonly StackInputs[];
  outDir: string;
  projectRoot: string;
}): StackRow[] {
  const sources = opts.plan.stacks.map((s) => ({ stack: s.stack, vpcs: s.vpcs }));
  const links = hubLinks(sources);
  const rank = new Map(hubFirstOrder(sources).map((stack, i) => [stack, i]));
  const inputsOf = new Map(opts.inputs.map((i) => [i.stack, i]));
  const rel = (p: string) =>
    path.relative(opts.projectRoot, path.resolve(opts.projectRoot, p)).split(path.sep).join("/");
  return opts.plan.stacks
    .map((s) => {
      const inputs = inputsOf.get(s.stack);
      if (!inputs) throw new Error(`internal: no input files for stack ${s.stack}`);
      return {
        stack: s.stack,
        dir: rel(path.join(opts.outDir, "stacks", s.stack)),
        spec: rel(path.resolve(s.file)),
        region: s.region,
        account: s.account ?? null,
        backend: s.backend.kind,
        policies: inputs.policies.map(rel),
        inputs: inputs.files.map(rel),
        hubs: links.get(s.stack)?.hubs ?? [],
        spokes: links.get(s.stack)?.spokes ?? [],
      };
    })
    .sort((a, b) => (rank.get(a.stack) as number) - (rank.get(b.stack) as number));
}

/**
 * Runs the pipeline and returns the rows, or the exit code when a spec is invalid (diagnostics and the summary
 * on stderr). Warnings are left to validate and plan: these commands print data for machines.
 */
export function loadStackRows(opts: {
  specs?: string;
  outDir: string;
  /** Every warning on its own (`--all-diagnostics`); default: grouped by code and VPC. */
  allDiagnostics?: boolean;
  io: Io;
}): StackRow[] | number {
  const { env } = opts.io;
  const r = runPipeline(specsPath({ explicit: opts.specs, env }).path, { env, explain: false });
  if (!r.plan) {
    printTerminalDiagnostics({ diagnostics: r.diagnostics, all: opts.allDiagnostics, io: opts.io });
    opts.io.err(`vpce: ${summarize(r.diagnostics)}; no stacks.`);
    return EXIT.invalid;
  }
  const projectRoot = process.cwd();
  const inputs = projectStackInputs({ specs: r.models.map(specSummary), env, projectRoot });
  return stackRows({ plan: r.plan, inputs, outDir: opts.outDir, projectRoot });
}

/** `vpce stacks [--json] [--out DIR]`. */
export function stacksCommand(opts: {
  specs?: string;
  outDir: string;
  json: boolean;
  allDiagnostics?: boolean;
  io: Io;
}): number {
  const rows = loadStackRows(opts);
  if (typeof rows === "number") return rows;
  if (opts.json) {
    opts.io.out(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  const table = [
    ["stack", "dir", "spec", "region", "account", "backend"],
    ...rows.map((r) => [r.stack, r.dir, r.spec, r.region, r.account ?? "-", r.backend]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((l) => l[i].length)));
  for (const line of table)
    opts.io.out(
      line
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
  return EXIT.ok;
}
