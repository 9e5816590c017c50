/**
 * The whole path from a specs folder to a plan, shared by `cdktf synth`
 * (main.ts) and the vpce CLI: load + validate, read the region dumps, then
 * plan what is valid.
 */
import * as path from "node:path";
import { loadDumps, type RegionDump } from "./region-dumps/read";
import { loadInventories, type Inventory } from "./inventory/read";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics";
import { planStacks, unplannedStack } from "./planner";
import type { UnplannedStack } from "./planner/subject";
import type { Plan } from "./planner/plan";
import { loadSpecs, type SpecFileResult, type SpecModel, type SpecOptions } from "./input";

export interface PipelineResult {
  /** Present only when no spec has an error. */
  readonly plan?: Plan;
  /** Every error, warning and note, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The models of the specs without errors (what the plan was made from), for commands that read the specs. */
  readonly models: readonly SpecModel[];
  /** The region dumps read, by region. */
  readonly dumps: ReadonlyMap<string, RegionDump>;
  /**
   * The plan whenever planning ran, even when a rule found an error in it (a conflict with existing endpoints):
   * for reports that show the error in place (`vpce adopt`). Never synthesized.
   */
  readonly draft?: Plan;
  /** The endpoint inventories read, by `<account>-<region>` or `<region>`. */
  readonly inventories: ReadonlyMap<string, Inventory>;
  /** A scoped run's unplanned stacks (what the rules across stacks read of them), by stack name; else empty. */
  readonly unplanned: readonly UnplannedStack[];
}

export interface PipelineOptions extends Pick<SpecOptions, "known" | "unchanged" | "scope"> {
  /** Folder of region dumps; default VPCE_CATALOG, else catalog/ in the working directory. */
  readonly dumpDir?: string;
  /** Folder of endpoint inventories; default VPCE_INVENTORY, else inventory/ in the working directory. */
  readonly inventoryDir?: string;
  /** VPCE_CATALOG, VPCE_INVENTORY and VPCE_POLICY_DIRS are read from here; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Folders besides the specs folder that policy files may come from:
 * VPCE_POLICY_DIRS, a list separated like PATH (`:`; `;` on Windows), each
 * relative to the working directory.
 */
export function policyDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.VPCE_POLICY_DIRS ?? "")
    .split(path.delimiter)
    .filter((d) => d.trim() !== "")
    .map((d) => path.resolve(d));
}

/** The specs folder: the explicit one, else VPCE_SPECS, else `specs/`. */
export function specsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? (env.VPCE_SPECS || "specs"));
}

export function runPipeline(
  dir: string,
  opts: PipelineOptions & Pick<PlanStageOptions, "explain"> = {},
): PipelineResult {
  return planInputs(loadInputs(dir, opts), { explain: opts.explain });
}

/** How the plan stage runs (planInputs). */
export interface PlanStageOptions {
  /** Plan only these stacks (a scoped synth); default every stack. */
  readonly only?: ReadonlySet<string>;
  /** Write each endpoint's reasons (default true): false for commands that never show them (PlanOptions.explain). */
  readonly explain?: boolean;
}

/** What the pipeline reads before planning: every spec (validated, and checked across files), dumps, inventories. */
export interface PipelineInputs {
  /** The models of the specs without errors. */
  readonly models: readonly SpecModel[];
  /** The load, fields, across-files, region-dump and inventory findings. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every spec file, loaded or known (PipelineOptions.known); empty without `known`. */
  readonly files: readonly SpecFileResult[];
  readonly dumps: ReadonlyMap<string, RegionDump>;
  readonly inventories: ReadonlyMap<string, Inventory>;
}

/**
 * Loads and validates every spec (the fields and across-files rules see every file, whatever is planned later),
 * and reads the region dumps and inventories.
 */
export function loadInputs(dir: string, opts: PipelineOptions = {}): PipelineInputs {
  const env = opts.env ?? process.env;
  const dumps = loadDumps({ dir: opts.dumpDir, env });
  // once per region: what each dump adds to the catalog (service ids) and the zones it names
  const dumpFacts = new Map(
    [...dumps.dumps].map(([region, d]) => {
      const services = [...d.services.values()];
      const offers = services.flatMap((s) => Object.values(s.byType));
      return [
        region,
        {
          ids: new Set(services.flatMap((s) => (s.id ? [s.id] : []))),
          zones: {
            names: new Set(offers.flatMap((o) => o?.azNames ?? [])),
            ids: new Set(offers.flatMap((o) => o?.azIds ?? [])),
          },
        },
      ];
    }),
  );
  const specs = loadSpecs(dir, {
    dumpFacts: (region) => dumpFacts.get(region),
    policyDirs: policyDirs(env),
    ...(opts.known ? { known: opts.known } : {}),
    ...(opts.unchanged ? { unchanged: opts.unchanged } : {}),
    ...(opts.scope ? { scope: opts.scope } : {}),
  });
  const inventories = loadInventories({ dir: opts.inventoryDir, env });
  return {
    models: specs.models,
    diagnostics: [...specs.diagnostics, ...dumps.diagnostics, ...inventories.diagnostics],
    files: specs.files,
    dumps: dumps.dumps,
    inventories: inventories.inventories,
  };
}

/**
 * Plans the inputs and runs the plan rules. `only` plans just those stacks (a scoped synth): each is planned
 * exactly as in a full run (the hub topology reads every model), the plan holds only them, and the plan rules
 * judge only them, except the rules that look across stacks, which see what they need of the others (see
 * PlanOptions.only). The findings of the load stages are every file's either way.
 */
export function planInputs(inputs: PipelineInputs, opts: PlanStageOptions = {}): PipelineResult {
  // the specs known from the synth's cache and not loaded: the rules that look across stacks read them
  const known = opts.only
    ? inputs.files.flatMap((f) =>
        f.known && !f.model ? [unplannedStack({ summary: f.known.summary, gateways: f.known.gateways })] : [],
      )
    : [];
  const planned = planStacks(inputs.models, {
    dumps: inputs.dumps,
    inventories: inputs.inventories,
    ...(opts.only ? { only: opts.only } : {}),
    ...(known.length > 0 ? { unplanned: known } : {}),
    ...(opts.explain === false ? { explain: false } : {}),
  });
  const diagnostics = sortDiagnostics([...inputs.diagnostics, ...planned.diagnostics]);
  return {
    plan: hasErrors(diagnostics) ? undefined : planned.plan,
    diagnostics,
    draft: planned.plan,
    unplanned: planned.unplanned,
    models: inputs.models,
    dumps: inputs.dumps,
    inventories: inputs.inventories,
  };
}
