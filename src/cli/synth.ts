/**
 * The one synth flow, run by `vpce synth` and by main.ts (what `cdktf synth`
 * runs): diagnostics to stderr; when a spec is invalid, exit 1 and write
 * nothing; else write the stacks, report the stacks whose spec is gone (not
 * when synthesizing one spec file or a --stack/--changed-since selection) and a summary line. cdktf is loaded only
 * here, so validate, plan and catalog never load it.
 *
 * The project root is the working directory (where cdktf.json is, and where
 * `cdktf synth` runs the app): the default local state files live there, and
 * its cdktf.json may set `context."vpce:awsProviderVersion"`, the hashicorp/aws
 * version constraint of every stack. Both entry points read the same file, so
 * they write the same bytes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planGateways } from "../planner/plan";
import { hasErrors, summarize } from "../diagnostics";
import { compareStrings } from "../order";
import { loadInputs, planInputs, policyDirs, type PipelineInputs, type PipelineResult } from "../pipeline";
import type { SpecFileResult } from "../input";
import {
  cacheKey,
  readSpecCache,
  SPEC_CACHE_FILE,
  SpecCache,
  specsToLoad,
  writeSpecCache,
  type SpecEntry,
} from "../input/spec-cache";
import { hubLinkSource, policyStamps, specSummary, type SpecSummary } from "../input/spec-summary";
import { dumpDir } from "../region-dumps/read";
import { closest } from "../suggest";
import { canonicalPath, within } from "../canonical-path";
import { SPEC_FILE } from "../input/load";
import { filesAtRef, startChangedFilesSince, type ChangedFiles, type StartedChangedFiles } from "./changed-files";
import { EXIT, printTerminalDiagnostics, specsPath, UsageError, type Io, type SpecsPath } from "./io";
import {
  formerHubs,
  projectStackInputs,
  shownPath,
  selectStacks,
  stackRelations,
  stacksOfChangedFiles,
  type SelectedStack,
} from "./select-stacks";

export interface SynthesizeOptions {
  /** The specs folder or one spec file; default VPCE_SPECS of `io.env`, else specs/. */
  readonly specsDir?: string;
  /** The output folder; default cdktf.out. */
  readonly outDir?: string;
  /** The folder holding cdktf.json and the default local state files; default: the working directory. */
  readonly projectRoot?: string;
  /** Write `cdk.tf` (HCL) instead of `cdk.tf.json`; the other format's file is removed. */
  readonly hcl?: boolean;
  /** Also write each stack as a module into `<out>/modules/<stack>/`. */
  readonly module?: boolean;
  /** Write only these stacks (and the stacks related to them); the other stacks' files stay as they are. */
  readonly stacks?: readonly string[];
  /** Write only the stacks whose input files changed since this git ref (and the stacks related to them). */
  readonly changedSince?: string;
  /**
   * Read the spec cache in the output folder for a --stack / --changed-since selection (default true): the specs
   * unchanged since it are not loaded again. Every synth of a folder writes it, this one too.
   */
  readonly cache?: boolean;
  /** Every warning on its own on stderr (`--all-diagnostics`); default: grouped by code and VPC. */
  readonly allDiagnostics?: boolean;
  readonly io: Io;
}

/** Returns the exit code: EXIT.ok or EXIT.invalid; a bad cdktf.json throws a UsageError (exit 2), nothing written. */
export function synthesize(opts: SynthesizeOptions): number {
  const { io } = opts;
  const projectRoot = path.resolve(opts.projectRoot ?? ".");
  const configured = readContextString({ projectRoot, key: AWS_PROVIDER_VERSION_KEY });
  const specs = specsPath({ explicit: opts.specsDir, env: io.env });
  const outDir = opts.outDir ?? "cdktf.out";
  const { inputs, summaries, selection, key, readAt } = loadAndSelect({ opts, specs, outDir, projectRoot });
  // a selection plans only its stacks (the load stages and cross-file checks still cover every spec); the Terraform
  // written holds no reasons, so none are built
  const r = planInputs(inputs, {
    ...(selection ? { only: new Set(selection.map((s) => s.stack)) } : {}),
    explain: false,
  });
  printTerminalDiagnostics({ diagnostics: r.diagnostics, plan: r.plan, all: opts.allDiagnostics, io });
  if (!r.plan) {
    io.err(`vpce: ${summarize(r.diagnostics)}; nothing was written.`);
    return EXIT.invalid;
  }
  // Loaded lazily so that the commands that do not synthesize never load cdktf; import() would make run() async.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const constructs = require("../constructs/synth") as typeof import("../constructs/synth");
  if (configured !== undefined) {
    const problem = constructs.awsProviderVersionProblem(configured);
    if (problem)
      throw new UsageError(
        `${path.join(projectRoot, "cdktf.json")}: context."${AWS_PROVIDER_VERSION_KEY}" is ` +
          `${JSON.stringify(configured)}: ${problem}. Default: "${constructs.defaultAwsProviderConstraint()}". ` +
          "Nothing was written.",
      );
  }
  if (selection) {
    for (const s of selection) io.err(`vpce: stack ${s.stack} selected: ${s.why}`);
    if (selection.length === 0) {
      if (key !== undefined) writeCache({ outDir, key, readAt, files: inputs.files, result: r });
      io.err(`vpce: no stack selected: nothing was written (${summarize(r.diagnostics)})`);
      return EXIT.ok;
    }
  }
  // One spec file or a selection is not every spec: the other stacks' files stay (only a full synth prunes).
  const written = constructs.synthToDir(r.plan, outDir, {
    projectRoot,
    awsProviderVersion: configured,
    prune: !specs.file && !selection,
    format: opts.hcl ? "hcl" : "json",
    modules: opts.module === true,
  });
  if (key !== undefined) writeCache({ outDir, key, readAt, files: inputs.files, result: r });
  for (const s of written.removed)
    io.err(`vpce: stack ${s} has no spec any more: removed its stack files from ${written.outdir}/stacks/${s}`);
  const modules = opts.module ? `, and as modules to ${path.join(written.outdir, "modules")}` : "";
  const of = selection ? ` of ${summaries.length}` : "";
  const others = summaries.length - r.plan.stacks.length;
  // the plan-stage checks of the stacks a selection left out did not run: say so, and what runs them
  const unplanned =
    selection && others > 0 ? `; ${others} other stack(s) validated, not planned (vpce validate plans all)` : "";
  io.err(
    `vpce: ${written.written.length}${of} stack(s) written to ${written.outdir}${modules} ` +
      `(${summarize(r.diagnostics)}${unplanned})`,
  );
  return EXIT.ok;
}

/** What synthesize plans from: the inputs, every valid spec's summary, the selection (--stack / --changed-since). */
interface SynthInputs {
  readonly inputs: PipelineInputs;
  /** Every spec without errors, loaded or known from the spec cache. */
  readonly summaries: readonly SpecSummary[];
  /** The stacks to write; undefined: every stack. */
  readonly selection?: SelectedStack[];
  /** The spec cache's key, when the specs are a folder (the cache is written then). */
  readonly key?: string;
  /** When loading began, before any spec's status or bytes were read (the cache's CacheFile.readAt). */
  readonly readAt: number;
}

/**
 * Loads the specs, with the spec cache when a selection is asked for (src/input/spec-cache.ts: the specs unchanged
 * since the last synth are not loaded again unless their findings or plan could differ), and selects the stacks.
 */
function loadAndSelect(args: {
  opts: SynthesizeOptions;
  specs: SpecsPath;
  outDir: string;
  projectRoot: string;
}): SynthInputs {
  const { opts, specs } = args;
  const readAt = Date.now();
  const specsFolder = specs.file ? path.dirname(specs.path) : specs.path;
  // git runs beside the loading below (the cache key, the cache, every spec's status), asked for its answer when the
  // selection needs it
  const git =
    opts.changedSince !== undefined ? startChangedFilesSince({ ref: opts.changedSince, dir: specsFolder }) : undefined;
  try {
    return loadAndSelectWith({ ...args, readAt, specsFolder, git });
  } finally {
    git?.dispose();
  }
}

/** loadAndSelect once git is started (with --changed-since): the loading and the selection themselves. */
function loadAndSelectWith(args: {
  opts: SynthesizeOptions;
  specs: SpecsPath;
  outDir: string;
  projectRoot: string;
  readAt: number;
  specsFolder: string;
  git?: StartedChangedFiles;
}): SynthInputs {
  const { opts, specs, outDir, projectRoot, readAt, specsFolder, git } = args;
  const { io } = opts;
  const scoped = opts.stacks !== undefined || opts.changedSince !== undefined;
  // the spec cache: written by every synth of a specs folder; read by a selection, which then loads only the specs
  // whose findings or plan could differ from it (src/input/spec-cache.ts)
  const key = !specs.file
    ? cacheKey({ specsDir: specs.path, policyDirs: policyDirs(io.env), dumpDir: path.resolve(dumpDir(io.env)) })
    : undefined;
  const cache = key !== undefined && scoped && opts.cache !== false ? readSpecCache({ outDir, key }) : undefined;
  if (cache === "stale" || cache === "unreadable")
    io.err(
      `vpce: the spec cache ${path.join(outDir, SPEC_CACHE_FILE)} ` +
        (cache === "stale" ? "was written by another vpce, or with other region dumps or folders" : "cannot be read") +
        ": every spec is loaded (the next synth writes it anew)",
    );
  const known = cache instanceof SpecCache ? cache : undefined;
  // the selection is made twice with a cache (to scope the loading, then from what was loaded): git and the file
  // system are asked once
  let changed: ChangedFiles | undefined;
  let former: Map<string, string> | undefined;
  const canonical = new Map<string, string>();
  const selecting = {
    changed: () => {
      // asked only with --changed-since, which starts git
      if (!git) throw new Error("internal: the files changed since a ref were asked for without --changed-since");
      return (changed ??= git.wait());
    },
    formerHubs: (c: ChangedFiles, stacks: ReadonlySet<string>) =>
      (former ??= formerHubs({
        before: filesAtRef({
          changed: c,
          files: [...c.files].filter((f) => SPEC_FILE.test(f) && within(selecting.canonical(specsFolder), f)),
        }),
        stacks,
      })),
    canonical: (p: string) => canonical.get(p) ?? canonical.set(p, canonicalPath(p)).get(p) ?? p,
  };
  const inputs = loadInputs(specs.path, {
    env: io.env,
    ...(key !== undefined ? { known: (f) => known?.known(f), unchanged: (f) => known?.unchanged(f) } : {}),
    ...(known
      ? {
          scope: ({ summaries, loaded }) =>
            specsToLoad({
              summaries,
              loaded,
              previous: [...previousSummaries({ cache: known, summaries, loaded })],
              // lenient about unknown --stack names: the selection made after loading decides what they are
              selected: new Set(
                selectedStacks({ opts, summaries, failed: true, projectRoot, ...selecting }).map((s) => s.stack),
              ),
            }),
        }
      : {}),
  });
  const summaries = key !== undefined ? inputs.files.flatMap((f) => f.summary ?? []) : inputs.models.map(specSummary);
  const reused = inputs.files.filter((f) => f.known && !f.model).length;
  if (reused > 0)
    io.err(
      `vpce: ${reused} of ${summaries.length} spec(s) unchanged since the spec cache ` +
        `${path.join(outDir, SPEC_CACHE_FILE)}: their findings are the cache's, and they were not loaded again`,
    );
  const selection = scoped
    ? selectedStacks({ opts, summaries, failed: hasErrors(inputs.diagnostics), projectRoot, ...selecting })
    : undefined;
  return { inputs, summaries, readAt, ...(selection ? { selection } : {}), ...(key !== undefined ? { key } : {}) };
}

/**
 * The cache's summaries of the files loaded anyway (changed since it) and of the files gone since: what their stacks
 * were, so that a spec naming a hub under a name that is gone is loaded and judged.
 */
function* previousSummaries(opts: {
  cache: SpecCache;
  summaries: readonly SpecSummary[];
  loaded: ReadonlySet<string>;
}): Generator<SpecSummary> {
  const now = new Set(opts.summaries.map((s) => s.path));
  for (const e of opts.cache.entries) if (opts.loaded.has(e.path) || !now.has(e.path)) yield e.summary;
}

/**
 * Writes the spec cache after a synth without errors: an entry per spec file with what it found, the gateway count
 * from the plan (or counted for the stacks it did not plan); the files not loaded keep their entries.
 */
function writeCache(opts: {
  outDir: string;
  key: string;
  readAt: number;
  files: readonly SpecFileResult[];
  result: PipelineResult;
}): void {
  const gateways = new Map<string, number>(opts.result.unplanned.map((u) => [u.stack, u.gateways]));
  for (const s of opts.result.plan?.stacks ?? []) gateways.set(s.stack, planGateways(s));
  const specs: SpecEntry[] = opts.files.flatMap((f) => {
    const n = f.summary ? gateways.get(f.summary.stack) : undefined;
    if (!f.summary || f.digest === undefined || n === undefined) return [];
    const { path: file, digest, stat, diagnostics, summary } = f;
    // the policy files as read now, or as the cache's entry had them (checked unchanged at the start)
    const policies = f.model ? policyStamps(f.model) : (f.known?.policies ?? []);
    return [{ path: file, digest, ...(stat ? { stat } : {}), policies, diagnostics, summary, gateways: n }];
  });
  writeSpecCache({ outDir: opts.outDir, key: opts.key, readAt: opts.readAt, specs });
}

/**
 * The stacks --stack and --changed-since ask for, with the stacks related to them, read from the spec summaries
 * before planning. An unknown stack name is a usage error with the closest names, unless some spec has an error
 * (`failed`: it may be the one defining the name): its findings are then the answer.
 */
function selectedStacks(args: {
  opts: SynthesizeOptions;
  summaries: readonly SpecSummary[];
  failed: boolean;
  projectRoot: string;
  /** The files changed since --changed-since's ref (absolute, links resolved). */
  changed: () => ChangedFiles;
  /** The hubs the spec files among them named at the ref (formerHubs of filesAtRef), still among `stacks`. */
  formerHubs: (changed: ChangedFiles, stacks: ReadonlySet<string>) => ReadonlyMap<string, string>;
  /** canonicalPath, remembered. */
  canonical: (p: string) => string;
}): SelectedStack[] {
  const { opts, summaries } = args;
  const known = summaries.map((s) => s.stack).sort(compareStrings);
  const seeds = new Map<string, string>();
  for (const name of opts.stacks ?? []) {
    if (!known.includes(name) && args.failed) continue;
    if (!known.includes(name)) {
      const near = closest(name, known);
      throw new UsageError(
        `--stack ${name}: no spec defines this stack` +
          (near.length > 0 ? `; did you mean ${near.join(", ")}?` : ".") +
          ` Stacks: ${known.length > 10 ? `${known.slice(0, 10).join(", ")}, ...` : known.join(", ")}. ` +
          "Nothing was written.",
      );
    }
    seeds.set(name, "named by --stack");
  }
  const also = new Map<string, string>();
  if (opts.changedSince !== undefined) {
    const files = projectStackInputs({ specs: summaries, env: opts.io.env, projectRoot: args.projectRoot }).map(
      (s) => ({ stack: s.stack, files: s.files.map(args.canonical) }),
    );
    const changed = args.changed();
    const shownFrom = args.canonical(process.cwd());
    for (const [stack, why] of stacksOfChangedFiles({ inputs: files, changed: changed.files, shownFrom }))
      if (!seeds.has(stack)) seeds.set(stack, `${why} since ${opts.changedSince}`);
    for (const [hub, file] of args.formerHubs(changed, new Set(known)))
      also.set(hub, `${shownPath({ file, from: shownFrom })} named it as hub at ${opts.changedSince}`);
  }
  return selectStacks({ seeds, relations: stackRelations(summaries.map(hubLinkSource)), also });
}

/** The cdktf.json `context` key of the hashicorp/aws version constraint (see docs/terraform-pipelines.md). */
const AWS_PROVIDER_VERSION_KEY = "vpce:awsProviderVersion";

/** A string of cdktf.json's `context`; undefined when there is no cdktf.json or no such key. */
function readContextString(opts: { projectRoot: string; key: string }): string | undefined {
  const file = path.join(opts.projectRoot, "cdktf.json");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}. Nothing was written.`);
  }
  const context = (config as { context?: unknown } | null)?.context;
  if (context === undefined || context === null || typeof context !== "object") return undefined;
  if (!Object.prototype.hasOwnProperty.call(context, opts.key)) return undefined;
  const value = (context as Record<string, unknown>)[opts.key];
  if (typeof value !== "string")
    throw new UsageError(
      `${file}: context."${opts.key}" must be a string, a Terraform version constraint such as "~> 6.30"; ` +
        `found ${JSON.stringify(value)}. Nothing was written.`,
    );
  return value;
}
