/**
 * The one synth flow, run by `vpce synth` and by main.ts (what `cdktf synth`
 * runs): diagnostics to stderr; when a spec is invalid, exit 1 and write
 * nothing; else write the stacks, report the stacks whose spec is gone (not
 * when synthesizing one spec file) and a summary line. cdktf is loaded only here, so validate, plan and catalog
 * never load it.
 */
import { formatDiagnostic, summarize } from "../diagnostics";
import { runPipeline } from "../pipeline";
import { EXIT, specsPath, type Io } from "./io";

export interface SynthesizeOptions {
  /** The specs folder or one spec file; default VPCE_SPECS of `io.env`, else specs/. */
  readonly specsDir?: string;
  /** The output folder; default cdktf.out. */
  readonly outDir?: string;
  readonly io: Io;
}

/** Returns the exit code: EXIT.ok or EXIT.invalid. */
export function synthesize(opts: SynthesizeOptions): number {
  const { io } = opts;
  const specs = specsPath({ explicit: opts.specsDir, env: io.env });
  const r = runPipeline(specs.path, { env: io.env });
  for (const d of r.diagnostics) io.err(formatDiagnostic(d));
  if (!r.plan) {
    io.err(`vpce: ${summarize(r.diagnostics)}; nothing was written.`);
    return EXIT.invalid;
  }
  // Loaded lazily so that the commands that do not synthesize never load cdktf; import() would make run() async.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthToDir } = require("../constructs/synth") as typeof import("../constructs/synth");
  // One spec file is not every spec: the other stacks' files stay (only a folder's synth prunes).
  const written = synthToDir(r.plan, opts.outDir ?? "cdktf.out", { prune: !specs.file });
  for (const s of written.removed)
    io.err(`vpce: stack ${s} has no spec any more: removed its stack files from ${written.outdir}/stacks/${s}`);
  io.err(`vpce: ${written.written.length} stack(s) written to ${written.outdir} (${summarize(r.diagnostics)})`);
  return EXIT.ok;
}
