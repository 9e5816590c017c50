/**
 * Entry point of `cdktf synth` (see cdktf.json): wiring only.
 * Specs come from VPCE_SPECS, else specs/; stacks go to CDKTF_OUTDIR, else
 * cdktf.out. Diagnostics go to stderr; on any error the process exits 1
 * before anything is written.
 */
import { synthToDir } from "./src/constructs/synth";
import { formatDiagnostic, summarize } from "./src/diagnostics";
import { runPipeline, specsDir } from "./src/pipeline";

const result = runPipeline(specsDir());
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (!result.plan) {
  console.error(`vpce: ${summarize(result.diagnostics)}; nothing was synthesized.`);
  process.exit(1);
}
const written = synthToDir(result.plan, process.env.CDKTF_OUTDIR || "cdktf.out");
console.error(
  `vpce: ${written.written.length} stack(s) synthesized into ${written.outdir} (${summarize(result.diagnostics)})`,
);
