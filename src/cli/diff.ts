/**
 * `vpce diff --base REF`: plans the specs as they were at REF (read from git, see src/diff/git.ts) and as they
 * are in the working tree, and reports what changes (src/diff/compare.ts). Exit 0: no change; 4 (EXIT.changes):
 * changes found; 1: the specs are invalid on either side; 2: a usage error, an unknown ref or no repository.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { summarize, type Diagnostic } from "../diagnostics";
import { diffPlans } from "../diff/compare";
import { GitRefError, snapshotAt } from "../diff/git";
import { policyDirs, runPipeline } from "../pipeline";
import type { Plan } from "../planner/plan";
import { dumpDir } from "../region-dumps/read";
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from "../report/diff";
import { EXIT, printTerminalDiagnostics, specsPath, UsageError, type Io } from "./io";

export interface DiffCommandOptions {
  readonly specs?: string;
  readonly base: string;
  readonly format: "table" | "json" | "markdown";
  /** Markdown: the most characters the diff may take (the rest of the comment holds the plan). */
  readonly maxChars?: number;
  /** Every warning on its own (`--all-diagnostics`); default: grouped by code and VPC. */
  readonly allDiagnostics?: boolean;
  readonly io: Io;
}

export function diffCommand(opts: DiffCommandOptions): number {
  const { io } = opts;
  const specs = specsPath({ explicit: opts.specs, env: io.env });
  const head = runPipeline(specs.path, { env: io.env });
  if (!head.plan) return invalid({ diagnostics: head.diagnostics, side: "the working tree", opts });
  const dumps = dumpDir(io.env);
  const policies = policyDirs(io.env);
  let snapshot;
  try {
    snapshot = snapshotAt({ specs: specs.path, ref: opts.base, folders: [dumps, ...policies] });
  } catch (e) {
    if (e instanceof GitRefError) throw new UsageError(e.message);
    throw e;
  }
  try {
    let basePlan: Plan = { stacks: [] };
    if (snapshot.hasSpecs) {
      const env: NodeJS.ProcessEnv = {
        ...io.env,
        // policy folders inside the repository as they were at the ref; those outside it as they are
        VPCE_POLICY_DIRS: policies.map((d) => snapshot.at(d) ?? d).join(path.delimiter),
      };
      // dumps inside the repository as they were at the ref (none, when the folder did not exist then); a folder
      // outside it is read as the working tree's pipeline reads it
      const dumpsThen = snapshot.at(dumps);
      if (dumpsThen !== undefined) fs.mkdirSync(dumpsThen, { recursive: true });
      const base = runPipeline(snapshot.at(specs.path) as string, { env, dumpDir: dumpsThen });
      const shown = base.diagnostics.map((d) => ({ ...d, file: snapshot.shown(d.file) }));
      if (!base.plan) return invalid({ diagnostics: shown, side: opts.base, opts });
      basePlan = { stacks: base.plan.stacks.map((s) => ({ ...s, file: snapshot.shown(s.file) })) };
    }
    const diff = diffPlans({ base: basePlan, head: head.plan });
    const report = { diff, base: opts.base, commit: snapshot.commit };
    if (opts.format === "json") io.out(renderDiffJson(report));
    else if (opts.format === "markdown") io.out(renderDiffMarkdown({ ...report, limit: opts.maxChars }));
    else io.out(renderDiffText(report));
    io.err(
      `vpce: ${diff.changed ? `changes against ${opts.base}` : `no change against ${opts.base}`}` +
        (diff.outages > 0 ? `, ${diff.outages} replacement(s) or destroy(s)` : "") +
        (snapshot.hasSpecs ? "" : ` (no specs at ${opts.base}: everything is new)`),
    );
    return diff.changed ? EXIT.changes : EXIT.ok;
  } finally {
    snapshot.remove();
  }
}

function invalid(args: { diagnostics: readonly Diagnostic[]; side: string; opts: DiffCommandOptions }): number {
  const { io, allDiagnostics } = args.opts;
  printTerminalDiagnostics({ diagnostics: args.diagnostics, all: allDiagnostics, io });
  io.err(`vpce: ${summarize(args.diagnostics)} in the specs of ${args.side}; no diff.`);
  return EXIT.invalid;
}
