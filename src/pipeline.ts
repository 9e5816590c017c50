/**
 * The whole path from a specs folder to a plan, shared by `cdktf synth`
 * (main.ts) and the vpce CLI: load + validate, then plan what is valid.
 */
import * as path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics";
import { planStacks, type PlanOptions } from "./planner";
import type { Plan } from "./planner/model";
import { loadSpecs } from "./spec";

export interface PipelineResult {
  /** Present only when no spec has an error. */
  readonly plan?: Plan;
  /** Every error, warning and note, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The specs folder: the explicit one, else VPCE_SPECS, else `specs/`. */
export function specsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? (env.VPCE_SPECS || "specs"));
}

export function runPipeline(dir: string, opts: PlanOptions = {}): PipelineResult {
  const specs = loadSpecs(dir);
  const planned = planStacks(specs.models, opts);
  const diagnostics = sortDiagnostics([...specs.diagnostics, ...planned.diagnostics]);
  return { plan: hasErrors(diagnostics) ? undefined : planned.plan, diagnostics };
}
