/**
 * The whole path from a specs folder to a plan, shared by `cdktf synth`
 * (main.ts) and the vpce CLI: load + validate, read the region dumps, then
 * plan what is valid.
 */
import * as path from "node:path";
import { loadDumps, type DumpProblem } from "./region-dumps/read";
import { diag, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics";
import { planStacks } from "./planner";
import type { Plan } from "./planner/plan";
import { loadSpecs } from "./input";
import { displayPath } from "./input/load";

export interface PipelineResult {
  /** Present only when no spec has an error. */
  readonly plan?: Plan;
  /** Every error, warning and note, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface PipelineOptions {
  /** Folder of region dumps; default VPCE_CATALOG, else catalog/ in the working directory. */
  readonly dumpDir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** The specs folder: the explicit one, else VPCE_SPECS, else `specs/`. */
export function specsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? (env.VPCE_SPECS || "specs"));
}

export function runPipeline(dir: string, opts: PipelineOptions = {}): PipelineResult {
  const dumps = loadDumps(opts.dumpDir, opts.env ?? process.env);
  const dumpIds = new Map(
    [...dumps.dumps].map(([region, d]) => [
      region,
      new Set([...d.services.values()].flatMap((s) => (s.id ? [s.id] : []))),
    ]),
  );
  const specs = loadSpecs(dir, { dumpIds: (region) => dumpIds.get(region) });
  const planned = planStacks(specs.models, { dumps: dumps.dumps });
  const diagnostics = sortDiagnostics([
    ...specs.diagnostics,
    ...dumps.problems.map(dumpDiagnostic),
    ...planned.diagnostics,
  ]);
  return { plan: hasErrors(diagnostics) ? undefined : planned.plan, diagnostics };
}

function dumpDiagnostic(p: DumpProblem): Diagnostic {
  return diag({
    code: p.code,
    file: displayPath(p.file),
    pos: p.line !== undefined ? { line: p.line, col: p.col ?? 1 } : undefined,
    message: p.message,
    hint: "Region dumps are the raw output of aws ec2 describe-vpc-endpoint-services --region <region>, saved as catalog/<region>.json.",
  });
}
